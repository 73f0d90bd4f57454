// A Leaflet map with no tiles: country shapes from world-atlas (Natural Earth), served by
// this site. Leaflet and topojson-client are loaded as globals by the page.
/* global L, topojson */

let countries = null; // the GeoJSON, fetched once per page

async function countryShapes() {
  if (!countries) {
    const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
    const topo = await response.json();
    countries = topojson.feature(topo, topo.objects.countries);
  }
  return countries;
}

export function baseMap(element, options = {}) {
  const map = L.map(element, {
    worldCopyJump: true,
    minZoom: 2,
    maxZoom: 12,
    zoomSnap: 0.5,
    ...options,
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth (world-atlas)");
  map.setView([10, -70], 3);
  countryShapes().then((shapes) => {
    L.geoJSON(shapes, {
      interactive: false,
      style: { color: "#8a9bb0", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map);
    map.getPane("overlayPane").style.zIndex = 350;
  });
  return map;
}
