// Today's state of each donation site, in the reader's browser: open now
// (until when), opens later today, closed now or closed today (with the
// next opening), by siteState in time-rules.js. The page embeds the week and
// the changed hours in the site's own time zone (data-schedule,
// data-timezone); a reader whose clock differs from the site's is told the
// site's zone. Without this script the build date's hours stay, with that date.
(function () {
  var rules = window.DonorsiteTime;
  if (!rules) return;
  var now = Date.now();
  var lang = document.documentElement.lang || "en";
  var readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  function dayText(day) {
    return new Intl.DateTimeFormat(lang, { dateStyle: "full", timeZone: "UTC" }).format(new Date(day + "T00:00:00Z"));
  }

  document.querySelectorAll("[data-schedule][data-timezone]").forEach(function (node) {
    var schedule = JSON.parse(node.getAttribute("data-schedule"));
    var zone = node.getAttribute("data-timezone");
    var result = rules.siteState(schedule, now, zone);
    var times = schedule.times || {};
    var key = result.state;
    if ((key === "closed-now" || key === "closed-today") && result.next_day) key += "-next";
    var text = (node.getAttribute("data-label-" + key) || "")
      .replace("%(time)s", times[result.time || result.next_time] || result.time || result.next_time || "")
      .replace("%(day)s", result.next_day ? dayText(result.next_day) : "");
    if (readerZone && !rules.sameWallClock(now, zone, readerZone) && node.hasAttribute("data-label-zone")) {
      text = node.getAttribute("data-label-zone").replace("%(text)s", text);
    }
    node.setAttribute("data-open-state", result.state);
    node.textContent = text;
  });
})();
