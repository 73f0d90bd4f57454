"""Archive: original bytes stored content-addressed and never changed, provenance, tamper evidence."""
