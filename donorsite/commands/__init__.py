"""The commands of the ``donorsite`` command line, one module per command; ``cli.py`` reads the arguments and calls them."""
