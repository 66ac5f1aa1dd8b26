"""The content of one site: every file read, validated and located once; cross-field rules; files; history; options."""
