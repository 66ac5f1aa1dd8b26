"""The website's build: every page and file of one build, engine-neutral; the export, sitemaps, search data and the page worker."""
