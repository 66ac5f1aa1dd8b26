// Keeps every "upcoming / today / on now / between sessions / ended" true
// after the build: the state is computed in the reader's browser from the
// sessions the page embeds (data-sessions, UTC instants, and data-timezone,
// the zone whose days count) by the rules of time-rules.js. Without this
// script the state as of the build date stays, with that date.
(function () {
  var rules = window.DonorsiteTime;
  if (!rules) return;
  var now = Date.now();
  var lang = document.documentElement.lang || "en";

  // "Saturday 20 March 2027, 09:00 (China Standard Time)" in the page's language, on the event's wall clock.
  function whenText(node, iso) {
    var zone = node.getAttribute("data-timezone");
    var moment = new Date(iso);
    var date = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeZone: zone }).format(moment);
    var time = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(moment);
    return (node.getAttribute("data-when-pattern") || "%(date)s %(time)s").replace("%(date)s", date).replace("%(time)s", time);
  }

  document.querySelectorAll("[data-sessions][data-timezone]").forEach(function (node) {
    var result = rules.sessionState(JSON.parse(node.getAttribute("data-sessions")), now, node.getAttribute("data-timezone"));
    var state = result.state;
    node.setAttribute("data-time-state", state);
    if (node.classList.contains("time-badge")) {
      node.className = "time-badge time-badge--" + state;
      var label = node.getAttribute("data-label-" + state) || "";
      // Only "between sessions" names the next one; it always has one.
      node.textContent = label.replace("%(when)s", result.next ? whenText(node, result.next) : "");
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
