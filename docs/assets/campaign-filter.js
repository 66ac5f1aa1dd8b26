// Filters the campaign listing by year, city, status and upcoming/past in
// the browser (upcoming/past as time-state.js computed it, which runs first);
// no server is involved. Without this script the whole list shows.
(function () {
  var form = document.querySelector("form.campaign-filter");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".campaign-cards .campaign-card"));
  var count = form.querySelector(".campaign-filter__count");
  var params = new URLSearchParams(window.location.search);
  ["year", "city", "status", "when"].forEach(function (name) {
    if (params.has(name) && form.elements[name]) form.elements[name].value = params.get(name);
  });

  function apply() {
    var year = form.elements.year.value;
    var city = form.elements.city.value;
    var status = form.elements.status.value;
    var when = form.elements.when ? form.elements.when.value : "";
    var shown = 0;
    cards.forEach(function (card) {
      var cities = (card.getAttribute("data-places") || "").split("|");
      var match = (!year || card.getAttribute("data-year") === year) &&
        (!city || cities.indexOf(city) !== -1) &&
        (!status || card.getAttribute("data-status") === status) &&
        (!when || card.getAttribute("data-when") === when);
      card.hidden = !match;
      if (match) shown += 1;
    });
    // A year's heading goes with its list: hide both when nothing in it matches.
    document.querySelectorAll(".campaign-cards").forEach(function (list) {
      var visible = list.querySelector(".campaign-card:not([hidden])") !== null;
      list.hidden = !visible;
      var heading = list.previousElementSibling;
      if (heading && heading.tagName === "H2") heading.hidden = !visible;
    });
    count.textContent = count.getAttribute("data-text").replace("{count}", new Intl.NumberFormat(document.documentElement.lang).format(shown));
    var query = new URLSearchParams();
    if (year) query.set("year", year);
    if (city) query.set("city", city);
    if (status) query.set("status", status);
    if (when) query.set("when", when);
    var search = query.toString();
    history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
