"""Excel workbooks: the round or comparison report, trend and benchmark workbooks, the batch summary."""
