"""The REST API (FastAPI) over a cotejo store; `create_app` builds it."""

from cotejo.api.app import create_app

__all__ = ["create_app"]
