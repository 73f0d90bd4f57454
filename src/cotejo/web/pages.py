"""Routes for the UI's pages and its static files.

Pages are static shells; their scripts read the state from the URL and the data from the
API. `vendor/` is built by `make web`; without it the pages say how to build it.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
VENDOR_FILES = (
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet.markercluster/leaflet.markercluster.js",
    "leaflet.markercluster/MarkerCluster.css",
    "leaflet.markercluster/MarkerCluster.Default.css",
    "topojson-client/topojson-client.min.js",
    "world-atlas/countries-50m.json",
)
PAGES = {
    "/": "index.html",
    "/incident": "incident.html",
    "/document": "document.html",
    "/history": "history.html",
    "/review": "review.html",
    "/upload": "upload.html",
    "/login": "login.html",
}
MISSING = (
    "<!DOCTYPE html><title>cotejo</title><h1>The web UI is not built</h1>"
    "<p>Run <code>make web</code> (it runs <code>npm ci</code> and copies the map libraries "
    "into src/cotejo/web/static/vendor), then reload. The API works without it: "
    "<a href='/openapi.json'>/openapi.json</a>.</p>"
)


def missing_vendor_files() -> list[str]:
    return [name for name in VENDOR_FILES if not (VENDOR / name).is_file()]


_built = False  # once the vendor files are all there, pages stop checking on every request


def vendor_built() -> bool:
    global _built
    _built = _built or not missing_vendor_files()
    return _built


def mount(app: FastAPI) -> None:
    for route, name in PAGES.items():
        app.add_api_route(
            route, _page(name), include_in_schema=False, methods=["GET"], response_model=None
        )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def _page(name: str):  # noqa: ANN202 - a route endpoint
    path = STATIC / name

    def page() -> FileResponse | HTMLResponse:
        if not vendor_built():
            return HTMLResponse(MISSING, status_code=503)
        return FileResponse(path, media_type="text/html; charset=utf-8")

    page.__name__ = f"page_{path.stem}"
    return page
