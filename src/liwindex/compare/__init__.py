"""Comparing rounds: two rounds like for like, one JST's trend, many JSTs side by side."""
