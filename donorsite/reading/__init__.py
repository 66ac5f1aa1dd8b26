"""Reading an editor's YAML text: the YAML 1.2 reader, its positions, and located validation messages."""
