/*
  The search box in the header (overrides/partials/search.html).

  Pagefind (donorsite/build/site_search.py) keeps one index per <html lang>
  and splits it into small chunks; this script loads Pagefind when the reader
  first opens the box and then fetches only the chunks a query needs, from
  the site itself. Among the results, an event that has not ended counts
  CURRENT_WEIGHT times its relevance, so the next drive comes before a
  drive of years ago; the end is read from the page's "ends" meta and
  compared with the reader's clock, as time-state.js does.

  Typed Chinese and Vietnamese arrive through an input method: the query is
  read on "input" events (and at the end of a composition), never on key
  events alone.

  Chinese is cut into words twice: by Pagefind's indexer (jieba) and, for
  the query, by the browser (Intl.Segmenter), and the two can disagree: the
  browser cuts a place name it does not know, such as 驻马店, into single
  characters that match no indexed word. A Chinese query that finds nothing
  is asked again without its last character, down to two characters, since
  Pagefind matches the last word of a query as the start of a word
  (驻马 finds 驻马店市).
*/
(function () {
  "use strict";

  var SHOWN = 8; // results listed
  var RANKED = 8; // results whose data is loaded to rank them: one fragment each, the largest part of what a query fetches
  var CURRENT_WEIGHT = 3;
  var DELAY = 120; // ms after the last input before searching
  var HAN_END = /[\u3400-\u9fff\uf900-\ufaff]$/; // a query ending in a Chinese character

  var box = document.querySelector(".site-search");
  if (!box) return;
  var form = box.querySelector(".site-search__form");
  var input = box.querySelector(".site-search__input");
  var output = box.querySelector(".site-search__output");
  var status = box.querySelector(".site-search__status");
  var list = box.querySelector(".site-search__list");
  var bundle = new URL(box.getAttribute("data-bundle") || "pagefind/", document.baseURI);
  var loading = null;
  var failures = 0; // attempts to load Pagefind that failed (no connection, or no index in a preview)
  var latest = 0;
  var timer = 0;

  function engine() {
    if (!loading) {
      // A module that failed to load stays failed under its address: a later attempt asks under another one.
      var address = bundle.href + "pagefind.js" + (failures ? "?attempt=" + failures : "");
      loading = import(address).then(function (pagefind) {
        // Result addresses are made from the site's root folder, wherever the site is served.
        return pagefind.options({ baseUrl: new URL("../", bundle).pathname }).then(function () {
          return pagefind.init();
        }).then(function () {
          return pagefind;
        });
      });
      loading.catch(function () {
        loading = null;
        failures += 1;
      });
    }
    return loading;
  }

  /* Results by relevance, an event that has not ended (its "ends" after ``now``) weighted up; ties keep Pagefind's order. */
  function rankByTime(entries, now) {
    return entries
      .map(function (entry, order) {
        var ends = entry.data.meta && entry.data.meta.ends ? Date.parse(entry.data.meta.ends) : NaN;
        var weight = !isNaN(ends) && ends >= now ? CURRENT_WEIGHT : 1;
        return { entry: entry, key: entry.score * weight, order: order };
      })
      .sort(function (a, b) {
        return b.key - a.key || a.order - b.order;
      })
      .map(function (ranked) {
        return ranked.entry;
      });
  }

  /* Pagefind's excerpt as text with its <mark> highlights, and nothing else of its markup. */
  function excerptNodes(html) {
    var template = document.createElement("template");
    var fragment = document.createDocumentFragment();
    template.innerHTML = html;
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return fragment;
  }

  function countText(count) {
    if (count === 0) return box.getAttribute("data-label-none") || "";
    if (count === 1) return box.getAttribute("data-label-one") || "1";
    return (box.getAttribute("data-label-other") || "#").replace("#", String(count));
  }

  function show(entries, count) {
    list.textContent = "";
    entries.slice(0, SHOWN).forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      var title = document.createElement("span");
      var excerpt = document.createElement("span");
      item.className = "site-search__item";
      link.className = "site-search__link";
      link.href = entry.data.url;
      title.className = "site-search__title";
      title.textContent = (entry.data.meta && entry.data.meta.title) || entry.data.url;
      excerpt.className = "site-search__excerpt";
      excerpt.appendChild(excerptNodes(entry.data.excerpt || ""));
      link.appendChild(title);
      link.appendChild(excerpt);
      item.appendChild(link);
      list.appendChild(item);
    });
    status.textContent = countText(count);
    output.setAttribute("aria-busy", "false");
  }

  function search(query) {
    var token = ++latest;
    if (!query.trim()) {
      output.hidden = true;
      list.textContent = "";
      status.textContent = "";
      return Promise.resolve();
    }
    output.hidden = false;
    output.setAttribute("aria-busy", "true");
    if (!list.firstChild) status.textContent = box.getAttribute("data-label-loading") || "";
    return engine()
      .then(function (pagefind) {
        return searchHan(pagefind, query.trim(), token);
      })
      .then(function (found) {
        if (token !== latest || !found) return null;
        var top = found.results.slice(0, RANKED);
        return Promise.all(
          top.map(function (result) {
            return result.data().then(function (data) {
              return { score: result.score, data: data };
            });
          })
        ).then(function (entries) {
          if (token === latest) show(rankByTime(entries, Date.now()), found.results.length);
        });
      })
      .catch(function () {
        // No index to load: the reader's connection dropped, or a preview was built without one.
        if (token !== latest) return;
        list.textContent = "";
        status.textContent = box.getAttribute("data-label-unavailable") || "";
        output.setAttribute("aria-busy", "false");
      });
  }

  // Pagefind's results for query; a Chinese query that finds nothing is asked again one character shorter (see above).
  function searchHan(pagefind, query, token) {
    return pagefind.search(query).then(function (found) {
      var shorter = query.slice(0, -1);
      var retry = found && !found.results.length && HAN_END.test(query) && HAN_END.test(shorter) && shorter.length >= 2;
      if (!retry || token !== latest) return found;
      return searchHan(pagefind, shorter, token);
    });
  }

  function searchSoon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      search(input.value);
    }, DELAY);
  }

  input.addEventListener("focus", function () {
    engine().catch(function () {}); // a failure is told when the reader searches
  });
  input.addEventListener("input", function (event) {
    // Mid-composition text is not yet what the reader typed; "compositionend" follows.
    if (!event.isComposing) searchSoon();
  });
  input.addEventListener("compositionend", searchSoon);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      output.hidden = true;
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search(input.value);
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target)) output.hidden = true;
  });
  input.addEventListener("click", function () {
    if (input.value.trim() && list.firstChild) output.hidden = false;
  });

  // "Page not found" sends its search here as ?q=…
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    search(asked);
  }
})();
