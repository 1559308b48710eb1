/*
 * Kinsoku after long links and code. A URL or identifier with no break opportunity of its own that does
 * not fit on the line is broken wherever it overflows (overflow-wrap), and that emergency break ignores
 * line-breaking rules: it may fall right after the link, so that the line starts with its 。 or 」.
 * Breaking the token like Japanese text instead (word-break: break-all) gives the line breaker ordinary
 * opportunities inside it, and the rule that keeps closing punctuation off a line start applies again.
 *
 * Only tokens get the class `long-token` (links and code spans whose text is one run of 16 or more
 * printable ASCII characters: URLs, paths, identifiers), so that link text in words, and Latin words
 * inside Japanese link text, still break between words. Without JavaScript the theme falls back to overflow-wrap alone.
 */
(function () {
  "use strict";

  var TOKEN = /^[!-~]{16,}$/;
  document.querySelectorAll("main a[href], main :not(pre) > code").forEach(function (element) {
    if (TOKEN.test(element.textContent.trim())) element.classList.add("long-token");
  });
})();
