// Orders the home page's "next chances to give" on the reader's device (issue 21).
//
// The built list is soonest first as of the build date. Here, in the browser:
// chances that have ended are hidden (a site shows its next open day instead);
// with the reader's permission the list is ordered by distance from the
// reader's position, which is computed here and never sent anywhere; else by
// a place the reader picked; else soonest first. The position and the place
// are remembered in this browser's localStorage until the reader forgets them.
(function () {
  "use strict";

  var POSITION_KEY = "donorsite.next-chances.position";
  var PLACE_KEY = "donorsite.next-chances.place";
  var FORGOTTEN_KEY = "donorsite.next-chances.no-position";

  // --- Pure functions (no DOM) ---

  // Great-circle distance in km between two {lat, lon} points (haversine, mean Earth radius).
  function distanceKm(a, b) {
    var rad = Math.PI / 180;
    var dLat = (b.lat - a.lat) * rad;
    var dLon = (b.lon - a.lon) * rad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // Which chances to show at `now` (ms): not ended, and per group only the first one left.
  function shownChances(chances, now) {
    var seen = {};
    return chances.filter(function (chance) {
      if (chance.end <= now || seen[chance.group]) return false;
      seen[chance.group] = true;
      return true;
    });
  }

  // The chances in the order of `mode`: "near" (needs `position`), "place" (needs `place`) or "soonest".
  function orderChances(chances, mode, position, place) {
    function key(chance) {
      if (mode === "near") {
        var far = chance.point ? distanceKm(position, chance.point) : Infinity;
        return [far, chance.start];
      }
      if (mode === "place") return [chance.region === place ? 0 : 1, chance.start];
      return [chance.start];
    }
    return chances.slice().sort(function (a, b) {
      var ka = key(a), kb = key(b);
      for (var i = 0; i < ka.length; i++) {
        if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
      }
      return 0;
    });
  }

  // --- Storage that may be refused (private windows, disabled storage) ---

  function read(name) {
    try { return window.localStorage.getItem(name); } catch (error) { return null; }
  }
  function write(name, value) {
    try {
      if (value === null) window.localStorage.removeItem(name);
      else window.localStorage.setItem(name, value);
    } catch (error) { /* the choice then lasts for this page view only */ }
  }

  // --- Wiring ---

  var section = document.querySelector("section.next-chances");
  var list = section && section.querySelector("[data-next-chances]");
  if (!list) return;
  var lang = document.documentElement.lang || undefined;
  var items = Array.prototype.slice.call(list.children);
  var chances = items.map(function (item) {
    var lat = item.getAttribute("data-lat");
    return {
      item: item,
      group: item.getAttribute("data-group"),
      start: Date.parse(item.getAttribute("data-start")),
      end: Date.parse(item.getAttribute("data-end")),
      region: item.getAttribute("data-region") || "",
      point: lat ? { lat: parseFloat(lat), lon: parseFloat(item.getAttribute("data-lon")) } : null
    };
  });
  var controls = section.querySelector("[data-next-chances-controls]");
  var locate = section.querySelector("[data-next-chances-locate]");
  var forget = section.querySelector("[data-next-chances-forget]");
  var choice = section.querySelector("[data-next-chances-place]");
  var orderLine = section.querySelector("[data-next-chances-order]");
  var empty = section.querySelector(".next-chances__empty");

  function storedPosition() {
    var text = read(POSITION_KEY);
    if (!text) return null;
    try {
      var value = JSON.parse(text);
      return typeof value.lat === "number" && typeof value.lon === "number" ? value : null;
    } catch (error) { return null; }
  }

  function distanceText(km) {
    var digits = km < 10 ? 1 : 0;
    var figure = new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(km);
    return section.getAttribute("data-distance-pattern").replace("{km}", figure);
  }

  function render(message) {
    var position = storedPosition();
    var place = choice ? choice.value : "";
    var mode = position ? "near" : (place ? "place" : "soonest");
    var shown = shownChances(chances, Date.now());
    var ordered = orderChances(shown, mode, position, place);
    chances.forEach(function (chance) { chance.item.hidden = shown.indexOf(chance) === -1; });
    ordered.forEach(function (chance) {
      list.appendChild(chance.item);
      var distance = chance.item.querySelector("[data-next-chance-distance]");
      if (!distance) return;
      distance.hidden = !(position && chance.point);
      distance.textContent = position && chance.point ? distanceText(distanceKm(position, chance.point)) : "";
    });
    chances.forEach(function (chance) { if (chance.item.hidden) list.appendChild(chance.item); });
    if (empty) empty.hidden = shown.length > 0;
    forget.hidden = !position;
    var state = message || section.getAttribute("data-text-" + mode);
    orderLine.textContent = orderLine.getAttribute("data-pattern").replace("{state}", state);
  }

  function askPosition() {
    if (!navigator.geolocation) { render(section.getAttribute("data-text-denied")); return; }
    navigator.geolocation.getCurrentPosition(function (found) {
      // About 100 m is enough to order places; the figure stays in this browser.
      var point = { lat: Math.round(found.coords.latitude * 1000) / 1000, lon: Math.round(found.coords.longitude * 1000) / 1000 };
      write(POSITION_KEY, JSON.stringify(point));
      write(FORGOTTEN_KEY, null);
      render();
    }, function () {
      render(section.getAttribute("data-text-denied"));
    }, { maximumAge: 600000, timeout: 15000 });
  }

  locate.addEventListener("click", askPosition);
  forget.addEventListener("click", function () {
    write(POSITION_KEY, null);
    write(FORGOTTEN_KEY, "1");
    render();
  });
  if (choice) {
    choice.value = read(PLACE_KEY) || "";
    if (choice.selectedIndex < 0) choice.value = "";
    choice.addEventListener("change", function () {
      write(PLACE_KEY, choice.value || null);
      render();
    });
  }
  controls.hidden = false;
  render();
  // A reader who has already allowed location for this site gets the nearest first without asking again.
  if (!storedPosition() && !read(FORGOTTEN_KEY) && navigator.permissions && navigator.permissions.query) {
    navigator.permissions.query({ name: "geolocation" }).then(function (status) {
      if (status.state === "granted") askPosition();
    }, function () { /* no permissions API answer: wait for the button */ });
  }
})();
