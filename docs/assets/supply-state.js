// Keeps "these figures are out of date" true after the build: every
// .supply-state element carries the instant the stock was counted
// (data-measured, UTC) and the threshold (data-stale-after, seconds); the
// reader's clock decides whether the notice shows, and how old the figures
// are is written in the page's language (Intl.RelativeTimeFormat).
(function () {
  var now = Date.now();
  var lang = document.documentElement.lang || "en";

  function ageText(seconds) {
    var format = new Intl.RelativeTimeFormat(lang, { numeric: "always" });
    var days = seconds / 86400;
    if (days < 1) return format.format(-Math.max(1, Math.floor(seconds / 3600)), "hour");
    if (days < 60) return format.format(-Math.floor(days), "day");
    return format.format(-Math.floor(days / 30.4375), "month");
  }

  document.querySelectorAll(".supply-state[data-measured]").forEach(function (node) {
    var seconds = (now - Date.parse(node.getAttribute("data-measured"))) / 1000;
    var stale = seconds > Number(node.getAttribute("data-stale-after"));
    node.setAttribute("data-stale", stale ? "true" : "false");
    var notice = node.querySelector(".supply-stale");
    if (notice) notice.hidden = !stale;
    var age = node.querySelector(".supply-age");
    if (age && seconds >= 0) age.textContent = ageText(seconds);
    // An alert about figures that have grown old since the build is no longer true: it goes (issue 21).
    var banner = node.closest(".supply-banner");
    if (banner) banner.hidden = stale;
  });
  document.querySelectorAll(".md-banner").forEach(function (bar) {
    var banners = bar.querySelectorAll(".supply-banner");
    var shown = bar.querySelectorAll(".supply-banner:not([hidden])");
    if (banners.length && !shown.length) bar.hidden = true;
  });
})();
