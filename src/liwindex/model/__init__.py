"""The questionnaire: its pydantic models, loading and checking the YAML, and the compiled
tables the engine reads."""
