"""Quality checks: small pure functions returning Issue values."""
