// "/" offers every language; this script takes a reader straight to the
// one their browser prefers, or to the site's default (the first link).
(function () {
  var choice = document.querySelector(".language-choice");
  if (!choice) return;
  var links = choice.querySelectorAll("a[hreflang]");
  if (!links.length) return;
  var byTag = {};
  links.forEach(function (link) { byTag[link.getAttribute("hreflang").toLowerCase()] = link.href; });
  var traditional = /^zh-(hant|tw|hk|mo)/;
  function match(tag) {
    tag = tag.toLowerCase();
    if (byTag[tag]) return byTag[tag];
    if (tag.indexOf("zh") === 0) return byTag[traditional.test(tag) ? "zh-hant" : "zh-hans"];
    return byTag[tag.split("-")[0]];
  }
  var preferred = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < preferred.length; i++) {
    var found = match(preferred[i]);
    if (found) { window.location.replace(found); return; }
  }
  window.location.replace(links[0].href);
})();
