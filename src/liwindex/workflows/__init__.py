"""What the façade runs: reading and scoring rounds (on every core), writing documents, the batch."""
