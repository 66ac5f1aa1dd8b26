// The time rules of the site, as pure functions: where an event or a
// campaign stands (from its sessions), whether a donation site is open and
// when it opens next, how old a stock count is, and the days of a
// countdown. The page scripts (time-state.js, site-hours.js,
// supply-state.js, countdown.js) apply them to the reader's clock; the
// Python build applies the same rules (donorsite/model/sessions.py,
// donation_sites.py, supply.py, home_view.py), and tests/time_rules_cases.json
// holds the cases both must agree on (tests/time_rules.test.cjs, test_time_rules.py).
// Loaded as a plain script it defines window.DonorsiteTime; under Node it is a module.
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.DonorsiteTime = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";
  var WEEKDAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  var DAY_MS = 86400000;

  // The wall clock of `zone` at the instant `ms`: day YYYY-MM-DD, clock HH:MM, weekday 0 = Monday.
  function localParts(ms, zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", weekday: "short"
    }).formatToParts(new Date(ms)).forEach(function (part) { parts[part.type] = part.value; });
    return { day: parts.year + "-" + parts.month + "-" + parts.day, clock: parts.hour + ":" + parts.minute, weekday: WEEKDAYS[parts.weekday] };
  }

  function localDay(ms, zone) { return localParts(ms, zone).day; }

  function toMs(value) { return typeof value === "number" ? value : Date.parse(value); }

  function isoText(ms) { return new Date(ms).toISOString().replace(".000Z", "Z"); }

  // sessions: [[start, end], ...] (UTC ISO text or ms); returns the next start after `now`, or null.
  function nextStart(sessions, now) {
    var best = null;
    sessions.forEach(function (s) { var start = toMs(s[0]); if (start > now && (best === null || start < best)) best = start; });
    return best;
  }

  // At an instant: ended, on-now (only inside a session), between (one has begun, none is on),
  // today (the next session begins on this day in `zone`) or upcoming. next: the next start (ISO) or null.
  function sessionState(sessions, nowValue, zone) {
    var now = toMs(nowValue);
    var next = nextStart(sessions, now);
    var result = function (state) { return { state: state, next: state === "ended" || next === null ? null : isoText(next) }; };
    if (!sessions.length || sessions.every(function (s) { return toMs(s[1]) <= now; })) return result("ended");
    if (sessions.some(function (s) { return toMs(s[0]) <= now && now < toMs(s[1]); })) return result("on-now");
    if (sessions.some(function (s) { return toMs(s[0]) <= now; })) return result("between");
    return result(localDay(next, zone) === localDay(now, zone) ? "today" : "upcoming");
  }

  // As of a whole day (YYYY-MM-DD in `zone`), as the build sees it: never on now.
  function dayState(sessions, day, zone) {
    var days = sessions.map(function (s) { return [localDay(toMs(s[0]), zone), localDay(toMs(s[1]) - 1, zone), toMs(s[0])]; });
    if (!days.length || days.every(function (d) { return d[1] < day; })) return { state: "ended", next: null };
    var later = days.filter(function (d) { return d[0] > day; }).map(function (d) { return d[2]; });
    var next = later.length ? isoText(Math.min.apply(null, later)) : null;
    if (days.some(function (d) { return d[0] <= day && day <= d[1]; })) return { state: "today", next: next };
    if (days.every(function (d) { return d[0] > day; })) return { state: "upcoming", next: next };
    return { state: "between", next: next };
  }

  // Spans [["09:00", "12:00"], ...] sorted, with touching or overlapping spans joined.
  function mergeSpans(spans) {
    var sorted = spans.map(function (s) { return [s[0], s[1]]; }).sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    var merged = [];
    sorted.forEach(function (span) {
      var last = merged[merged.length - 1];
      if (last && span[0] <= last[1]) { if (span[1] > last[1]) last[1] = span[1]; } else merged.push(span);
    });
    return merged;
  }

  function addDays(day, count) {
    return new Date(Date.parse(day + "T00:00:00Z") + count * DAY_MS).toISOString().slice(0, 10);
  }

  function weekdayOf(day) { return (new Date(Date.parse(day + "T00:00:00Z")).getUTCDay() + 6) % 7; }

  // The spans of a site on a local day: the exception covering it, else its weekday's.
  function spansOn(schedule, day) {
    for (var i = 0; i < schedule.exceptions.length; i++) {
      var exception = schedule.exceptions[i];
      if (exception.from <= day && day <= exception.to) return mergeSpans(exception.spans);
    }
    return mergeSpans(schedule.week[weekdayOf(day)]);
  }

  // A donation site at an instant, on its own wall clock: open-now (time: closing), opens-at (time: opening today),
  // closed-now (open earlier today) or closed-today; when closed, next_day and next_time name the next opening (within a year).
  function siteState(schedule, nowValue, zone) {
    var local = localParts(toMs(nowValue), zone);
    var spans = spansOn(schedule, local.day);
    for (var i = 0; i < spans.length; i++) {
      if (spans[i][0] <= local.clock && local.clock < spans[i][1]) return { state: "open-now", time: spans[i][1], next_day: null, next_time: null };
      if (local.clock < spans[i][0]) return { state: "opens-at", time: spans[i][0], next_day: null, next_time: null };
    }
    var state = { state: spans.length ? "closed-now" : "closed-today", time: null, next_day: null, next_time: null };
    for (var ahead = 1; ahead <= 366; ahead++) {
      var day = addDays(local.day, ahead);
      var later = spansOn(schedule, day);
      if (later.length) { state.next_day = day; state.next_time = later[0][0]; break; }
    }
    return state;
  }

  // How long ago a count was made, as a value and a unit for Intl.RelativeTimeFormat:
  // whole hours (at least 1) under a day, whole days under 60 days, else whole months of 30.4375 days.
  function stockAge(seconds) {
    var days = seconds / 86400;
    if (days < 1) return { value: -Math.max(1, Math.floor(seconds / 3600)), unit: "hour" };
    if (days < 60) return { value: -Math.floor(days), unit: "day" };
    return { value: -Math.floor(days / 30.4375), unit: "month" };
  }

  // Days from `today` (YYYY-MM-DD) to the next month/day (today itself counts 0), and that day's year.
  function countdown(today, month, day) {
    var year = Number(today.slice(0, 4));
    var target = function (y) { return y + "-" + String(month).padStart(2, "0") + "-" + String(day).padStart(2, "0"); };
    if (target(year) < today) year += 1;
    return { days: Math.round((Date.parse(target(year) + "T00:00:00Z") - Date.parse(today + "T00:00:00Z")) / DAY_MS), year: year };
  }

  // Whether a reader in `readerZone` sees the same wall clock as `zone` at `ms` (else name the zone).
  function sameWallClock(ms, zone, readerZone) {
    var a = localParts(ms, zone), b = localParts(ms, readerZone);
    return a.day === b.day && a.clock === b.clock;
  }

  return {
    localParts: localParts, localDay: localDay, sessionState: sessionState, dayState: dayState,
    mergeSpans: mergeSpans, spansOn: spansOn, siteState: siteState, stockAge: stockAge,
    countdown: countdown, sameWallClock: sameWallClock
  };
});
