"""The web UI: static HTML, CSS and JavaScript served by the API, with Leaflet, its marker
clusters, topojson-client and world-atlas's country shapes copied from node_modules into
`static/vendor/` by `make web`. Nothing is fetched from the network at run time."""
