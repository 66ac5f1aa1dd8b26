"""Locale-dependent work: formatting, translations of texts and labels."""
