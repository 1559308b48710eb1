/*
 * Teigen's site search, loaded by the search page only (templates/search.mustache).
 *
 * Reads the index that `teigen build` writes with `search: true` (Sources/TeigenBuild/Search):
 *   search-index/LANG/meta.json      shards' first keys, page lengths, the CJK ranges, a version
 *   search-index/LANG/shards/N.bin   postings of a range of tokens
 *   search-index/LANG/pages/N.json   a page's URL, title, text and headings
 * LANG is the page's <html lang>, so each language's search page searches its own pages.
 *
 * A query is read by the rules the index was made with (SearchText.swift): each character folded
 * (NFKC, lower case), spaces next to CJK characters dropped, CJK runs cut into overlapping bigrams,
 * other letters and digits into words. A page matches a word of the query where all its tokens sit
 * at the same distances as in the query: 核軍縮 finds 核軍縮 and nothing else, 軍縮 finds it too.
 * Words separated by spaces must all be on the page; "quoted words" must stand together.
 * The last word of each run of Latin letters may be the start of a longer word (SIPR finds SIPRI).
 *
 * The UI: a form (works with ?q= in the address), a live status line, an ordered list of results
 * with highlighted excerpts cut at sentence, clause or word boundaries (Intl.Segmenter), links to
 * the passages under their headings, and a button for more results. Text is set with textContent
 * only: nothing from the index is parsed as HTML.
 */
(function () {
  "use strict";

  var root = document.getElementById("search");
  if (!root || !window.fetch || !window.Map) return;

  var form = root.querySelector(".search__form");
  var input = root.querySelector(".search__input");
  var status = root.querySelector(".search__status");
  var list = root.querySelector(".search__results");
  var more = root.querySelector(".search__more");
  var language = document.documentElement.lang || "";
  var indexURL = root.getAttribute("data-index") ||
    (root.getAttribute("data-base") || "/") + "search-index/" + folderName(language) + "/";

  var PAGE_SIZE = 10;        // results shown at a time
  var EXCERPT = 90;          // characters an excerpt aims at
  var SECTION_EXCERPT = 60;  // characters of an excerpt under a heading
  var SECTIONS = 3;          // passages under headings shown per page
  var TITLE_WEIGHT = 5;      // an occurrence in the title counts as this many in the text
  var K1 = 1.2, B = 0.75;    // BM25

  var CJK = 1, WORD = 2, SPACE = 3, OTHER = 4;
  var LETTER = /^[\p{L}\p{M}\p{N}]$/u;
  var SEPARATOR = /^\p{Zs}$/u;
  var COMBINING = /^\p{M}$/u;

  var meta = null;           // meta.json, once loaded
  var metaLoading = null;
  var shards = new Map();    // shard number -> Promise of {bytes, keys, spans}
  var lists = new Map();     // key -> Promise of Map(page -> Int32Array of positions)
  var fragments = new Map(); // page number -> Promise of pages/N.json
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(language || "ja", { granularity: "word" }) : null;
  var current = 0;           // the number of the latest search: older answers are dropped
  var shown = null;          // {query, results, next} of what the list shows
  var timer = 0;

  // ---------- The text rules (SearchText.swift, ScalarFold.swift) ----------

  function folderName(tag) {
    var name = tag.toLowerCase().replace(/[^a-z0-9-]/g, "");
    return name || "und";
  }

  function fold(ch) {
    var normal = ch.normalize("NFKC");
    var lower = normal.toLowerCase();
    if (Array.from(lower).length === 1) return lower;
    if (Array.from(normal).length === 1) return normal;
    return ch;
  }

  function isCJK(value) {
    var ranges = meta.cjk, low = 0, high = ranges.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (ranges[middle][1] < value) low = middle + 1; else high = middle;
    }
    return low < ranges.length && ranges[low][0] <= value && value <= ranges[low][1];
  }

  function kind(ch) {
    var value = ch.codePointAt(0);
    if (value < 0x80) {
      if ((value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7a) || (value >= 0x41 && value <= 0x5a)) return WORD;
      if (value === 0x20 || value === 0x09 || value === 0x0c || value === 0x0d) return SPACE;
      return OTHER;
    }
    if (value >= 0x1100 && isCJK(value)) return CJK;
    if (LETTER.test(ch)) return WORD;
    if (SEPARATOR.test(ch)) return SPACE;
    return OTHER;
  }

  /** The folded characters of `text`, spaces next to CJK characters dropped, others one for a run. */
  function folded(text) {
    var out = [], pendingSpace = false, previousCJK = false;
    var lastKept = -2;
    Array.from(text).forEach(function (ch, offset) {
      var f = fold(ch);
      if (lastKept === offset - 1 && COMBINING.test(f)) {
        var composed = (out[out.length - 1].ch + f).normalize("NFC");
        if (Array.from(composed).length === 1) {
          out[out.length - 1] = { ch: composed, kind: kind(composed) };
          previousCJK = out[out.length - 1].kind === CJK;
          lastKept = offset;
          return;
        }
      }
      var k = kind(f);
      if (k === SPACE) {
        if (!previousCJK && out.length) pendingSpace = true;
        return;
      }
      if (pendingSpace && k !== CJK) out.push({ ch: " ", kind: SPACE });
      pendingSpace = false;
      out.push({ ch: f, kind: k });
      previousCJK = k === CJK;
      lastKept = offset;
    });
    return out;
  }

  /** One word of the query: its tokens (key, offset from its start, whether a prefix), or null. */
  function phrase(text) {
    var chars = folded(text), tokens = [], i = 0;
    while (i < chars.length) {
      var k = chars[i].kind, end = i + 1;
      if (k !== CJK && k !== WORD) { i++; continue; }
      while (end < chars.length && chars[end].kind === k) end++;
      if (k === CJK && end - i === 1) {
        tokens.push({ key: chars[i].ch, offset: i, prefix: true });
      } else if (k === CJK) {
        for (var j = i; j < end - 1; j++) tokens.push({ key: chars[j].ch + chars[j + 1].ch, offset: j, prefix: false });
      } else {
        var word = chars.slice(i, end).map(function (c) { return c.ch; }).join("");
        tokens.push({ key: word, offset: i, prefix: end === chars.length, word: true });
      }
      i = end;
    }
    if (!tokens.length) return null;
    var last = tokens[tokens.length - 1];
    return { text: text, tokens: tokens, length: last.offset + Array.from(last.key).length, open: last.prefix && last.word };
  }

  /** The words of a query: "quoted words" stay together, others are cut at white space. */
  function parse(query) {
    var phrases = [], seen = {}, pattern = /"([^"]*)"?|[^\s"]+/gu, match;
    query = query.normalize("NFKC");
    while ((match = pattern.exec(query))) {
      var p = phrase(match[1] !== undefined ? match[1] : match[0]);
      var key = p && p.tokens.map(function (t) { return t.offset + ":" + t.key + (t.prefix ? "*" : ""); }).join(" ");
      if (p && !seen[key]) { seen[key] = true; phrases.push(p); }
    }
    return phrases;
  }

  // ---------- The index ----------

  function fetchOK(url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response;
    });
  }

  function loadMeta() {
    if (!metaLoading) {
      metaLoading = fetchOK(indexURL + "meta.json", { cache: "no-cache" }).then(function (r) { return r.json(); })
        .then(function (m) {
          meta = m;
          var total = 0;
          m.lengths.forEach(function (n) { total += n; });
          meta.averageLength = m.pages ? total / m.pages : 1;
          return m;
        });
      metaLoading.catch(function () { metaLoading = null; });
    }
    return metaLoading;
  }

  function versioned(path) { return indexURL + path + "?v=" + meta.version; }

  function varint(bytes, at) {
    var value = 0, shift = 0, b;
    do {
      b = bytes[at.i++];
      value += (b & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (b & 0x80);
    return value;
  }

  function shard(number) {
    if (!shards.has(number)) {
      var loading = fetchOK(versioned("shards/" + number + ".bin")).then(function (r) { return r.arrayBuffer(); })
        .then(function (buffer) {
          var bytes = new Uint8Array(buffer), at = { i: 0 }, keys = [], spans = new Map(), decoder = new TextDecoder();
          while (at.i < bytes.length) {
            var keyLength = varint(bytes, at);
            var key = decoder.decode(bytes.subarray(at.i, at.i + keyLength));
            at.i += keyLength;
            var length = varint(bytes, at);
            keys.push(key);
            spans.set(key, [at.i, at.i + length]);
            at.i += length;
          }
          return { bytes: bytes, keys: keys, spans: spans };
        });
      loading.catch(function () { shards.delete(number); });
      shards.set(number, loading);
    }
    return shards.get(number);
  }

  /** The shard that holds `key`: the last whose first key is not after it (keys in UTF-16 order). */
  function shardOf(key) {
    var firsts = meta.shards, low = 0, high = firsts.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (firsts[middle] <= key) low = middle + 1; else high = middle;
    }
    return Math.max(0, low - 1);
  }

  function decodeList(bytes, span) {
    var at = { i: span[0] }, pages = new Map(), page = 0, count = varint(bytes, at);
    for (var n = 0; n < count; n++) {
      page += varint(bytes, at);
      var positions = new Int32Array(varint(bytes, at)), position = 0;
      for (var p = 0; p < positions.length; p++) {
        position += varint(bytes, at);
        positions[p] = position;
      }
      pages.set(page, positions);
    }
    return pages;
  }

  /** Map(page -> positions) of one token, or of every token starting with it (`prefix`). */
  function postings(token) {
    var id = (token.prefix ? "*" : "=") + token.key;
    if (!lists.has(id)) {
      var first = shardOf(token.key), last = token.prefix ? shardOf(token.key + "\uffff") : first, loads = [];
      for (var n = first; n <= last; n++) loads.push(shard(n));
      var loading = Promise.all(loads).then(function (loaded) {
        var merged = new Map();
        loaded.forEach(function (s) {
          var keys = token.prefix ? s.keys.filter(function (k) { return k.lastIndexOf(token.key, 0) === 0; }) : [token.key];
          keys.forEach(function (k) {
            if (!s.spans.has(k)) return;
            decodeList(s.bytes, s.spans.get(k)).forEach(function (positions, page) {
              var before = merged.get(page);
              merged.set(page, before ? union(before, positions) : positions);
            });
          });
        });
        return merged;
      });
      loading.catch(function () { lists.delete(id); });
      lists.set(id, loading);
    }
    return lists.get(id);
  }

  function union(a, b) {
    var out = new Int32Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out.sort();
  }

  function contains(sorted, value) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < value) low = middle + 1; else high = middle;
    }
    return low < sorted.length && sorted[low] === value;
  }

  /** Map(page -> start positions) where all of the phrase's tokens stand at their offsets. */
  function matchPhrase(p) {
    return Promise.all(p.tokens.map(postings)).then(function (found) {
      var order = p.tokens.map(function (t, i) { return i; })
        .sort(function (a, b) { return found[a].size - found[b].size; });
      var rarest = order[0], matches = new Map();
      found[rarest].forEach(function (positions, page) {
        for (var i = 1; i < order.length; i++) if (!found[order[i]].has(page)) return;
        var starts = [];
        positions.forEach(function (position) {
          var start = position - p.tokens[rarest].offset;
          for (var i = 1; i < order.length; i++) {
            var t = order[i];
            if (!contains(found[t].get(page), start + p.tokens[t].offset)) return;
          }
          starts.push(start);
        });
        if (starts.length) matches.set(page, starts.sort(function (a, b) { return a - b; }));
      });
      return matches;
    });
  }

  /** The pages that have every phrase, best first: [{page, score, matches: [{start, length, open}]}]. */
  function search(phrases) {
    return Promise.all(phrases.map(matchPhrase)).then(function (perPhrase) {
      var pages = [];
      perPhrase[0].forEach(function (_, page) {
        if (perPhrase.every(function (m) { return m.has(page); })) pages.push(page);
      });
      var results = pages.map(function (page) {
        var score = 0, matches = [], length = meta.lengths[page], titleLength = meta.titleLengths[page];
        perPhrase.forEach(function (m, i) {
          var starts = m.get(page), inTitle = 0;
          starts.forEach(function (start) {
            if (start < titleLength) inTitle++;
            matches.push({ start: start, length: phrases[i].length, open: phrases[i].open, phrase: i });
          });
          var tf = starts.length - inTitle + TITLE_WEIGHT * inTitle;
          var idf = Math.log(1 + (meta.pages - m.size + 0.5) / (m.size + 0.5));
          score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / meta.averageLength));
        });
        matches.sort(function (a, b) { return a.start - b.start; });
        return { page: page, score: score, matches: matches };
      });
      return results.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    });
  }

  function fragment(page) {
    if (!fragments.has(page)) {
      var loading = fetchOK(versioned("pages/" + page + ".json")).then(function (r) { return r.json(); });
      loading.catch(function () { fragments.delete(page); });
      fragments.set(page, loading);
    }
    return fragments.get(page);
  }

  // ---------- Excerpts ----------

  var SENTENCE_END = /[。．！？!?]/;
  var CLAUSE_END = /[、，,;；:：」』）)\]】〕]/;
  var OPENING = /[「『（(\[【〔]/;

  /** Word boundaries (code point offsets of `chars`) between `from` and `to`. */
  function wordBoundaries(chars, from, to) {
    var boundaries = new Set([from, to]);
    from = Math.max(0, from);
    to = Math.min(chars.length, to);
    if (segmenter) {
      var text = chars.slice(from, to).join(""), units = [], unit = 0;
      for (var i = from; i < to; i++) { units[unit] = i; unit += chars[i].length; }
      units[unit] = to;
      Array.from(segmenter.segment(text)).forEach(function (s) { boundaries.add(units[s.index]); });
    } else {
      for (var j = from + 1; j < to; j++) if (kind(fold(chars[j])) !== kind(fold(chars[j - 1]))) boundaries.add(j);
    }
    return boundaries;
  }

  /** Where an excerpt that must show `at` starts: a block or sentence start close before it, else a clause
   *  start, else a word boundary (never inside a word). */
  function excerptStart(chars, at, floor) {
    for (var i = at; i > Math.max(floor, at - 40); i--) {
      if (chars[i - 1] === "\n" || SENTENCE_END.test(chars[i - 1])) return i;
    }
    if (at <= floor + 40) return floor;
    for (i = at; i > at - 30; i--) {
      if (CLAUSE_END.test(chars[i - 1]) || chars[i - 1] === " ") return i;
      if (OPENING.test(chars[i])) return i;
    }
    // A word boundary a few words before the match, so that it is read in context.
    var words = wordBoundaries(chars, at - 30, at + 10);
    for (i = at - 12; i > at - 30; i--) if (words.has(i)) return i;
    for (i = at; i > at - 12; i--) if (words.has(i)) return i;
    return at;
  }

  /** Where an excerpt that must show up to `at` ends: a sentence, block or clause end close after it, else
   *  a word boundary. */
  function excerptEnd(chars, at, ceiling) {
    for (var i = at; i < Math.min(ceiling, at + 30); i++) {
      if (chars[i] === "\n") return i;
      if (SENTENCE_END.test(chars[i])) return i + 1;
    }
    if (at + 30 >= ceiling) return ceiling;
    for (i = at; i < at + 20; i++) {
      if (CLAUSE_END.test(chars[i]) || chars[i] === " ") return i + 1;
    }
    var words = wordBoundaries(chars, at - 20, at + 20);
    for (i = at; i < at + 20; i++) if (words.has(i)) return i;
    return at;
  }

  /** A paragraph of `chars[start..<end]` with the ranges in `marks` highlighted, "…" where it is cut. */
  function excerpt(chars, start, end, marks, floor, ceiling, className) {
    var p = document.createElement("p");
    p.className = className;
    var at = start;
    var text = function (to) {
      if (to > at) p.appendChild(document.createTextNode(chars.slice(at, to).join("").replace(/\n/g, " ")));
      at = Math.max(at, to);
    };
    if (start > floor && chars[start - 1] !== "\n") p.appendChild(document.createTextNode("…"));
    marks.forEach(function (m) {
      var from = Math.max(m[0], at), to = Math.min(m[1], end);
      if (from >= to) return;
      text(from);
      var mark = document.createElement("mark");
      mark.textContent = chars.slice(from, to).join("").replace(/\n/g, " ");
      p.appendChild(mark);
      at = to;
    });
    text(end);
    if (end < ceiling && chars[end] !== "\n") p.appendChild(document.createTextNode("…"));
    return p;
  }

  /** The best excerpt around the matches `marks` (sorted [from, to, phrase] within floor..ceiling). */
  function bestExcerpt(chars, marks, floor, ceiling, size, className) {
    if (!marks.length) {
      var end = excerptEnd(chars, Math.min(ceiling, floor + size), ceiling);
      return excerpt(chars, floor, end, [], floor, ceiling, className);
    }
    var best = 0, bestScore = -1;
    marks.forEach(function (m, i) {
      var phrases = new Set();
      for (var j = i; j < marks.length && marks[j][0] < m[0] + size - 10; j++) phrases.add(marks[j][2]);
      if (phrases.size > bestScore) { best = i; bestScore = phrases.size; }
    });
    var anchor = marks[best][0];
    var start = excerptStart(chars, anchor, floor);
    var last = anchor;
    for (var j = best; j < marks.length && marks[j][0] < start + size; j++) last = Math.max(last, marks[j][1]);
    var stop = excerptEnd(chars, Math.min(ceiling, Math.max(last, start + size)), ceiling);
    // A match that starts inside the excerpt is shown whole.
    marks.forEach(function (m) {
      if (m[0] < stop && m[1] > stop) stop = excerptEnd(chars, Math.min(ceiling, m[1]), ceiling);
    });
    return excerpt(chars, start, stop, marks, floor, ceiling, className);
  }

  /** The result's list item: its title, its excerpts and the passages under headings that match. */
  function resultItem(result, page) {
    var combined = Array.from(page.title + "\n" + page.text);
    var skipped = new Set(page.skipped);
    var display = [];
    combined.forEach(function (_, d) { if (!skipped.has(d)) display.push(d); });
    display.push(combined.length);
    var titleEnd = Array.from(page.title).length, bodyStart = titleEnd + 1;

    var marks = result.matches.map(function (m) {
      var from = display[Math.min(m.start, display.length - 1)];
      var to = display[Math.min(m.start + m.length - 1, display.length - 1)] + 1;
      if (m.open) while (to < combined.length && kind(fold(combined[to])) === WORD) to++;
      return [from, to, m.phrase];
    });
    var titleMarks = marks.filter(function (m) { return m[0] < titleEnd; });
    var bodyMarks = marks.filter(function (m) { return m[0] >= bodyStart; });

    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result__title";
    var link = document.createElement("a");
    link.href = pageURL(page.url);
    var title = excerpt(combined, 0, titleEnd, titleMarks, 0, titleEnd, "");
    while (title.firstChild) link.appendChild(title.firstChild);
    if (page.sharedTitle) {
      var where = document.createElement("span");
      where.className = "search-result__where";
      where.textContent = root.getAttribute("data-where").replace("{where}", isHome(page.url) ? root.getAttribute("data-home") : decodeURI(page.url));
      link.appendChild(where);
    }
    heading.appendChild(link);
    item.appendChild(heading);

    // Group the matches in the text by the heading they stand under (-1: none with an id).
    var headings = page.headings.map(function (h) { return { start: bodyStart + h[0], id: h[1] }; });
    var groups = new Map();
    bodyMarks.forEach(function (m) {
      var section = -1;
      for (var i = 0; i < headings.length && headings[i].start <= m[0]; i++) section = headings[i].id ? i : -1;
      if (!groups.has(section)) groups.set(section, []);
      groups.get(section).push(m);
    });
    if (groups.has(-1) || !bodyMarks.length) {
      item.appendChild(bestExcerpt(combined, groups.get(-1) || [], bodyStart, combined.length, EXCERPT, "search-result__excerpt"));
    }
    var sections = Array.from(groups.keys()).filter(function (s) { return s >= 0; });
    sections.sort(function (a, b) { return passageScore(groups.get(b)) - passageScore(groups.get(a)) || a - b; });
    sections = sections.slice(0, SECTIONS).sort(function (a, b) { return a - b; });
    if (sections.length) {
      var nested = document.createElement("ul");
      nested.className = "search-result__passages";
      nested.setAttribute("aria-label", root.getAttribute("data-passages").split("{title}").join(page.title));
      sections.forEach(function (s) {
        var h = headings[s];
        var headingEnd = combined.indexOf("\n", h.start);
        var sectionEnd = s + 1 < headings.length ? headings[s + 1].start - 1 : combined.length;
        var li = document.createElement("li");
        li.className = "search-result__passage";
        var a = document.createElement("a");
        a.className = "search-result__passage-link";
        a.href = pageURL(page.url) + "#" + encodeURIComponent(h.id);
        var headingMarks = groups.get(s).filter(function (m) { return m[0] < headingEnd; });
        var label = excerpt(combined, h.start, headingEnd < 0 ? sectionEnd : headingEnd, headingMarks, h.start, sectionEnd, "");
        while (label.firstChild) a.appendChild(label.firstChild);
        li.appendChild(a);
        var textMarks = groups.get(s).filter(function (m) { return m[0] > headingEnd; });
        if (textMarks.length && headingEnd >= 0) {
          li.appendChild(bestExcerpt(combined, textMarks, headingEnd + 1, sectionEnd, SECTION_EXCERPT, "search-result__excerpt"));
        }
        nested.appendChild(li);
      });
      item.appendChild(nested);
    }
    return item;
  }

  function passageScore(marks) {
    return new Set(marks.map(function (m) { return m[2]; })).size * 1000 + marks.length;
  }

  // Whether a result's site path is this language's home (data-home-url holds it with the base path).
  function isHome(url) {
    return pageURL(url) === (root.getAttribute("data-home-url") || root.getAttribute("data-base") || "/");
  }

  function pageURL(url) {
    return (root.getAttribute("data-base") || "/") + url.replace(/^\//, "");
  }

  // ---------- The page ----------

  function say(name, values) {
    var text = root.getAttribute("data-" + name) || "";
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    status.textContent = text;
  }

  function setState(state, query) {
    root.setAttribute("data-state", state);
    root.setAttribute("data-query", query);
  }

  function showMore(number, focus) {
    var batch = shown.results.slice(shown.next, shown.next + PAGE_SIZE);
    shown.next += batch.length;
    return Promise.all(batch.map(function (r) { return fragment(r.page); })).then(function (pages) {
      if (number !== current) return;
      var first = null;
      batch.forEach(function (r, i) {
        var item = resultItem(r, pages[i]);
        first = first || item;
        list.appendChild(item);
      });
      var left = shown.results.length - shown.next;
      more.hidden = left <= 0;
      more.textContent = (root.getAttribute("data-more") || "").replace("{count}", left);
      if (focus && first) first.querySelector("a").focus();
    });
  }

  function run(query) {
    var number = ++current;
    query = query.trim();
    list.textContent = "";
    list.hidden = true;
    more.hidden = true;
    shown = null;
    if (!query) {
      status.textContent = "";
      setState("idle", "");
      return Promise.resolve();
    }
    setState("loading", query);
    say("searching", { query: query });
    return loadMeta().then(function () {
      var phrases = parse(query);
      return phrases.length ? search(phrases) : [];
    }).then(function (results) {
      if (number !== current) return;
      shown = { query: query, results: results, next: 0 };
      if (!results.length) {
        say("none", { query: query });
        setState("done", query);
        return;
      }
      list.hidden = false;
      return showMore(number, false).then(function () {
        if (number !== current) return;
        say("results", { query: query, count: results.length });
        setState("done", query);
      });
    }).catch(function (error) {
      if (number !== current) return;
      say("error", { query: query });
      setState("error", query);
      if (window.console) console.error(error);
    });
  }

  function remember(query) {
    var url = new URL(window.location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url.href);
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      remember(input.value.trim());
      run(input.value);
    }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    remember(input.value.trim());
    run(input.value);
  });
  more.addEventListener("click", function () {
    if (shown) showMore(current, true);
  });

  root.classList.add("is-ready");
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  } else {
    setState("idle", "");
    loadMeta().catch(function () {});
  }
})();
