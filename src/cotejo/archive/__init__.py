"""Archive: original bytes stored by content hash and never changed; provenance; tamper evidence."""
