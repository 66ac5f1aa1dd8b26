// Offers the phone's own share sheet (WeChat, Zalo, LINE...) where the
// browser has one; the plain share links and the QR code work without it.
(function () {
  var button = document.querySelector(".share-native__button");
  if (!button || typeof navigator.share !== "function") return;
  button.closest(".share-native").hidden = false;
  button.addEventListener("click", function () {
    navigator.share({ title: button.getAttribute("data-share-title"), url: button.getAttribute("data-share-url") }).catch(function () {});
  });
})();
