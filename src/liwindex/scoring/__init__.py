"""Scoring a round (SPEC §2): the array engine and the result object every output renders."""
