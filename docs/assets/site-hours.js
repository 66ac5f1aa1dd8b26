// Today's state of each donation site, in the reader's browser: open now
// (until when), opens later today, closed now, or closed today. The page
// embeds the week and the changed hours in the site's own time zone
// (data-schedule, data-timezone); without this script the build date's
// hours stay, with that date.
(function () {
  var now = new Date();
  var weekdays = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

  function localParts(zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short"
    }).formatToParts(now).forEach(function (part) { parts[part.type] = part.value; });
    return {
      day: parts.year + "-" + parts.month + "-" + parts.day,
      clock: parts.hour + ":" + parts.minute,
      weekday: weekdays[parts.weekday]
    };
  }

  function spansOn(schedule, local) {
    for (var i = 0; i < schedule.exceptions.length; i++) {
      var exception = schedule.exceptions[i];
      if (exception.from <= local.day && local.day <= exception.to) return exception.spans;
    }
    return schedule.week[local.weekday];
  }

  function stateOf(spans, clock) {
    for (var i = 0; i < spans.length; i++) {
      if (spans[i][0] <= clock && clock < spans[i][1]) return ["open-now", spans[i][3]];
      if (clock < spans[i][0]) return ["opens-at", spans[i][2]];
    }
    return [spans.length ? "closed-now" : "closed-today", ""];
  }

  document.querySelectorAll("[data-schedule][data-timezone]").forEach(function (node) {
    var schedule = JSON.parse(node.getAttribute("data-schedule"));
    var local = localParts(node.getAttribute("data-timezone"));
    var state = stateOf(spansOn(schedule, local), local.clock);
    node.setAttribute("data-open-state", state[0]);
    node.textContent = node.getAttribute("data-label-" + state[0]).replace("%(time)s", state[1]);
  });
})();
