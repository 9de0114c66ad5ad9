"""Template families of the narrative recognisers: one TOML file a family (模板).

Each file (``shanghai_2024.toml``, ``xinjiang_2023.toml``) holds a family's
headings and sentence patterns; :func:`govfinal.ingest.narrative.load_family`
reads one. Adding a province's template is adding a file here.
"""
