"""Domain code of the blood-donation campaign site.

Everything here is plain Python: it never imports MkDocs, so that the
content model, validation, localisation and page rendering survive a move
to another site engine. The MkDocs adapters live in ``hooks/``.
"""
