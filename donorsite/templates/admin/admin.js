// The web editor's set-up (after decap-cms.js): the preview pane is styled with
// the site's own stylesheets, listed by the build above this line.
(function () {
  "use strict";
  DONORSITE_PREVIEW_STYLES.forEach(function (href) {
    window.CMS.registerPreviewStyle(href);
  });
})();
