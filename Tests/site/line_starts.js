// Finds the rendered lines of the current page that start with a character Japanese typesetting
// keeps off the start of a line (kinsoku), or with a footnote reference mark.
// Run by check_line_starts.py through selenium's execute_script; returns
// {lines: N, characters: N, offences: [{start, kind, line, before, element}]}, where `before` is the end
// of the line before in the same block ("" for a block's first line).
//
// A line is found from the layout itself: every visible character's box (Range.getClientRects),
// in document order; a character starts a new line when it is the first of its block container,
// or when it sits below the previous character, or back to its left on a lower row. Characters
// without a box of their own (spaces collapsed at a line end, U+2060 WORD JOINER, variation
// selectors) never start a line: the first visible character does.
return (function () {
  "use strict";
  // Closing brackets and quotes (Unicode Pe and Pf), the Japanese full stop and commas, and the
  // characters `line-break: strict` keeps off a line start (CSS Text 3: small kana, ー, iteration marks,
  // middle dots, full-width ：；！？). Tildes are left out: ～ opens a subtitle in this site.
  const FORBIDDEN = /[\p{Pe}\p{Pf}、。，．｡､・･：；！？‼⁇⁈⁉ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿｧ-ｯｰ゛゜]/u;
  const SKIPPED = "script, style, noscript, template, pre, textarea, svg, .visually-hidden, [hidden], [aria-hidden='true']";
  const MARK = ".footnote-ref, [role='doc-noteref']";
  const INLINE = new Set(["inline", "contents", "ruby", "ruby-base", "ruby-text", "ruby-base-container", "ruby-text-container"]);
  const blocks = new Map();
  const styles = new Map();

  function style(element) {
    let s = styles.get(element);
    if (!s) {
      s = getComputedStyle(element);
      styles.set(element, s);
    }
    return s;
  }

  function blockOf(element) {
    let e = element;
    while (e && e !== document.body && INLINE.has(style(e).display)) e = e.parentElement;
    return e || document.body;
  }

  function blockFor(element) {
    let b = blocks.get(element);
    if (b === undefined) {
      b = blockOf(element);
      blocks.set(element, b);
    }
    return b;
  }

  // In text a style lets break anywhere (long URLs), a line may start with any character on purpose.
  function breaksAnywhere(element) {
    const s = style(element);
    return s.overflowWrap === "anywhere" || s.wordBreak === "break-all" || s.lineBreak === "anywhere";
  }

  function describe(element) {
    const parts = [];
    for (let e = element; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let part = e.localName;
      if (e.id) part += "#" + e.id;
      else if (e.classList.length) part += "." + Array.from(e.classList).join(".");
      parts.unshift(part);
    }
    return parts.join(" > ");
  }

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      const parent = node.parentElement;
      if (!parent || !/\S/.test(node.data)) return NodeFilter.FILTER_REJECT;
      if (parent.closest(SKIPPED)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });

  const range = document.createRange();
  const lines = []; // {block, text, start: {char, element}}
  let previous = null; // {rect, block}
  let current = null;
  let characters = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const block = blockFor(element);
    const text = node.data;
    range.selectNodeContents(node);
    if (range.getClientRects().length === 0) continue; // not rendered (display: none, empty box)
    let index = 0;
    for (const char of text) {
      const start = index;
      index += char.length;
      if (/\s/.test(char)) {
        if (current) current.text += " ";
        continue;
      }
      range.setStart(node, start);
      range.setEnd(node, index);
      let rect = null;
      for (const r of range.getClientRects()) {
        if (r.width > 0 && r.height > 0) {
          rect = r;
          break;
        }
      }
      if (!rect) continue; // no box of its own: a joiner, a selector, a clipped character
      characters += 1;
      const newLine =
        !previous ||
        previous.block !== block ||
        rect.top >= previous.rect.bottom ||
        (rect.left < previous.rect.left - 0.5 && rect.top > previous.rect.top + 0.5);
      if (newLine) {
        current = { block, text: "", char, element };
        lines.push(current);
      }
      current.text += char;
      previous = { rect, block };
    }
  }

  const offences = [];
  lines.forEach((line, i) => {
    let kind = null;
    if (line.element.closest(MARK)) kind = "footnote mark";
    else if (FORBIDDEN.test(line.char) && !breaksAnywhere(line.element)) kind = "closing punctuation";
    if (!kind) return;
    // The line before in the same block, or none: then the text itself starts so (first line of a block).
    const before = i > 0 && lines[i - 1].block === line.block ? lines[i - 1].text.trim().slice(-12) : "";
    offences.push({
      start: line.char,
      kind,
      line: line.text.trim().slice(0, 40),
      before,
      element: describe(line.element),
    });
  });
  return { lines: lines.length, characters, offences };
})();
