// The "may I give?" self-check (issue 21), run in the reader's browser only.
//
// The rules are the ones model/eligibility.py holds, written into the form as
// JSON (data-rules) by donorsite/model/eligibility_check.py's rules_table; the
// check below applies them the way check_eligibility does in Python, and the
// cases in tests/eligibility_cases.json hold both to the same answers. The
// answers never leave the page: no request is made, nothing is stored.
(function () {
  "use strict";

  // --- Pure functions (no DOM), the twins of model/eligibility_check.py ---

  function isoDay(year, month, day) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return year + "-" + two(month) + "-" + two(day);
  }

  // ISO date `iso` plus `count` days, weeks or calendar months (a month end stays within the month).
  function addInterval(iso, count, unit) {
    var parts = iso.split("-").map(Number);
    if (unit === "month") {
      var months = parts[0] * 12 + parts[1] - 1 + count;
      var year = Math.floor(months / 12), month = months % 12 + 1;
      var last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return isoDay(year, month, Math.min(parts[2], last));
    }
    var days = unit === "week" ? count * 7 : count;
    var moved = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + days));
    return isoDay(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
  }

  function waitAfter(rule, kind, volume) {
    if (kind === "whole-blood" && rule.sizes.length) {
      var sized = rule.sizes.filter(function (size) { return size[0] === volume; });
      var chosen = sized.length ? sized[0] : rule.sizes[rule.sizes.length - 1];
      return [chosen[2], chosen[3]];
    }
    return rule.waits[kind] || null;
  }

  function lowestWeight(rule, sex) {
    if (rule.sizes.length) return Math.min.apply(null, rule.sizes.map(function (size) { return size[1]; }));
    if (sex === "woman") return rule.min_weight_women;
    if (sex === "man") return rule.min_weight_men;
    return Math.max(rule.min_weight_men, rule.min_weight_women);
  }

  // {outcome, next, reason, figures} for `answers` under `rule` on ISO day `today`.
  function check(rule, answers, today) {
    if (answers.age < rule.min_age) return { outcome: "not-eligible", next: today, reason: "too-young", figures: { age: rule.min_age } };
    if (answers.age > rule.max_age) return { outcome: "not-eligible", next: today, reason: "too-old", figures: { age: rule.max_age } };
    var weight = lowestWeight(rule, answers.sex);
    if (answers.weight < weight) return { outcome: "not-eligible", next: today, reason: "under-weight", figures: { weight: weight } };
    if (!answers.lastDonation || !answers.lastKind) return { outcome: "eligible", next: today, reason: "may-give", figures: {} };
    var wait = waitAfter(rule, answers.lastKind, answers.lastVolume);
    if (!wait) return { outcome: "not-yet", next: today, reason: "kind-not-listed", figures: {} };
    var next = addInterval(answers.lastDonation, wait[0], wait[1]);
    if (next > today) return { outcome: "not-yet", next: next, reason: "wait", figures: { interval: wait[0] } };
    return { outcome: "eligible", next: today, reason: "may-give", figures: {} };
  }

  // A one-event calendar (RFC 5545) on ISO day `iso`, all day.
  function reminderCalendar(iso, title, stamp) {
    var day = iso.replace(/-/g, "");
    var next = addInterval(iso, 1, "day").replace(/-/g, "");
    return [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//donorsite//eligibility reminder//EN", "CALSCALE:GREGORIAN",
      "BEGIN:VEVENT", "UID:give-again-" + day + "@donorsite.invalid", "DTSTAMP:" + stamp,
      "DTSTART;VALUE=DATE:" + day, "DTEND;VALUE=DATE:" + next,
      "SUMMARY:" + title.replace(/([,;\\])/g, "\\$1"), "END:VEVENT", "END:VCALENDAR", ""
    ].join("\r\n");
  }

  // --- Wiring ---

  var form = document.querySelector("form[data-eligibility]");
  var result = document.querySelector("[data-eligibility-result]");
  if (!form || !result) return;
  var rules = JSON.parse(form.getAttribute("data-rules"));
  var reasons = JSON.parse(form.getAttribute("data-reasons"));
  var lang = document.documentElement.lang || undefined;
  var reminder = result.querySelector("[data-eligibility-reminder]");
  var volumeRow = form.querySelector("[data-eligibility-volume]");

  function localToday() {
    var now = new Date();
    return isoDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  function dateText(iso) {
    var parts = iso.split("-").map(Number);
    return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])));
  }

  function fitCountry() {
    var rule = rules[form.elements.country.value];
    if (!rule) return;
    Array.prototype.forEach.call(form.elements.last_kind.options, function (option) {
      option.disabled = option.value !== "whole-blood" && !rule.waits[option.value];
    });
    if (form.elements.last_kind.selectedOptions[0].disabled) form.elements.last_kind.value = "whole-blood";
    volumeRow.hidden = !rule.sizes.length;
  }

  form.elements.country.addEventListener("change", fitCountry);
  fitCountry();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var rule = rules[form.elements.country.value];
    var answers = {
      age: Number(form.elements.age.value),
      weight: Number(form.elements.weight.value),
      sex: form.elements.sex.value,
      lastDonation: form.elements.last_donation.value,
      lastKind: form.elements.last_kind.value,
      lastVolume: form.elements.last_volume.value ? Number(form.elements.last_volume.value) : null
    };
    var answer = check(rule, answers, localToday());
    var figures = { age: answer.figures.age, weight: answer.figures.weight, date: dateText(answer.next) };
    result.setAttribute("data-outcome", answer.outcome);
    result.setAttribute("data-next-date", answer.next);
    result.setAttribute("data-reason", answer.reason);
    result.querySelector("[data-eligibility-reason]").textContent = reasons[answer.reason].replace(/\{(\w+)\}/g, function (_, name) {
      return figures[name] !== undefined ? String(figures[name]) : "";
    });
    reminder.hidden = answer.outcome !== "not-yet" || answer.reason !== "wait";
    result.hidden = false;
  });

  reminder.addEventListener("click", function () {
    var iso = result.getAttribute("data-next-date");
    var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    var text = reminderCalendar(iso, form.getAttribute("data-reminder-title"), stamp);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
    link.download = form.getAttribute("data-reminder-file");
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
})();
