#!/usr/bin/env python3
"""Footnotes in the browser: touch targets, line height, notes read in place, and the fallback.

Usage: python3 Tests/site/check_footnotes.py PUBLIC_DIR [--widths 320 375 1280]

On every page with footnote reference marks, in headless Chromium (sitebrowser.py), at each width:
  - targets: every reference mark and back-link takes taps on a square of at least 24 × 24 CSS px
    centred on it (WCAG 2.2, 2.5.8), found with document.elementFromPoint;
  - line height: a paragraph holding a mark or a back-link is a whole number of lines tall (the mark's
    line is no taller than the others);
  - every mark opens its note in place (theme/assets/js/footnotes.js): a dialog named 注 N (Note N on an
    English page) holding the
    note's text without its back-links, with focus in it, beside the mark without covering it, inside the
    viewport; the page neither scrolls nor changes its URL; Escape closes it and focus is back on the mark.
On the first page with marks of each language, at each width: the keyboard (Enter opens; Tab walks the dialog, and past
its last link closes it and goes on to what follows the mark; Shift+Tab returns to the mark; the close
button), the pointer (a second click on the mark and a click elsewhere close it), the link to the list
(jumps to the note), axe-core with the note open in light and dark; and, with JavaScript disabled, the
mark still jumps to the note and the back-link back.
Exits 1 with every failure. Needs: pip install selenium; pip install --no-deps axe-playwright-python;
apt chromium chromium-driver fonts-noto-cjk.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_axe  # noqa: E402
import sitebrowser  # noqa: E402

WIDTHS = [320, 375, 1280]
MIN_TARGET = 24  # CSS px
MARKS = ".footnote-ref a[href^='#']"
BACKLINKS = ".footnote-backref"

# For each link: the extent of the area that hits it, through its centre, up to 40 px each way, and
# whether the four corners of the 24 px square centred on it hit it too.
TARGETS = """
const [selector, size] = arguments;
return Array.from(document.querySelectorAll(selector)).map((link) => {
  link.scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});
  const r = link.getBoundingClientRect();
  const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
  const hits = (x, y) => { const e = document.elementFromPoint(x, y); return !!e && e.closest('a') === link; };
  const reach = (dx, dy) => { let d = 0; while (d < 40 && hits(cx + (d + 1) * dx, cy + (d + 1) * dy)) d++; return d; };
  const h = size / 2 - 0.5;
  return {
    id: link.id || link.getAttribute('href'),
    text: link.textContent.trim(),
    glyph: [Math.round(r.width), Math.round(r.height)],
    width: reach(-1, 0) + reach(1, 0) + 1,
    height: reach(0, -1) + reach(0, 1) + 1,
    corners: [[-h, -h], [h, -h], [-h, h], [h, h]].every(([dx, dy]) => hits(cx + dx, cy + dy)),
  };
});
"""

# Blocks holding a mark or a back-link whose height is not a whole number of lines.
LINE_HEIGHTS = """
const blocks = new Set();
document.querySelectorAll(arguments[0]).forEach((link) => {
  let e = link.parentElement;
  while (e && getComputedStyle(e).display.startsWith('inline')) e = e.parentElement;
  if (e) blocks.add(e);
});
const wrong = [];
for (const block of blocks) {
  const s = getComputedStyle(block);
  const lineHeight = parseFloat(s.lineHeight);
  if (!(lineHeight > 0) || block.querySelector('p, div, ul, ol, table, blockquote')) continue;
  const height = block.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)
    - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth);
  const lines = Math.round(height / lineHeight);
  if (Math.abs(height - lines * lineHeight) > 0.5)
    wrong.push({text: block.textContent.trim().slice(0, 30), height, lineHeight});
}
return wrong;
"""

# The state of the page around the note popover, read in one go.
STATE = """
const mark = arguments[0];
const pop = document.getElementById('footnote-popover');
const open = !!pop && pop.matches(':popover-open');
const rect = (e) => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
const title = pop && document.getElementById(pop.getAttribute('aria-labelledby') || '');
const body = pop && document.getElementById(pop.getAttribute('aria-describedby') || '');
const note = mark && document.getElementById(decodeURIComponent(mark.getAttribute('href').slice(1)));
let noteText = '';
if (note) { const c = note.cloneNode(true); c.querySelectorAll('.footnote-backref').forEach((b) => b.remove()); noteText = c.textContent; }
const active = document.activeElement;
return {
  open,
  role: pop ? pop.getAttribute('role') : null,
  title: title ? title.textContent.trim() : null,
  body: body ? body.textContent.replace(/\\s+/g, '') : null,
  note: noteText.replace(/\\s+/g, ''),
  number: mark ? mark.textContent.trim() : null,
  expanded: mark ? mark.getAttribute('aria-expanded') : null,
  focusInside: !!pop && pop.contains(active),
  focusOnMark: active === mark,
  active: active ? (active.id || active.className || active.localName) : null,
  popover: open ? rect(pop) : null,
  mark: mark ? rect(mark) : null,
  viewport: document.documentElement.clientWidth,
  scrollY: window.scrollY,
  hash: location.hash,
};
"""


class Checks:
    def __init__(self):
        self.failures: list[str] = []
        self.passed = 0

    def expect(self, ok: bool, where: str, what: str) -> bool:
        if ok:
            self.passed += 1
        else:
            self.failures.append(f"{where}: {what}")
            print(f"FAIL {where}: {what}", file=sys.stderr)
        return ok


def keys(driver, *sequence, shift: bool = False) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    actions = ActionChains(driver)
    if shift:
        actions.key_down(Keys.SHIFT)
    actions.send_keys(*sequence)
    if shift:
        actions.key_up(Keys.SHIFT)
    actions.perform()


def click(driver, element) -> None:
    """Clicks an element after scrolling it to the middle of the viewport (selenium's own scrolling
    puts it at an edge, where a raised reference mark may be cut off)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def state(driver, mark) -> dict:
    return driver.execute_script(STATE, mark)


# The word a note's dialog is named with, by the page's language (the theme's footnote.popover.title).
NOTE_WORDS = {"ja": "注", "en": "Note"}


def overlaps(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def check_targets_and_lines(driver, checks: Checks, where: str) -> None:
    for selector, kind in ((MARKS, "reference mark"), (BACKLINKS, "back-link")):
        for t in driver.execute_script(TARGETS, selector, MIN_TARGET):
            checks.expect(t["width"] >= MIN_TARGET and t["height"] >= MIN_TARGET and t["corners"], where,
                          f"{kind} {t['id']} ('{t['text']}', glyph {t['glyph'][0]}×{t['glyph'][1]} px) takes taps on "
                          f"{t['width']}×{t['height']} px through its centre"
                          f"{'' if t['corners'] else ', not on the corners of a 24 px square'}; "
                          f"at least {MIN_TARGET}×{MIN_TARGET} needed")
    for block in driver.execute_script(LINE_HEIGHTS, f"{MARKS}, {BACKLINKS}"):
        checks.expect(False, where, f"the block '{block['text']}…' is {block['height']:.2f} px tall, not a whole "
                                    f"number of {block['lineHeight']:.2f} px lines: a mark or back-link changed its line height")


def check_open_close(driver, checks: Checks, where: str, mark) -> None:
    """Click opens the note beside the mark; Escape closes it and focus is back on the mark."""
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", mark)
    before = state(driver, mark)
    mark.click()
    s = state(driver, mark)
    name = f"mark {s['number']}"
    if not checks.expect(s["open"], where, f"a click on {name} did not open its note"):
        return
    checks.expect(s["role"] == "dialog", where, f"{name}: the popover's role is {s['role']}, not dialog")
    word = NOTE_WORDS.get(driver.execute_script("return document.documentElement.lang"), "注")
    checks.expect(s["title"] == f"{word} {s['number']}", where, f"{name}: the dialog is named '{s['title']}', not '{word} {s['number']}'")
    checks.expect(bool(s["note"]) and s["body"] == s["note"], where,
                  f"{name}: the dialog holds '{(s['body'] or '')[:40]}', not the note '{s['note'][:40]}'")
    checks.expect(s["focusInside"], where, f"{name}: focus is on {s['active']}, not in the dialog")
    checks.expect(s["expanded"] == "true", where, f"{name}: aria-expanded is {s['expanded']} while open")
    p, m = s["popover"], s["mark"]
    checks.expect(p["left"] >= 0 and p["right"] <= s["viewport"] + 0.5, where,
                  f"{name}: the note spans {p['left']:.0f}–{p['right']:.0f} px, outside the {s['viewport']} px viewport")
    checks.expect(not overlaps(p, m), where, f"{name}: the note covers its mark")
    checks.expect(s["scrollY"] == before["scrollY"] and s["hash"] == before["hash"], where,
                  f"{name}: opening moved the page (scroll {before['scrollY']}→{s['scrollY']}, "
                  f"URL fragment '{before['hash']}'→'{s['hash']}')")
    keys(driver, Keys.ESCAPE)
    s = state(driver, mark)
    checks.expect(not s["open"], where, f"{name}: Escape did not close the note")
    checks.expect(s["focusOnMark"], where, f"{name}: after Escape focus is on {s['active']}, not on the mark")
    checks.expect(s["expanded"] == "false", where, f"{name}: aria-expanded is {s['expanded']} after closing")
    checks.expect(s["scrollY"] == before["scrollY"], where, f"{name}: closing scrolled the page")


NEXT_FOCUSABLE = """
const mark = arguments[0];
const all = Array.from(document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]'))
  .filter((e) => e.tabIndex >= 0 && !e.closest('#footnote-popover') && e.getClientRects().length > 0);
return all[all.indexOf(mark) + 1] || null;
"""


def check_keyboard_and_pointer(driver, checks: Checks, where: str, mark) -> None:
    from selenium.webdriver.common.keys import Keys

    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].focus()", mark)
    keys(driver, Keys.ENTER)
    s = state(driver, mark)
    checks.expect(s["open"] and s["focusInside"], where, "Enter on the mark did not open its note with focus in it")
    # Tab walks through the dialog's links and buttons, then out of it to what follows the mark.
    expected_next = driver.execute_script(NEXT_FOCUSABLE, mark)
    walked = []
    for _ in range(20):
        keys(driver, Keys.TAB)
        s = state(driver, mark)
        if not s["open"]:
            break
        walked.append(s["active"])
    checks.expect(not s["open"] and len(walked) >= 2, where,
                  f"Tab did not walk the dialog and leave it (walked {walked}, open: {s['open']})")
    active = driver.switch_to.active_element
    checks.expect(expected_next is not None and active == expected_next, where,
                  f"Tab past the dialog's last link went to {s['active']}, not to what follows the mark")
    # Shift+Tab from the dialog returns to the mark.
    driver.execute_script("arguments[0].focus()", mark)
    keys(driver, Keys.ENTER)
    keys(driver, Keys.TAB, shift=True)
    s = state(driver, mark)
    checks.expect(not s["open"] and s["focusOnMark"], where,
                  f"Shift+Tab in the dialog: open {s['open']}, focus on {s['active']} (want closed, on the mark)")
    # The close button.
    keys(driver, Keys.ENTER)
    keys(driver, Keys.TAB)
    s = state(driver, mark)
    checks.expect(s["active"] == "note-popover__close", where, f"the first Tab in the dialog went to {s['active']}, not its close button")
    keys(driver, Keys.ENTER)
    s = state(driver, mark)
    checks.expect(not s["open"] and s["focusOnMark"], where,
                  f"the close button: open {s['open']}, focus on {s['active']} (want closed, on the mark)")
    # A second click on the mark closes its note; so does a click elsewhere.
    click(driver, mark)
    mark.click()
    s = state(driver, mark)
    checks.expect(not s["open"] and s["expanded"] == "false", where, "a second click on the mark did not close its note")
    click(driver, mark)
    click(driver, driver.find_element("css selector", ".site-footer"))
    s = state(driver, mark)
    checks.expect(not s["open"], where, "a click elsewhere did not close the note")
    # The link to the list jumps to the note, as the mark does without JavaScript.
    click(driver, mark)
    driver.find_element("css selector", "#footnote-popover .note-popover__list").click()
    s = state(driver, mark)
    href = mark.get_attribute("href")
    checks.expect(not s["open"] and s["hash"] and href.endswith(s["hash"]), where,
                  f"the link to the list: open {s['open']}, URL fragment '{s['hash']}' (want closed, at the note)")
    driver.execute_script("history.replaceState(null, '', location.pathname); window.scrollTo(0, 0)")


def check_axe_open(driver, checks: Checks, where: str, mark, axe: str) -> None:
    from selenium.webdriver.common.keys import Keys

    for scheme in ("light", "dark"):
        sitebrowser.set_color_scheme(driver, scheme)
        click(driver, mark)
        driver.execute_script(axe)
        result = driver.execute_async_script(check_axe.RUN_AXE)
        if not checks.expect(result.get("ok"), where, f"axe did not run: {result.get('error')}"):
            continue
        for v in result["violations"]:
            if v["impact"] in check_axe.FAILING:
                targets = "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
                checks.expect(False, f"{where} [{scheme}, note open]", f"axe {v['id']} ({v['impact']}): {v['help']} at {targets}")
        keys(driver, Keys.ESCAPE)
    sitebrowser.set_color_scheme(driver, "light")


def check_without_javascript(driver, checks: Checks, root: str, rel: str) -> None:
    where = f"{rel} [no JavaScript]"
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(sitebrowser.url_for(root, rel))
        mark = driver.find_element("css selector", MARKS)
        target = mark.get_attribute("href").split("#", 1)[1]
        click(driver, mark)
        hash_now = driver.execute_script("return decodeURIComponent(location.hash)")
        popover = driver.execute_script("return !!document.getElementById('footnote-popover')")
        checks.expect(hash_now == "#" + target and not popover, where,
                      f"the mark went to '{hash_now}' (popover: {popover}), not to the note #{target}")
        back = driver.find_element("css selector", f"li[id='{target}'] {BACKLINKS}")
        click(driver, back)
        hash_now = driver.execute_script("return decodeURIComponent(location.hash)")
        checks.expect(hash_now == "#" + mark.get_attribute("id"), where,
                      f"the back-link went to '{hash_now}', not back to the mark #{mark.get_attribute('id')}")
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def main() -> int:
    ap = argparse.ArgumentParser(description="footnote targets, line height, notes read in place")
    ap.add_argument("public", help="the built site (public/)")
    ap.add_argument("--widths", nargs="+", type=int, default=WIDTHS)
    args = ap.parse_args()
    pages = sitebrowser.pages_or_exit(args.public, "check_footnotes")
    checks = Checks()
    axe = check_axe.axe_source()
    started = time.monotonic()
    with_marks = []
    # The first page with notes of each language gets the detailed checks (keyboard, pointer, axe, no JavaScript).
    detailed: dict[str, str] = {}
    with sitebrowser.serve(args.public) as root, sitebrowser.chromium() as driver:
        for rel in pages:
            if rel in sitebrowser.SEARCH_PAGES:
                continue
            driver.get(sitebrowser.url_for(root, rel))
            if driver.execute_script(f"return document.querySelectorAll(\"{MARKS}\").length") == 0:
                continue
            with_marks.append(rel)
            detailed.setdefault(driver.execute_script("return document.documentElement.lang"), rel)
            for width in args.widths:
                sitebrowser.set_viewport(driver, width, 800)
                driver.get(sitebrowser.url_for(root, rel))
                where = f"{rel} @ {width}px"
                check_targets_and_lines(driver, checks, where)
                for mark in driver.find_elements("css selector", MARKS):
                    check_open_close(driver, checks, where, mark)
                if rel in detailed.values():
                    first = driver.find_element("css selector", MARKS)
                    check_keyboard_and_pointer(driver, checks, where, first)
                    check_axe_open(driver, checks, where, first, axe)
        for rel in detailed.values():
            check_without_javascript(driver, checks, root, rel)
    took = time.monotonic() - started
    if not with_marks:
        print("check_footnotes: no page has a footnote reference mark", file=sys.stderr)
        return 1
    if checks.failures:
        print(f"check_footnotes: {len(checks.failures)} failure(s), {checks.passed} checks passed "
              f"({len(with_marks)} pages with notes, {took:.1f} s)", file=sys.stderr)
        return 1
    print(f"check_footnotes: {checks.passed} checks passed on {len(with_marks)} pages with notes "
          f"({', '.join(with_marks)}) at {', '.join(map(str, args.widths))} px ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
