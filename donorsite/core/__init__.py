"""Foundations every layer stands on: problems, locales, the URL contract, ids and text checks."""
