// Keeps every "upcoming / today / on now / ended" true after the build: the
// state is computed in the reader's browser from the instants the page
// embeds (data-starts, data-ends, data-timezone, data-first-day). Without
// this script the state as of the build date stays, with that date.
(function () {
  var now = Date.now();

  function localDay(zone) {
    // en-CA writes dates as YYYY-MM-DD, comparable as text with data-first-day.
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(now));
  }

  function stateOf(node) {
    if (now >= Date.parse(node.getAttribute("data-ends"))) return "ended";
    if (now >= Date.parse(node.getAttribute("data-starts"))) return "on-now";
    if (localDay(node.getAttribute("data-timezone")) >= node.getAttribute("data-first-day")) return "today";
    return "upcoming";
  }

  document.querySelectorAll("[data-starts][data-ends]").forEach(function (node) {
    var state = stateOf(node);
    node.setAttribute("data-time-state", state);
    if (node.classList.contains("time-badge")) {
      node.className = "time-badge time-badge--" + state;
      node.textContent = node.getAttribute("data-label-" + state);
    }
    if (node.hasAttribute("data-when")) node.setAttribute("data-when", state === "ended" ? "past" : "upcoming");
    if (node.hasAttribute("data-until-end")) node.hidden = state === "ended";
    if (node.hasAttribute("data-after-end")) node.hidden = state !== "ended";
  });

  // The home page's "coming up": when every event in it has ended, say so.
  var list = document.querySelector("ul.upcoming");
  var empty = document.querySelector(".upcoming-empty");
  if (list && empty) {
    var left = list.querySelector(".upcoming__item:not([hidden])") !== null;
    list.hidden = !left;
    empty.hidden = left;
  }
})();
