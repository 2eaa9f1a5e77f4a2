"""Hostile inputs from issue 9, written by the tests themselves (nothing is committed but code)."""
