"""Default content and the deterministic demo-data generator."""
