"""Statistics beyond averages: bootstrap intervals, reliability, the NGO–administration gap,
data quality and the sensitivity of the index to the scoring settings."""
