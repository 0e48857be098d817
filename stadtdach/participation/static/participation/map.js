/* The map island of the idea collection (the site's only JavaScript island besides
   htmx). Without JavaScript the island stays hidden: places are chosen from a list and
   every idea is in the list below. With JavaScript the map loads only when asked for,
   because its tiles come from another server. Leaflet is vendored in static/vendor.

   data-map="show": the ideas with a place, from the process's GeoJSON.
   data-map="pick": a click (or "use the centre") fills the form's latitude/longitude. */
(function () {
  "use strict";

  var leafletLoading = null;

  function loadLeaflet(island) {
    if (window.L) { return Promise.resolve(window.L); }
    if (leafletLoading) { return leafletLoading; }
    leafletLoading = new Promise(function (resolve, reject) {
      var css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = island.dataset.leafletCss;
      document.head.appendChild(css);
      var script = document.createElement("script");
      script.src = island.dataset.leafletJs;
      script.onload = function () { resolve(window.L); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return leafletLoading;
  }

  function button(label) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "button button--secondary";
    element.textContent = label;
    return element;
  }

  function baseMap(L, island, canvas) {
    // Marker images next to leaflet.js (the CSS trick Leaflet uses fails on hashed names).
    var base = island.dataset.leafletJs.replace(/[^/]*$/, "");
    L.Icon.Default.prototype.options.imagePath = base + "images/";
    var map = L.map(canvas, { attributionControl: false });
    L.control.attribution({ prefix: false }).addTo(map);
    L.tileLayer(island.dataset.tileUrl, {
      maxZoom: 19,
      attribution: island.dataset.attribution
    }).addTo(map);
    map.setView([parseFloat(island.dataset.lat), parseFloat(island.dataset.lon)],
      parseInt(island.dataset.zoom, 10));
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", island.dataset.labelMap);
    return map;
  }

  function showIdeas(L, island, map) {
    var status = island.querySelector("[data-map-status]");
    fetch(island.dataset.geojson, { headers: { "Accept": "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (collection) {
        var layer = L.geoJSON(collection, {
          pointToLayer: function (feature, latlng) {
            return L.marker(latlng, { title: feature.properties.title, alt: feature.properties.title });
          },
          onEachFeature: function (feature, marker) {
            var link = document.createElement("a");
            link.href = feature.properties.url;
            link.textContent = feature.properties.title;
            marker.bindPopup(link);
          }
        }).addTo(map);
        var count = collection.features.length;
        status.textContent = count + " " + island.dataset.labelCount;
        if (count) { map.fitBounds(layer.getBounds(), { maxZoom: 16, padding: [20, 20] }); }
      })
      .catch(function () { status.textContent = ""; });
  }

  function pickPlace(L, island, map) {
    var form = island.closest("form");
    var lat = form.querySelector("input[name=latitude]");
    var lon = form.querySelector("input[name=longitude]");
    var status = island.querySelector("[data-map-status]");
    var marker = null;

    function set(latlng) {
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
      status.textContent = island.dataset.labelPicked + ": " + lat.value + " N, " + lon.value + " E";
    }

    function clear() {
      lat.value = "";
      lon.value = "";
      if (marker) { map.removeLayer(marker); marker = null; }
      status.textContent = "";
    }

    map.on("click", function (event) { set(event.latlng); });
    var useCentre = button(island.dataset.labelUseCenter);
    useCentre.addEventListener("click", function () { set(map.getCenter()); });
    var remove = button(island.dataset.labelClear);
    remove.addEventListener("click", clear);
    var actions = document.createElement("p");
    actions.className = "actions";
    actions.appendChild(useCentre);
    actions.appendChild(remove);
    island.appendChild(actions);
    if (lat.value && lon.value) {
      var latlng = L.latLng(parseFloat(lat.value), parseFloat(lon.value));
      set(latlng);
      map.setView(latlng, 16);
    }
  }

  function start(island) {
    var load = island.querySelector("[data-map-load]");
    var canvas = island.querySelector("[data-map-canvas]");
    load.addEventListener("click", function () {
      load.disabled = true;
      loadLeaflet(island).then(function (L) {
        canvas.hidden = false;
        load.hidden = true;
        var map = baseMap(L, island, canvas);
        if (island.dataset.map === "pick") { pickPlace(L, island, map); }
        else { showIdeas(L, island, map); }
        canvas.focus();
      }, function () { load.disabled = false; });
    });
    island.hidden = false;
  }

  function init() {
    var islands = document.querySelectorAll("[data-map]");
    for (var i = 0; i < islands.length; i += 1) {
      if (!islands[i].dataset.started) {
        islands[i].dataset.started = "1";
        start(islands[i]);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
