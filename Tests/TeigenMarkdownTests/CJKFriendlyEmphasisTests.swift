import Foundation
import Testing
@testable import TeigenMarkdown

/// CJK-friendly emphasis (``DelimiterPass``, ``Flanking``): the upstream test cases of the CommonMark
/// CJK-friendly amendments (tats-u/markdown-cjk-friendly at 7fdf4909, `testcases/*.md`, with the HTML of
/// its reference implementations' snapshots: markdown-it-cjk-friendly, and micromark's strikethrough
/// extension for `gfm-strikethrough`), in `Fixtures/markdown/cjk-friendly/`; then every branch of
/// the rules on its own.
@Suite struct CJKFriendlyEmphasisTests {
    let renderer = MarkdownRenderer()

    /// Lines where Teigen deliberately differs from the upstream snapshots, with why.
    static let differences: [String: [String: String]] = [
        "non-bmp": [
            // No CJK character in these lines: they convert as libcmark 0.30.2 converts them, and its
            // punctuation is General_Category P only (CommonMark 0.30); the amendments build on 0.31.2,
            // where symbols (∇ Sm, 𝜵 Sm) count as punctuation too.
            "<p>a**a∇**a</p>": "<p>a<strong>a∇</strong>a</p>",
            "<p>a**∇a**a</p>": "<p>a<strong>∇a</strong>a</p>",
            "<p>a**a𝜵**a</p>": "<p>a<strong>a𝜵</strong>a</p>",
            "<p>a**𝜵a**a</p>": "<p>a<strong>𝜵a</strong>a</p>",
        ],
        "underscore-cjk-punct": [
            // ”︁ (U+201D U+FE01) is a CJK ambiguous punctuation sequence from Unicode 16 on; the tables
            // come from Unicode 15.0.0, whose StandardizedVariants.txt has no such sequence.
            "<p>“︁Git”︁<strong>Hub</strong></p>": "<p>“︁Git”︁__Hub__</p>"
        ],
    ]

    static var upstreamCases: [String] {
        let directory = FixtureFiles.directory.appendingPathComponent("cjk-friendly")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".expected.html") }.map { String($0.dropLast(".expected.html".count)) }.sorted()
    }

    @Test func everyUpstreamCaseIsThere() {
        #expect(Self.upstreamCases == ["gfm-strikethrough", "korean", "non-bmp", "pseudo-emoji", "strong", "underscore-cjk-punct"])
    }

    @Test(arguments: upstreamCases)
    func matchesTheReferenceImplementation(_ name: String) throws {
        let markdown = try FixtureFiles.read("\(name).md", in: "cjk-friendly")
        var expected = try FixtureFiles.read("\(name).expected.html", in: "cjk-friendly")
        for (upstream, ours) in Self.differences[name] ?? [:] {
            #expect(expected.contains(upstream), "\(name): the documented difference is still upstream")
            expected = expected.replacingOccurrences(of: upstream, with: ours)
        }
        let html = renderer.render(markdown).html
        #expect(html == expected, "\(name).md")
    }

    /// `gfm-non-cjk.md`: text without CJK characters converts the same with the amendments on and off.
    @Test func nonCJKTextIsUnchanged() throws {
        let markdown = try FixtureFiles.read("gfm-non-cjk.md", in: "cjk-friendly")
        let off = MarkdownRenderer(options: MarkdownOptions(cjkFriendlyEmphasis: false)).render(markdown).html
        #expect(renderer.render(markdown).html == off)
    }

    // MARK: The issue's examples

    @Test(arguments: [
        ("**「提言」**を発表した。", "<p><strong>「提言」</strong>を発表した。</p>\n"),
        ("**これは太字になりません。**ご注意ください。", "<p><strong>これは太字になりません。</strong>ご注意ください。</p>\n"),
        ("カッコに注意**（太字にならない）**文が続く", "<p>カッコに注意<strong>（太字にならない）</strong>文が続く</p>\n"),
        ("**[製品ほげ](./a)**と**[製品ふが](./b)**",
         "<p><strong><a href=\"./a\">製品ほげ</a></strong>と<strong><a href=\"./b\">製品ふが</a></strong></p>\n"),
        ("*「強調」*です", "<p><em>「強調」</em>です</p>\n"),
        // `_` keeps rules 3 and 7: a closing `__` between 」 and a letter flanks both ways and is not followed
        // by punctuation, so it cannot close (as in the amendments' own test cases).
        ("__「太字」__です", "<p>__「太字」__です</p>\n"),
        ("__「太字」__。", "<p><strong>「太字」</strong>。</p>\n"),
        ("~~取り消し~~と~一つ~", "<p><del>取り消し</del>と<del>一つ</del></p>\n"),
    ])
    func issueExamples(_ markdown: String, _ html: String) {
        #expect(renderer.render(markdown).html == html)
    }

    @Test func offGivesCommonMark() {
        let plain = MarkdownRenderer(options: MarkdownOptions(cjkFriendlyEmphasis: false))
        #expect(plain.render("**「提言」**を発表した。").html == "<p>**「提言」**を発表した。</p>\n")
        // Strikethrough stays on (its own CJK rule goes with the amendments).
        #expect(plain.render("~~x~~").html == "<p><del>x</del></p>\n")
    }

    @Test func emphasisInLinksTablesNotesAndHeadings() {
        #expect(renderer.render("[**「a」**です](u)").html == "<p><a href=\"u\"><strong>「a」</strong>です</a></p>\n")
        #expect(renderer.render("## **「見出し」**です").html == "<h2 id=\"見出しです\"><strong>「見出し」</strong>です</h2>\n")
        let table = renderer.render("| a |\n|---|\n| **「セル」**です |\n").html
        #expect(table.contains("<td><strong>「セル」</strong>です</td>"))
        let note = renderer.render("本文[^1]\n\n[^1]: **「注」**です\n").html
        #expect(note.contains("<p><strong>「注」</strong>です"))
        let quoted = renderer.render("> 引用の\n> **「二行目」**です").html
        #expect(quoted == "<blockquote>\n<p>引用の<strong>「二行目」</strong>です</p>\n</blockquote>\n")
    }

    @Test func escapesEntitiesAndCodeNextToRunsAreKept() {
        #expect(renderer.render("\\*「a」**です**").html == "<p>*「a」<strong>です</strong></p>\n")
        #expect(renderer.render("&amp;**「a」**です").html == "<p>&amp;<strong>「a」</strong>です</p>\n")
        #expect(renderer.render("`x`**「a」**です").html == "<p><code>x</code><strong>「a」</strong>です</p>\n")
        #expect(renderer.render("***「a」***です").html == "<p><em><strong>「a」</strong></em>です</p>\n")
        // A footnote reference after the emphasis is still found, and its warning placed right.
        let result = renderer.render("**「a」**です[^x]")
        #expect(result.issues.map { "\($0.line):\($0.column)" } == ["1:10"])
    }

    // MARK: Every branch of the rules

    private func flanking(_ run: String, before: Unicode.Scalar, after: Unicode.Scalar, base: Unicode.Scalar = "\n") -> Flanking {
        Flanking.cjkFriendly(
            UInt8(ascii: Unicode.Scalar(run)!),
            Flanking.Surroundings(before: before.value, beforeBase: base.value, after: after.value))
    }

    @Test func whitespaceDecidesAloneAsInCommonMark() {
        #expect(flanking("*", before: " ", after: "字") == Flanking(canOpen: true, canClose: false))
        #expect(flanking("*", before: "字", after: " ") == Flanking(canOpen: false, canClose: true))
        #expect(flanking("*", before: "\u{3000}", after: "「") == Flanking(canOpen: true, canClose: false))
        #expect(flanking("_", before: " ", after: "～") == Flanking(canOpen: true, canClose: false))
    }

    /// The table of the amendments' `implementers-tips.md`: the character outside (before) the marker,
    /// the marker, the character inside (after) it, whether the run can end (close) and start (open).
    @Test(arguments: [
        (" ", "*", "～", false, true), (" ", "*", "字", false, true), (" ", "_", "～", false, true), (" ", "_", "字", false, true),
        ("\"", "*", "字", true, true), ("～", "*", "a", true, true), ("\"", "_", "字", false, true), ("～", "_", "a", false, true),
        ("\"", "*", "a", false, true), ("a", "*", "a", true, true), ("a", "_", "a", false, false), ("\"", "_", "\"", true, true),
        (" ", "*", " ", false, false), (" ", "*", "a", false, true), ("\"", "*", "\"", true, true),
    ] as [(Unicode.Scalar, String, Unicode.Scalar, Bool, Bool)])
    func implementersTable(_ out: Unicode.Scalar, _ marker: String, _ inside: Unicode.Scalar, _ close: Bool, _ open: Bool) {
        #expect(flanking(marker, before: out, after: inside) == Flanking(canOpen: open, canClose: close), "\(out)\(marker)\(inside)")
    }

    @Test func cjkPunctuationOnEitherSide() {
        // 」** を: libcmark cannot close (punctuation before, a letter after); the amendments can.
        #expect(Flanking.commonMark(0x2A, before: 0x300D, after: 0x3092) == Flanking(canOpen: true, canClose: false))
        #expect(flanking("*", before: "」", after: "を") == Flanking(canOpen: true, canClose: true))
        // を**「: libcmark cannot open (a letter before, punctuation after); the amendments can.
        #expect(flanking("*", before: "を", after: "「") == Flanking(canOpen: true, canClose: true))
        // Non-CJK punctuation before, CJK after (2bγ for the closing side).
        #expect(flanking("*", before: ")", after: "と") == Flanking(canOpen: true, canClose: true))
    }

    @Test func underscoreKeepsItsPunctuationRule() {
        // Between two CJK letters `_` flanks both ways and may neither open nor close (rules 2 and 3).
        #expect(flanking("_", before: "字", after: "字") == Flanking(canOpen: false, canClose: false))
        // After CJK punctuation it may open (rule 2b), before it close (rule 3b).
        #expect(flanking("_", before: "。", after: "字") == Flanking(canOpen: true, canClose: false))
        #expect(flanking("_", before: "字", after: "。") == Flanking(canOpen: false, canClose: true))
    }

    @Test func hangulAndNonBMPIdeographsAreCJK() {
        #expect(flanking("*", before: "다", after: "(") == Flanking(canOpen: true, canClose: true))
        #expect(flanking("*", before: "𩸽", after: "(") == Flanking(canOpen: true, canClose: true))
        #expect(renderer.render("**이 문장.**은").html == "<p><strong>이 문장.</strong>은</p>\n")
    }

    @Test func variationSelectors() {
        // A text variation selector belongs to the character before it: 羽︀ is a CJK sequence.
        #expect(flanking("*", before: "\u{FE00}", after: "(", base: "羽") == Flanking(canOpen: true, canClose: true))
        // After a non-CJK character, read as libcmark reads it.
        #expect(flanking("*", before: "\u{FE0E}", after: "(", base: "a") == Flanking.commonMark(0x2A, before: 0xFE0E, after: 0x28))
        // An ideographic variation selector (2bδ) lets the run open before non-CJK punctuation.
        #expect(flanking("*", before: "\u{E0100}", after: "(") == Flanking(canOpen: true, canClose: true))
        #expect(renderer.render("葛\u{E0100}**(a)**です").html == "<p>葛\u{E0100}<strong>(a)</strong>です</p>\n")
    }

    @Test func emojiPresentationIsNotCJK() {
        #expect(!CharacterClass.isCJK(0x1F600))  // 😀
        #expect(CharacterClass.isCJK(0x3030))  // 〰 (emoji, but text presentation)
        #expect(CharacterClass.isCJK(0x1F202))  // 🈂
        #expect(!CharacterClass.isCJK(0x231A))  // ⌚ Emoji_Presentation
        #expect(flanking("*", before: "😀", after: "(") == Flanking.commonMark(0x2A, before: 0x1F600, after: 0x28))
    }

    @Test func tablesComeFromOneUnicodeVersion() {
        #expect(CJKTables.unicodeVersion == "15.0.0")
        #expect(CharacterClass.isPunctuation(0x300C, cjk: true))  // 「
        #expect(CharacterClass.isPunctuation(0xFF04, cjk: true))  // ＄ (Sc counts for CJK characters)
        #expect(!CharacterClass.isLibcmarkPunctuation(0xFF04))
        #expect(CharacterClass.isLibcmarkPunctuation(0x3001))  // 、
    }

    @Test func strikethroughFollowsGitHub() {
        #expect(renderer.render("~~a~").html == "<p>~~a~</p>\n")
        #expect(renderer.render("x ~~~a~~~").html == "<p>x ~~~a~~~</p>\n")
        #expect(renderer.render("*a ~~b* c~~").html == "<p><em>a ~~b</em> c~~</p>\n")
        #expect(renderer.render("~~a *b~~ c*").html == "<p><del>a *b</del> c*</p>\n")
        // Struck-through text is part of a heading's title and id.
        #expect(renderer.render("## ~~旧~~新").html == "<h2 id=\"旧新\"><del>旧</del>新</h2>\n")
        // The amendments' rule for `~`: a~~a()~~あ closes after punctuation before a CJK character.
        #expect(renderer.render("a~~a()~~あ").html == "<p>a<del>a()</del>あ</p>\n")
    }
}
