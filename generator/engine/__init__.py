"""The engine boundary: the only package that knows MkDocs and Material for MkDocs.

The content pipeline (generator.pipeline) hands the engine a finished docs folder:
one Markdown file per page with engine-neutral front matter (``title``,
``description``, ``head``, ``edit_url``, ``toc``) and the list of pages whose body
is trusted HTML from our templates.  The engine turns that folder into the site:

- ``driver``: our build of a docs folder with MkDocs' own stages, in parallel
  worker processes, rebuilding only the pages whose bytes changed;
- ``plugin``: the MkDocs plugin that lets plain ``mkdocs build`` / ``mkdocs serve``
  run the whole pipeline (registered as the ``showcase`` plugin);
- ``theme``: site.yml's settings applied to MkDocs' config, escaped where Material
  prints them raw;
- ``pages``: what a page needs beyond its Markdown (escaped metadata, edit link,
  table of contents of generated HTML, Material's ``hide``);
- ``sitemap``: a sitemap that is the same bytes on every build.

Another engine that reads the same ``mkdocs.yml`` (Zensical, ProperDocs) would
replace this package and nothing else.
"""
