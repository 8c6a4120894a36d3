"""Files in: opening workbooks, CSV and YAML safely, finding input files, the register of
inputs no output may replace, and the questionnaire cache."""
