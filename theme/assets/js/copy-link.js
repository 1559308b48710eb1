// Copy buttons (partials/share.mustache, partials/citation.mustache): a button with data-copy-text copies
// that text, one with data-copy-from the text of the element with that id. Buttons are hidden in the
// HTML and shown here only when the browser can copy; the status line next to a button (role="status",
// read out by screen readers) says what was copied, in the words of the button's data-copied.
(function () {
  "use strict";

  function canCopy() {
    return (navigator.clipboard && window.isSecureContext) || document.queryCommandSupported?.("copy");
  }

  // The Clipboard API where the page is a secure context; elsewhere (http:// on a LAN) a selection.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var copied = document.execCommand("copy");
      field.remove();
      if (copied) resolve(); else reject(new Error("copy refused"));
    });
  }

  function textOf(button) {
    if (button.dataset.copyText) return button.dataset.copyText;
    var source = document.getElementById(button.dataset.copyFrom || "");
    return source ? source.textContent.trim() : "";
  }

  function status(button) {
    var node = button.nextElementSibling;
    while (node && !node.classList.contains("copy-status")) node = node.nextElementSibling;
    return node;
  }

  function start() {
    if (!canCopy()) return;
    document.querySelectorAll(".copy-button[hidden]").forEach(function (button) {
      var line = status(button);
      var timer;
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(textOf(button)).then(function () {
          if (!line) return;
          line.textContent = button.dataset.copied || "";
          clearTimeout(timer);
          timer = setTimeout(function () { line.textContent = ""; }, 5000);
        }, function () {
          if (line) line.textContent = "";
        });
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
