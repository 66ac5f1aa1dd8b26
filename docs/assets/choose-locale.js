// "/" offers every language; this script takes a reader straight to the
// one their browser prefers, or to the site's default (the first link).
// The page lists the locales (hreflang) and, in data-tag-aliases, which other
// browser tags mean one of them (zh-TW means zh-Hant), both written at build.
(function () {
  var choice = document.querySelector(".language-choice");
  if (!choice) return;
  var links = choice.querySelectorAll("a[hreflang]");
  if (!links.length) return;
  var byTag = {};
  links.forEach(function (link) { byTag[link.getAttribute("hreflang").toLowerCase()] = link.href; });
  var aliases = JSON.parse(choice.getAttribute("data-tag-aliases") || "{}");
  function match(tag) {
    var parts = tag.toLowerCase().split("-");
    // The whole tag, then language and script or region, then the language alone.
    var candidates = [parts.join("-"), parts.slice(0, 2).join("-"), parts[0]];
    for (var i = 0; i < candidates.length; i++) {
      var found = byTag[candidates[i]] || byTag[aliases[candidates[i]]];
      if (found) return found;
    }
    return null;
  }
  var preferred = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < preferred.length; i++) {
    var found = match(preferred[i]);
    if (found) { window.location.replace(found); return; }
  }
  window.location.replace(links[0].href);
})();
