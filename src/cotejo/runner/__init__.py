"""Runners: run a stage over the store and persist what it returns. Stages themselves never
touch the database; these modules do, one per stage."""
