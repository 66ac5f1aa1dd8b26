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
    var text;
    if (days < 1) text = format.format(-Math.max(1, Math.floor(seconds / 3600)), "hour");
    else if (days < 60) text = format.format(-Math.floor(days), "day");
    else text = format.format(-Math.floor(days / 30.4375), "month");
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
  });
})();
