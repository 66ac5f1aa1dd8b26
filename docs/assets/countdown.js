// Keeps the home page's World Blood Donor Day countdown true after the
// build: the days are counted in the reader's browser from today's date.
// The text written at build time stays if this script does not run.
(function () {
  var node = document.querySelector(".countdown[data-countdown-month]");
  if (!node) return;
  var month = Number(node.getAttribute("data-countdown-month"));
  var day = Number(node.getAttribute("data-countdown-day"));
  if (!window.DonorsiteTime) return;
  var now = new Date();
  // The reader's own date, counted by the rule the build uses (countdown in time-rules.js).
  var today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  var counted = window.DonorsiteTime.countdown(today, month, day);
  var days = counted.days;
  var year = counted.year;
  var target = Date.UTC(year, month - 1, day);
  var lang = document.documentElement.lang || "en";
  var text;
  if (days === 0) {
    text = node.getAttribute("data-text-today");
  } else {
    var form = new Intl.PluralRules(lang).select(days) === "one" ? "data-text-one" : "data-text-other";
    text = node.getAttribute(form).replace("{days}", new Intl.NumberFormat(lang).format(days));
  }
  node.querySelector(".countdown__text").textContent = text;
  node.setAttribute("data-days", String(days));
  var time = node.querySelector(".countdown__date");
  var iso = year + "-" + String(month).padStart(2, "0") + "-" + String(day).padStart(2, "0");
  if (time && time.getAttribute("datetime") !== iso) {
    time.setAttribute("datetime", iso);
    // The build wrote the following year's date by the site's own rules; Intl only past that.
    var written = node.getAttribute("data-next-date") === iso ? node.getAttribute("data-next-date-text") : null;
    time.textContent = written || new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, { dateStyle: "full", timeZone: "UTC" }).format(new Date(target));
  }
})();
