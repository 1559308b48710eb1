/*
 * Footnotes read in place. A reference mark (<sup class="footnote-ref"><a href="#fn-ID">N</a></sup>) opens
 * its note in a popover beside the mark instead of jumping to the notes at the end of the page, so the
 * reader keeps their place in the text.
 *
 * - Pointer or keyboard (Enter on the mark) opens it; the same mark, Escape, the close button or a click
 *   elsewhere closes it (the browser's popover light dismiss).
 * - The popover is a non-modal dialog named after the note (注 N) and described by the note's text; focus
 *   moves into it on opening and back to the mark on closing. Tab walks through its links; Tab past the
 *   last one closes it and goes on to what follows the mark, Shift+Tab from the first returns to the mark.
 * - A link at its foot (注の一覧へ) still jumps to the note in the list, with its back-link.
 * - Without JavaScript, or in a browser without the Popover API, nothing changes: the mark jumps to the
 *   note and the back-link returns, as before.
 *
 * Labels come from the script element's data attributes (data-title, data-close, data-list), so the
 * template holds the wording.
 */
(function () {
  "use strict";

  if (!HTMLElement.prototype.hasOwnProperty("popover")) return;

  var script = document.currentScript;
  var labels = {
    title: (script && script.dataset.title) || "Note",
    close: (script && script.dataset.close) || "Close",
    list: (script && script.dataset.list) || "All notes",
  };
  var MARK = ".footnote-ref a[href^='#']";
  var GAP = 8; // px between the line and the popover (the arrow sits in it)
  var MARGIN = 12; // px kept free at the viewport's edges

  var popover = null; // built once the page is known to have notes
  var parts = null;
  var openMark = null; // the mark whose note is shown
  var pressedWhileOpen = null; // the open mark when a pointer went down, so a click on it closes
  var restoreFocus = true;

  /** The note (li) a mark points to, or null when it is not on this page. */
  function noteFor(mark) {
    var id = mark.getAttribute("href").slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (error) {
      // Not percent-encoded: the id as written.
    }
    var note = document.getElementById(id);
    return note && note.closest(".footnotes") ? note : null;
  }

  function build() {
    popover = document.createElement("div");
    popover.id = "footnote-popover";
    popover.className = "note-popover";
    popover.setAttribute("popover", "auto");
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-labelledby", "footnote-popover-title");
    popover.setAttribute("aria-describedby", "footnote-popover-body");
    popover.tabIndex = -1;

    var header = document.createElement("div");
    header.className = "note-popover__header";
    var title = document.createElement("p");
    title.className = "note-popover__title";
    title.id = "footnote-popover-title";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "note-popover__close";
    close.textContent = labels.close;
    header.append(title, close);

    var body = document.createElement("div");
    body.className = "note-popover__body";
    body.id = "footnote-popover-body";

    var foot = document.createElement("p");
    foot.className = "note-popover__foot";
    var list = document.createElement("a");
    list.className = "note-popover__list";
    list.textContent = labels.list;
    foot.append(list);

    popover.append(header, body, foot);
    document.body.append(popover);
    parts = { title: title, body: body, list: list, close: close };

    close.addEventListener("click", function () {
      hide();
    });
    // A link within the page (the one to the list, or one in the note) jumps there: close the popover
    // and leave focus and scrolling to the jump.
    popover.addEventListener("click", function (event) {
      var link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
      if (!link) return;
      restoreFocus = false;
      hide();
    });
    popover.addEventListener("keydown", onPopoverKey);
    // Fired synchronously by every closing (ours, Escape, light dismiss), while focus is still inside.
    popover.addEventListener("beforetoggle", function (event) {
      if (event.newState === "closed") closed();
    });
  }

  /** Fills the popover with a copy of the note, without its back-links and ids. */
  function fill(mark, note) {
    parts.title.textContent = labels.title + " " + mark.textContent.trim();
    var copy = note.cloneNode(true);
    copy.querySelectorAll(".footnote-backref").forEach(function (link) {
      link.remove();
    });
    copy.querySelectorAll("[id]").forEach(function (element) {
      element.removeAttribute("id");
    });
    parts.body.replaceChildren.apply(parts.body, Array.from(copy.childNodes));
    parts.list.setAttribute("href", mark.getAttribute("href"));
  }

  function show(mark) {
    var note = noteFor(mark);
    if (!note) return;
    if (openMark) hide();
    fill(mark, note);
    openMark = mark;
    restoreFocus = true;
    mark.setAttribute("aria-expanded", "true");
    popover.showPopover();
    place();
    popover.focus({ preventScroll: true });
  }

  function hide() {
    if (popover && popover.matches(":popover-open")) popover.hidePopover();
  }

  /** On any closing (ours, Escape, light dismiss): the mark is collapsed and, if focus is in the popover
   *  or dropped to the page, it goes back to the mark. */
  function closed() {
    var mark = openMark;
    openMark = null;
    if (!mark) return;
    mark.setAttribute("aria-expanded", "false");
    var active = document.activeElement;
    if (restoreFocus && (!active || active === document.body || popover.contains(active))) {
      mark.focus({ preventScroll: true });
    }
  }

  /** The top and bottom of the line a mark sits on. The mark is raised: the line is its box together
   *  with the characters beside it that share its row (one of them may have been left on the line
   *  before, or moved to the next). */
  function lineOf(mark) {
    var sup = mark.closest(".footnote-ref") || mark;
    var box = sup.getBoundingClientRect();
    var line = { top: box.top, bottom: box.bottom };
    var range = document.createRange();
    [
      [sup.previousSibling, -1],
      [sup.nextSibling, 1],
    ].forEach(function (side) {
      var text = side[0];
      if (!text || text.nodeType !== Node.TEXT_NODE || text.data.length === 0) return;
      var at = side[1] < 0 ? text.data.length - 1 : 0;
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      var beside = range.getBoundingClientRect();
      if (beside.height > 0 && beside.top < box.bottom && beside.bottom > box.top) {
        line.top = Math.min(line.top, beside.top);
        line.bottom = Math.max(line.bottom, beside.bottom);
      }
    });
    return line;
  }

  /** Puts the popover below the mark's line (above it when there is more room there), centred on the
   *  mark and kept inside the text column and the viewport; the arrow points at the mark. Coordinates are the document's,
   *  so the popover scrolls with the text. */
  function place() {
    if (!openMark) return;
    var mark = openMark.getBoundingClientRect();
    var line = lineOf(openMark);
    var width = document.documentElement.clientWidth;
    var height = window.innerHeight;
    parts.body.style.maxHeight = "";
    var box = popover.getBoundingClientRect();
    var below = height - line.bottom - GAP - MARGIN;
    var above = line.top - GAP - MARGIN;
    var downwards = below >= box.height || below >= above;
    var room = Math.max(downwards ? below : above, 160);
    if (box.height > room) {
      parts.body.style.maxHeight = Math.max(80, room - (box.height - parts.body.offsetHeight)) + "px";
      box = popover.getBoundingClientRect();
    }
    // A note taller than the room scrolls: then the keyboard can focus it to scroll it (WCAG 2.1.1).
    if (parts.body.scrollHeight > parts.body.clientHeight + 1) {
      parts.body.setAttribute("tabindex", "0");
    } else {
      parts.body.removeAttribute("tabindex");
    }
    // Centred on the mark, within the text column when the popover fits in it, else within the viewport.
    var low = MARGIN;
    var high = width - MARGIN;
    var column = openMark.closest(".prose");
    if (column) {
      var bounds = column.getBoundingClientRect();
      if (Math.min(high, bounds.right) - Math.max(low, bounds.left) >= box.width) {
        low = Math.max(low, bounds.left);
        high = Math.min(high, bounds.right);
      }
    }
    var centre = (mark.left + mark.right) / 2;
    var left = Math.min(Math.max(centre - box.width / 2, low), Math.max(low, high - box.width));
    var top = downwards ? line.bottom + GAP : line.top - GAP - box.height;
    popover.style.left = left + window.scrollX + "px";
    popover.style.top = top + window.scrollY + "px";
    popover.style.setProperty("--arrow-x", Math.round(centre - left) + "px");
    popover.dataset.side = downwards ? "below" : "above";
  }

  function focusables() {
    return Array.from(popover.querySelectorAll("a[href], button, [tabindex]:not([tabindex='-1'])")).filter(
      function (element) {
        return element.getClientRects().length > 0;
      }
    );
  }

  function onPopoverKey(event) {
    if (event.key !== "Tab" || !openMark) return;
    var items = focusables();
    var active = document.activeElement;
    var mark = openMark;
    if (event.shiftKey && (active === popover || active === items[0])) {
      // Back to the mark, which stays focused.
      event.preventDefault();
      hide();
      mark.focus();
    } else if (!event.shiftKey && active === items[items.length - 1]) {
      // Focus the mark now and let Tab go on from it to what follows in the text.
      hide();
      mark.focus({ preventScroll: true });
    }
  }

  function enhance(mark) {
    mark.setAttribute("aria-expanded", "false");
    mark.setAttribute("aria-controls", "footnote-popover");
  }

  var marks = Array.from(document.querySelectorAll(MARK)).filter(noteFor);
  if (marks.length === 0) return;
  build();
  marks.forEach(enhance);

  document.addEventListener(
    "pointerdown",
    function () {
      pressedWhileOpen = openMark;
    },
    true
  );

  document.addEventListener("click", function (event) {
    var pressed = pressedWhileOpen;
    pressedWhileOpen = null;
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var mark = event.target instanceof Element ? event.target.closest(MARK) : null;
    // A mark inside a note shown here jumps to its note in the list, as without the popover.
    if (!mark || popover.contains(mark) || !noteFor(mark)) return;
    event.preventDefault();
    if (mark === openMark || mark === pressed) {
      // A second click on the mark closes its note (the pointer may already have closed it).
      hide();
      mark.focus({ preventScroll: true });
      return;
    }
    show(mark);
  });

  window.addEventListener("resize", place);
})();
