// Keeps "these figures are out of date" true after the build: every
// .supply-state element carries the instant the stock was counted
// (data-measured, UTC) and the threshold (data-stale-after, seconds); the
// reader's clock decides whether the notice shows, and how old the figures
// are is written in the page's language (Intl.RelativeTimeFormat).
(function () {
  if (!window.DonorsiteTime) return;
  var now = Date.now();
  var lang = document.documentElement.lang || "en";

  // The unit and the value follow stockAge in time-rules.js, as the build's words do.
  function ageText(seconds) {
    var age = window.DonorsiteTime.stockAge(seconds);
    var text = new Intl.RelativeTimeFormat(lang, { numeric: "always" }).format(age.value, age.unit);
    // Chinese sets no space between a figure and its word (6个月前, not CLDR's Traditional "6 個月前").
    return lang.indexOf("zh") === 0 ? text.replace(/(\d) (?=[\u4e00-\u9fff])/g, "$1") : text;
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
