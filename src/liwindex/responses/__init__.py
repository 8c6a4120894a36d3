"""Reading a round: matching headers to questions, answers to choices, groups, grades,
metadata, mapping files, and the round itself."""
