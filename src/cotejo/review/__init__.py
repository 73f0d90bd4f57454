"""Review: what people do with assessments, and the audit log that records it.

Roles (viewer < analyst < reviewer < admin) are checked here, in the service layer, so the
CLI and the API enforce the same rules. Every action is a `review_entries` row mirrored in
the hash-chained event log; `cotejo verify` checks both.
"""
