"""Summarization stages: compress, features, objectives, select (the ILP) and attribute."""
