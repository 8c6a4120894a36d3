"""Material for collecting answers: a typing-in template, an XLSForm for KoboToolbox/ODK,
and the questionnaire as a printable document."""
