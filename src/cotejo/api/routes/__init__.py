"""The API's routers, one module per resource; `cotejo.api.app.ROUTERS` lists them."""
