"""cotejo: cross-check public reports of violent incidents.

The flow is ingest -> archive -> extract -> resolve -> assess -> review -> publish;
`cotejo.pipeline.PIPELINE` lists the stages that exist in this release.
"""

__version__ = "0.1.0"
