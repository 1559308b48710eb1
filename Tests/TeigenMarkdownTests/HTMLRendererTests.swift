import CCmark
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import TeigenMarkdown

/// ``HTMLRenderer`` against libcmark's own `cmark_render_html`: the same parsed tree, every render
/// option combination, byte for byte (both sides as Swift Strings: libcmark's through
/// `String(cString:)`).
///
/// Inputs: every Markdown fixture under `Tests/Fixtures` (the CommonMark corpus of
/// ``CommonMarkDifferentialTests`` included) and the Markdown fuzz regressions, the edge cases below,
/// trees with custom nodes and API-set fields, every node of those trees rendered as a subtree, and a
/// few thousand seeded random documents.
@Suite struct HTMLRendererTests {
    // MARK: Options

    /// Every combination of the options the HTML renderer reads (plus `CMARK_OPT_SAFE`, a no-op).
    static let renderOptions: [Int32] = {
        let flags = [CMARK_OPT_UNSAFE, CMARK_OPT_HARDBREAKS, CMARK_OPT_NOBREAKS]
        var all: [Int32] = []
        for mask in 0..<(1 << flags.count) {
            var options = CMARK_OPT_DEFAULT
            for (bit, flag) in flags.enumerated() where mask & (1 << bit) != 0 { options |= flag }
            all.append(options)
        }
        return all + [CMARK_OPT_SAFE, CMARK_OPT_SAFE | CMARK_OPT_UNSAFE]
    }()

    /// Parse options that change the tree: smart punctuation, and UTF-8 validation (without it, invalid
    /// UTF-8 reaches the literals and both renderers copy it through).
    static let parseOptions: [Int32] = [CMARK_OPT_DEFAULT, CMARK_OPT_SMART, CMARK_OPT_VALIDATE_UTF8]

    // MARK: Comparing

    /// libcmark's rendering, freed.
    static func libcmark(_ node: CmarkNode, _ options: Int32) -> String {
        node.renderHTML(options: options)
    }

    /// Compares one node with one option set; records an issue naming `label` on a difference.
    @discardableResult
    static func compare(_ node: CmarkNode, _ options: Int32, _ label: @autoclosure () -> String,
                        sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let expected = libcmark(node, options)
        let actual = HTMLRenderer(options: options).render(node)
        guard actual != expected else { return true }
        Issue.record("\(label()) options \(options): expected \(expected.debugDescription), got \(actual.debugDescription)",
                     sourceLocation: sourceLocation)
        return false
    }

    /// Parses `bytes` and calls `body` with the document node; the tree lives until `body` returns
    /// (a ``CmarkTree`` frees its nodes as soon as it is released).
    static func withTree<R>(_ bytes: [UInt8], options: Int32 = CMARK_OPT_DEFAULT, _ body: (CmarkNode) throws -> R) rethrows -> R {
        let tree = CmarkTree(parsing: bytes, options: options)
        return try withExtendedLifetime(tree) { try body(tree.root) }
    }

    /// Parses `bytes` with every parse option and compares the whole document with every render option.
    static func compareDocument(_ bytes: [UInt8], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for parse in parseOptions {
            withTree(bytes, options: parse) { root in
                for options in renderOptions {
                    compare(root, options, "\(label) (parse \(parse))", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// Every node of the tree (each once, as libcmark's iterator enters it).
    static func nodes(of root: CmarkNode) -> [CmarkNode] {
        var all: [CmarkNode] = []
        CmarkWalk.walk(root) { node, entering in
            if entering { all.append(node) }
            return .proceed
        }
        return all
    }

    /// Renders every node of `root` on its own with `options` and compares each.
    static func compareSubtrees(of root: CmarkNode, _ options: [Int32], _ label: String) {
        for node in nodes(of: root) {
            for option in options where !compare(node, option, "\(label), subtree of type \(node.type.rawValue)") { return }
        }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: Fixtures

    static let fixturesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// Every `*.md` under `Tests/Fixtures`, and the Markdown fuzzer's regression inputs (paths relative
    /// to `Tests/Fixtures`).
    static let fixturePaths: [String] = {
        var paths: [String] = []
        let root = fixturesDirectory.path
        if let walker = FileManager.default.enumerator(atPath: root) {
            for case let path as String in walker {
                if path.hasSuffix(".md") || (path.hasPrefix("fuzz-regressions/FuzzMarkdown/") && !path.hasSuffix(".log")) {
                    paths.append(path)
                }
            }
        }
        return paths.sorted()
    }()

    /// A file's bytes, through stdio (`Data(contentsOf:)` leaks its buffer for an empty file, which
    /// the leak sanitizer of `make asan` reports).
    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }

    @Test func fixtureCorpusIsThere() {
        #expect(Self.fixturePaths.count >= 80)
        #expect(Self.fixturePaths.contains("markdown/commonmark/lists.md"))
        #expect(Self.fixturePaths.contains { $0.hasPrefix("fuzz-regressions/FuzzMarkdown/") })
    }

    @Test(arguments: fixturePaths)
    func fixtureMatchesLibcmark(_ path: String) throws {
        let bytes = try #require(Self.readFile(Self.fixturesDirectory.appendingPathComponent(path).path))
        Self.compareDocument(bytes, path)
        Self.withTree(bytes) { Self.compareSubtrees(of: $0, [CMARK_OPT_DEFAULT, CMARK_OPT_UNSAFE | CMARK_OPT_HARDBREAKS], path) }
    }

    // MARK: Edge cases

    static let edgeCases: [String] = [
        // Empty and blank documents.
        "", "\n", "   \n\n\t\n", " ",
        // Text escaping.
        "a < b && c > d \"double\" 'single' / slash",
        "&amp; &copy; &#35; &#x22; &quot; &lt;&gt; &nbsp; &notanentity; &#0; &#xFFFFFF; &#X41; &ouml;",
        "\\* \\_ \\` \\\\ \\< \\& \\[ \\! \\\" \\' \\a",
        "`<code> & \"q\" 'x'` and `` double ` tick `` and ` `",
        // Emphasis.
        "*em* **strong** ***both*** _u_ __uu__ *a **b** c* **a *b* c** ***a** b*",
        // Links: attributes, escaping, titles.
        "[a](http://x.com/?a=1&b=2 \"t & <t> \\\"q\\\" 'x'\")",
        "[a](<url with spaces> 'single \"quoted\" title')",
        "[a](/url (paren title)) [b](/url \"\") [c](/url '') [d](<>) [e]()",
        "[ü](http://例え.jp/ä?q=ü#frag) [p](http://x/%20%zz%41%) [q](a\"b) [r](a'b)",
        "[t](~user/~path) [b](a\\\\b) [c](a`b) [d](a{b}|c^d) [e](a<b) [f](a%3Cb) [g](\\[x\\])",
        "[ctrl](a\u{7F}b) [tab](<a\tb>) [amp](a&amp;b&quot;c) [esc](a\\&b)",
        "[link *with* `code` and ![img](i.png)](/u)",
        // Dangerous destinations (safe mode drops them).
        "[j](javascript:alert(1)) [J](JAVASCRIPT:x) [Js](JavaScript:void) [v](vbscript:x) [V](VBScript:y)",
        "[f](file:///etc/passwd) [F](FILE:x) [d](data:text/html,x) [D](DATA:text/plain,y) [e](data:)",
        "[p](data:image/png;base64,AA) [g](data:image/gif,x) [jp](DATA:IMAGE/JPEG,x) [w](data:image/webp,x)",
        "[s](data:image/svg+xml,x) [pn](data:image/pn) [pngx](data:image/pngx) [jpg](data:image/jpg,x) [im](data:image/)",
        "[jav](javascript) [sp](<%20javascript:x>) [ent](java&#115;cript:x) [esc](javascript\\:x) [rel](./javascript:x)",
        "![i](javascript:x) ![p](data:image/png,x) ![t](data:text/html,x \"title\")",
        "<javascript:alert(1)> <data:image/png,x> <DATA:text/html,x> <vbscript:x> <file:x> <http://ok>",
        // Autolinks.
        "<http://a.b/c?d=e&f=g> <mailto:a@b.c> <a@b.c> <http://x/'quote'> <http://x/\"q\"> <HTTP://UP.CASE/~t>",
        // Raw HTML, blocks and inlines.
        "<div>\n*x* & y\n</div>\n\ntext <span class=\"a\">in</span> <!-- c --> <?pi?> <![CDATA[x]]> <!DECL x>",
        "<script>\nalert(\"<b>\");\n</script>\nafter",
        "<textarea>\n\n*x*\n</textarea>",
        "<pre>\n  pre\n</pre>",
        "<!-- comment\n\nstill -->\nafter",
        "text\n<div>\ninterrupts?\n</div>",
        "<a href=\"x\">\n\n*inline*\n\n</a>",
        "  <div>\n  indented\n  </div>",
        "> <div>\n> quoted html\n\n- <p>item html</p>",
        "a <b>bold</b> <i\nclass=\"x\">i</i> </closing> <bad attr=> <x-custom a='1' b=\"2\" c=3 d>",
        // Images and their alt text.
        "![alt *emph* **strong** [link](u) `code` <b>html</b> ![nested *x*](n.png) line\\\nbreak\nsoft](img.png \"title\")",
        "![](empty.png) ![a](b \"\") ![a & <b> \"c\"](d 'e & \"f\"') [![img](i.png)](link)",
        "![a\n![b\n![c](c)](b)](a)",
        "![x](<y z> \"t\")\n\n![ref][r]\n\n[r]: /r.png \"Ref & title\"",
        "![*a* ~~b~~ &amp; &copy; \\*](x)",
        // Lists.
        "- a\n- b\n- c", "- a\n\n- b", "0. zero\n1. one", "1. one\n2. two", "7. seven\n8. eight",
        "2. two\n\n   para\n3. three", "- \n- x\n-\n", "1.\n2. b", "-\n  foo", "-\n\n  foo",
        "- a\n  - b\n    - c\n\n      para\n- d", "* a\n+ b\n- c", "- a\n- > quote\n- ```\n  code\n  ```",
        "1) paren\n2) x", "123456789. big", "00. zeros", "- a\n\n\n- b", "- [ ] not a task\n- [x] either",
        "1. a\n\n   - b\n\n     c\n2. d", "- a\n  b\nlazy", "-    five spaces", "- # heading item\n- ---",
        // Code blocks.
        "```\nno info\n```", "```js\nvar x = '<a>' && \"b\";\n```", "``` js extra words\nx\n```",
        "```j&amp;s\\*x y\nz\n```", "~~~ &lt;tag&gt; \n~~~", "```language-foo\nx\n```",
        "    indented <code> & \"q\"\n", "```\n```", "```\t tab\nx\n```", "```a\u{0B}b\nvertical tab\n```",
        "```a\u{0C}b\nform feed\n```", "```a\u{A0}b\nno-break space\n```", "``` \nspace only\n```",
        "~~~ ``` ~~~\nx\n~~~", "```\"q\" <t>\nx\n```", "```&#32;x\n```", "````\n```\n````", "```\nunclosed",
        "\tcode with tab\n", "    a\n\n\n    b",
        // Breaks.
        "a  \nb\\\nc\nd", "line one\nline two\nline three", "trailing two  ", "a\\", "a \nb", "a\t\nb",
        "*a  \nb* [c  \nd](u)", "```\n  \\\n```",
        // Block quotes.
        "> a\n> > b\n> > > c\n>\n> d", "> - list\n> - in quote", ">", "> a\nlazy\n> b", "> ```\n> code\n",
        // Thematic breaks and headings.
        "***\n---\n___\n * * *\n-- -",
        "# h1\n## h2\n### h3\n#### h4\n##### h5\n###### h6\n####### not",
        "Setext 1\n===\n\nSetext 2\n---\n\nmulti\nline\n===", "# heading with *emph* and `code` #", "#\n", "# #",
        "para\n***\npara", "- a\n---\n- b",
        // References.
        "[foo]: /url \"title\"\n\n[foo] [Foo][] [bar][foo] [FOO]", "[ref]: <> ''\n\n[ref]", "[x]: /u\n[x]: /v\n\n[x]",
        // Unicode, line endings, tabs.
        "日本語のテキスト、絵文字 😀 and é (e + combining) ﬁ Ω",
        "a\r\nb\r\n\r\n- c\r\n- d\r\n", "a\rb\r\rc", "\tx\n-\ttab item\n>\tquote",
        "\u{FEFF}BOM at start",
        // Smart punctuation material.
        "\"double\" 'single' -- --- ... it's",
    ]

    @Test(arguments: 0..<edgeCases.count)
    func edgeCaseMatchesLibcmark(_ index: Int) {
        let text = Self.edgeCases[index]
        Self.compareDocument(Self.bytes(text), "edge case \(text.debugDescription)")
        Self.withTree(Self.bytes(text)) {
            Self.compareSubtrees(of: $0, [CMARK_OPT_DEFAULT, CMARK_OPT_UNSAFE], "edge case \(text.debugDescription)")
        }
    }

    /// NUL bytes (libcmark makes them U+FFFD) and invalid UTF-8 (copied through without
    /// `CMARK_OPT_VALIDATE_UTF8`, so both renderers' Strings repair it).
    static let byteCases: [[UInt8]] = [
        [0x61, 0x00, 0x62, 0x0A, 0x0A, 0x60, 0x00, 0x60, 0x0A, 0x0A] + bytes("[\u{0}](\u{0} \"\u{0}\")\n\n```\u{0}\n\u{0}\n```\n"),
        [0x00],
        [0x61, 0xFF, 0xFE, 0x62, 0x0A, 0xC3, 0x28, 0x0A, 0x0A, 0xE2, 0x82, 0x0A],
        bytes("# h ") + [0xC0, 0xAF] + bytes("\n\n[l](/u") + [0x80] + bytes(" \"t") + [0xF5] + bytes("\")\n"),
        bytes("```") + [0xED, 0xA0, 0x80] + bytes(" x\n") + [0xF8, 0x88, 0x80, 0x80, 0x80] + bytes("\n```\n"),
        bytes("![") + [0xFF] + bytes("](") + [0xFE] + bytes(")\n\n<div ") + [0xFF] + bytes(">\n"),
        bytes("trailing lead byte ") + [0xE6, 0x97],
    ]

    @Test(arguments: 0..<byteCases.count)
    func byteCaseMatchesLibcmark(_ index: Int) {
        Self.compareDocument(Self.byteCases[index], "byte case \(Self.byteCases[index])")
        Self.withTree(Self.byteCases[index]) { Self.compareSubtrees(of: $0, [CMARK_OPT_UNSAFE], "byte case \(index)") }
    }

    /// Known outputs, so a libcmark other than 0.30.2 shows up here too (not only as agreement).
    @Test func knownOutputs() {
        let cases: [(String, Int32, String)] = [
            ("[a](javascript:x) ![b](data:image/png,y)", CMARK_OPT_DEFAULT,
             "<p><a href=\"\">a</a> <img src=\"data:image/png,y\" alt=\"b\" /></p>\n"),
            ("<b>x</b>\n\n<div>\n", CMARK_OPT_DEFAULT, "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n<!-- raw HTML omitted -->\n"),
            ("```language-x y\n```", CMARK_OPT_DEFAULT, "<pre><code class=\"language-language-x\"></code></pre>\n"),
            ("[a](~b \"\")", CMARK_OPT_DEFAULT, "<p><a href=\"~b\" title=\"\">a</a></p>\n"),
            ("a\nb", CMARK_OPT_NOBREAKS, "<p>a b</p>\n"),
            ("a\nb", CMARK_OPT_NOBREAKS | CMARK_OPT_HARDBREAKS, "<p>a<br />\nb</p>\n"),
            ("0. a\n1. b", CMARK_OPT_DEFAULT, "<ol start=\"0\">\n<li>a</li>\n<li>b</li>\n</ol>\n"),
            ("", CMARK_OPT_DEFAULT, ""),
            // Not supported (documented): source positions are not written.
            ("# a\n\nb", CMARK_OPT_SOURCEPOS, "<h1>a</h1>\n<p>b</p>\n"),
        ]
        for (markdown, options, html) in cases {
            Self.withTree(Self.bytes(markdown)) { root in
                #expect(HTMLRenderer(options: options).render(root) == html, "\(markdown.debugDescription)")
            }
        }
    }

    // MARK: Trees changed through the API

    /// A detached node of `type`.
    static func newNode(_ type: cmark_node_type) -> OpaquePointer {
        guard let node = cmark_node_new(type) else { fatalError("cmark_node_new failed") }
        return node
    }

    /// Moves `node` into a new custom node put in its place; nil (and the custom node freed) when
    /// libcmark does not allow it.
    @discardableResult
    static func wrap(_ node: OpaquePointer, block: Bool, enter: String?, exit: String?) -> OpaquePointer? {
        let custom = newNode(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE)
        if let enter { _ = cmark_node_set_on_enter(custom, enter) }
        if let exit { _ = cmark_node_set_on_exit(custom, exit) }
        guard cmark_node_insert_before(node, custom) == 1 else {
            cmark_node_free(custom)
            return nil
        }
        guard cmark_node_append_child(custom, node) == 1 else {
            cmark_node_unlink(custom)
            cmark_node_free(custom)
            return nil
        }
        return custom
    }

    /// Custom blocks and inlines (with and without on-enter/on-exit text) around every kind of node.
    @Test func customNodesMatchLibcmark() {
        let markdown = """
            # Title *em*

            Para with *emph*, `code`, [link](/u "t"), ![img *alt* `c`](/i.png) and <b>html</b>.
            Soft break.

            - tight item
            - another **one**

            1. loose

            2. list

            > quote
            > > nested

            ```js
            code
            ```

            <div>block</div>

            ***
            """
        let texts: [(String?, String?)] = [
            ("<section>", "</section>"), (nil, nil), ("", ""), ("<x>\n", "\n</x>"), (nil, "</only-exit>"),
            ("<only-enter>", nil), ("\n", "\n\n"), ("<é & \"raw\">", "<\u{1F600}>"),
        ]
        for (index, (enter, exit)) in texts.enumerated() {
            // Wrap each node kind in turn, one tree per wrap so the trees stay small and readable.
            let count = Self.withTree(Self.bytes(markdown)) { Self.nodes(of: $0).count }
            for target in 1..<count {
                Self.withTree(Self.bytes(markdown)) { root in
                    let node = Self.nodes(of: root)[target]
                    let isBlock = node.type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
                    let label = "custom \(index) around node \(target) (type \(node.type.rawValue))"
                    guard let custom = Self.wrap(node.raw, block: isBlock, enter: enter, exit: exit) else { return }
                    for options in Self.renderOptions { Self.compare(root, options, label) }
                    Self.compare(CmarkNode(custom), CMARK_OPT_UNSAFE, label + ", custom node alone")
                    Self.compare(node, CMARK_OPT_UNSAFE, label + ", wrapped node alone")
                }
            }
        }
    }

    /// A custom block holding blocks, a custom block inside a tight list item, custom inlines holding
    /// inlines and nested in an image's alt text, a custom block as the first thing written.
    @Test func customNodesBuiltByHand() {
        let tree = CmarkTree(parsing: Self.bytes("- a\n- b\n\npara *x*\n\n![alt *y* z](i.png)\n"), options: CMARK_OPT_DEFAULT)
        defer { withExtendedLifetime(tree) {} }  // the tree frees its nodes when released
        let root = tree.root.raw
        let list = cmark_node_first_child(root)!
        let item = cmark_node_first_child(list)!
        let paragraphInItem = cmark_node_first_child(item)!
        Self.wrap(paragraphInItem, block: true, enter: "<div class=\"in-item\">", exit: "</div>")
        let paragraph = cmark_node_next(list)!
        let emph = cmark_node_last_child(paragraph)!
        Self.wrap(emph, block: false, enter: "<mark>", exit: "</mark>")
        let imageParagraph = cmark_node_next(paragraph)!
        let image = cmark_node_first_child(imageParagraph)!
        let altEmph = cmark_node_next(cmark_node_first_child(image)!)!
        Self.wrap(altEmph, block: false, enter: "<ignored in alt>", exit: "</ignored>")
        // A custom block holding two paragraphs and a custom inline with no text at all.
        let holder = Self.newNode(CMARK_NODE_CUSTOM_BLOCK)
        _ = cmark_node_set_on_enter(holder, "<aside>")
        _ = cmark_node_set_on_exit(holder, "</aside>")
        for word in ["one", "two"] {
            let para = Self.newNode(CMARK_NODE_PARAGRAPH)
            let text = Self.newNode(CMARK_NODE_TEXT)
            _ = cmark_node_set_literal(text, word + " <&>")
            _ = cmark_node_append_child(para, text)
            let empty = Self.newNode(CMARK_NODE_CUSTOM_INLINE)
            _ = cmark_node_append_child(para, empty)
            _ = cmark_node_append_child(holder, para)
        }
        _ = cmark_node_prepend_child(root, holder)
        for node in Self.nodes(of: tree.root) {
            for options in Self.renderOptions { Self.compare(node, options, "hand-built tree, node type \(node.type.rawValue)") }
        }
        // An empty custom block and an empty custom inline as whole renders.
        let lone = Self.newNode(CMARK_NODE_CUSTOM_BLOCK)
        Self.compare(CmarkNode(lone), CMARK_OPT_DEFAULT, "empty custom block")
        _ = cmark_node_set_on_enter(lone, "x")
        Self.compare(CmarkNode(lone), CMARK_OPT_DEFAULT, "custom block without trailing newline")
        cmark_node_free(lone)
        let inline = Self.newNode(CMARK_NODE_CUSTOM_INLINE)
        _ = cmark_node_set_on_exit(inline, "</i>")
        Self.compare(CmarkNode(inline), CMARK_OPT_DEFAULT, "custom inline alone")
        cmark_node_free(inline)
    }

    /// Fields set through the API that the parser never produces: heading levels, list starts, fence
    /// info on an indented block, empty and unset titles and destinations, invalid UTF-8 in literals.
    @Test func apiSetFieldsMatchLibcmark() {
        let tree = CmarkTree(
            parsing: Self.bytes("# h\n\n1. a\n2. b\n\n- c\n\n***\n\n    indented\n\n[l](/u \"t\") ![i](/i \"t\")\n"),
            options: CMARK_OPT_DEFAULT)
        defer { withExtendedLifetime(tree) {} }  // the tree frees its nodes when released
        let root = tree.root
        func check(_ label: String) {
            for options in Self.renderOptions { Self.compare(root, options, label) }
        }
        let heading = cmark_node_first_child(root.raw)!
        for level in 1...6 {
            _ = cmark_node_set_heading_level(heading, Int32(level))
            check("heading level \(level)")
        }
        let ordered = cmark_node_next(heading)!
        for start in [0, 1, 2, 7, 10, 99, 123_456_789, Int(Int32.max)] {
            _ = cmark_node_set_list_start(ordered, Int32(start))
            check("list start \(start)")
        }
        _ = cmark_node_set_list_tight(ordered, 0)
        check("ordered list made loose")
        let bullet = cmark_node_next(ordered)!
        _ = cmark_node_set_list_type(bullet, CMARK_ORDERED_LIST)
        _ = cmark_node_set_list_delim(bullet, CMARK_PAREN_DELIM)
        check("bullet list made ordered")
        _ = cmark_node_set_list_type(ordered, CMARK_BULLET_LIST)
        check("ordered list made bullet")
        _ = cmark_node_set_list_tight(ordered, 1)
        check("list made tight again")
        let code = cmark_node_next(cmark_node_next(bullet)!)!
        #expect(cmark_node_get_type(code) == CMARK_NODE_CODE_BLOCK)
        _ = cmark_node_set_fence_info(code, "rust extra")
        check("fence info on an indented block")
        _ = cmark_node_set_fence_info(code, "")
        check("fence info cleared")
        let paragraph = cmark_node_next(code)!
        let link = cmark_node_first_child(paragraph)!
        let image = cmark_node_last_child(paragraph)!
        for node in [link, image] {
            _ = cmark_node_set_title(node, "")
            check("title set to empty")
            _ = cmark_node_set_title(node, "new & \"title\"")
            check("title set")
            _ = cmark_node_set_url(node, "")
            check("url set to empty")
            _ = cmark_node_set_url(node, "javascript:x")
            check("url set to dangerous")
        }
        let text = cmark_node_first_child(link)!
        let invalid: [UInt8] = [0x61, 0xFF, 0x3C, 0xC3, 0x00]
        invalid.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { _ = cmark_node_set_literal(text, $0) }
        }
        check("invalid UTF-8 in a text literal")
        // Brand-new links and images: no url, no title, no children.
        for type in [CMARK_NODE_LINK, CMARK_NODE_IMAGE] {
            let node = Self.newNode(type)
            _ = cmark_node_append_child(paragraph, node)
            check("empty node of type \(type.rawValue)")
        }
    }

    // MARK: Random documents (from the same SplitMix64 `SeededGenerator` as RobustnessTests, so every run makes the same documents)

    /// Makes random Markdown mixing every construct, nested a few levels.
    struct DocumentMaker {
        var random: SeededGenerator

        static let words = [
            "word", "text", "a", "b", "<", ">", "&", "\"", "'", "/", "&amp;", "&#65;", "&#x3C;", "&copy;", "&bogus;",
            "\\*", "\\\\", "\\", "日本語", "😀", "é", "~", "%20", "%zz", "*", "_", "**", "[", "]", "(", ")", "!", "`",
            "<b>", "</b>", "<!-- c -->", "http://x.y/?a=1&b=2", "javascript:x", "data:image/png", "--", "...", "\u{0}",
            "  ", "\t", "#", "-", "1.", ">", "|", "{#id}", "[^1]",
        ]
        static let urls = [
            "/u", "http://x.com/a?b=c&d=e", "<a b>", "javascript:alert(1)", "JavaScript:x", "vbscript:x", "file:///x",
            "data:text/html,<x>", "data:image/png;base64,AA", "DATA:IMAGE/GIF,x", "data:image/svg+xml,x", "~t/%41%zz",
            "http://例え.jp/ä", "a'b\"c", "\\(x\\)", "a&amp;b", "", "<>", "#frag", "mailto:a@b.c", "q?x=<y>",
        ]
        static let titles = ["", " \"t\"", " 't & <u>'", " (paren)", " \"\"", " \"a \\\"q\\\" 'b'\"", " \"日本\""]
        static let infos = ["", "js", "js extra", "j&amp;s", "a\\*b c", "&lt;x&gt;", "language-x", "\"q\"", "  sp", "a\tb"]

        mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &random)] }
        mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

        mutating func inline(depth: Int) -> String {
            var parts: [String] = []
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let kind = depth > 2 ? 0 : Int.random(in: 0..<14, using: &random)
                switch kind {
                case 0, 1, 2: parts.append(pick(Self.words))
                case 3: parts.append("*\(inline(depth: depth + 1))*")
                case 4: parts.append("**\(inline(depth: depth + 1))**")
                case 5: parts.append("`\(pick(Self.words)) \(pick(Self.words))`")
                case 6: parts.append("[\(inline(depth: depth + 1))](\(pick(Self.urls))\(pick(Self.titles)))")
                case 7: parts.append("![\(inline(depth: depth + 1))](\(pick(Self.urls))\(pick(Self.titles)))")
                case 8: parts.append("<\(pick(["http://a.b/c?d&e", "javascript:x", "a@b.c", "data:image/png,x", "FILE:y"]))>")
                case 9: parts.append(pick(["<span a=\"1\">", "</span>", "<?p?>", "<![CDATA[x]]>", "<x-y z='&'>"]))
                case 10: parts.append(pick(["  \n", "\\\n", "\n"]))
                case 11: parts.append("[\(pick(["ref", "Ref", "missing"]))]")
                case 12: parts.append("_\(inline(depth: depth + 1))_")
                default: parts.append(pick(["\"quoted\"", "'single'", "it's", "--", "---"]))
                }
            }
            return parts.joined(separator: pick([" ", "", " ", "\n"]))
        }

        /// One block as lines (without the trailing newline).
        mutating func block(depth: Int) -> [String] {
            let kind = depth > 2 ? Int.random(in: 0..<3, using: &random) : Int.random(in: 0..<16, using: &random)
            switch kind {
            case 0, 1: return inline(depth: 0).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            case 2: return [String(repeating: "#", count: Int.random(in: 1...7, using: &random)) + " " + inline(depth: 1)]
            case 3: return [inline(depth: 1), pick(["===", "---", "="])]
            case 4, 5:
                let ordered = chance(50)
                let start = pick([0, 1, 2, 7, 10])
                var lines: [String] = []
                for number in 0..<Int.random(in: 1...4, using: &random) {
                    let marker = ordered ? "\(start + number)\(pick([".", ")"])) " : "\(pick(["-", "*", "+"])) "
                    let body = chance(15) ? [""] : blocks(depth: depth + 1, count: Int.random(in: 1...2, using: &random))
                    let indent = String(repeating: " ", count: marker.count)
                    for (index, line) in body.enumerated() {
                        lines.append(index == 0 ? marker + line : (line.isEmpty ? "" : indent + line))
                    }
                    if chance(30) { lines.append("") }
                }
                return lines
            case 6: return blocks(depth: depth + 1, count: Int.random(in: 1...3, using: &random)).map { pick(["> ", ">"]) + $0 }
            case 7:
                let fence = pick(["```", "~~~", "````"])
                return [fence + pick(Self.infos)] + (0..<Int.random(in: 0...3, using: &random)).map { _ in pick(Self.words) + " " + pick(Self.words) } + [fence]
            case 8: return ["    " + pick(Self.words) + " <code> & \"x\"", "    " + pick(Self.words)]
            case 9: return [pick(["<div>", "<div class=\"a\">", "<!-- c", "<script>", "<pre>", "<x-custom>", "<?php"]), inline(depth: 1), pick(["</div>", "-->", "</script>", "</pre>", "?>", ""])]
            case 10: return [pick(["***", "---", "___", " * * *"])]
            case 11: return ["[\(pick(["ref", "Ref"]))]: \(pick(Self.urls.filter { !$0.isEmpty }))\(pick(Self.titles))"]
            case 12: return [""]
            default: return inline(depth: 0).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
        }

        mutating func blocks(depth: Int, count: Int) -> [String] {
            var lines: [String] = []
            for index in 0..<count {
                if index > 0 && chance(70) { lines.append("") }
                lines += block(depth: depth)
            }
            return lines
        }

        mutating func document() -> String {
            let lines = blocks(depth: 0, count: Int.random(in: 1...6, using: &random))
            return lines.joined(separator: pick(["\n", "\n", "\r\n"])) + (chance(80) ? "\n" : "")
        }
    }

    /// Inserts custom nodes into a random tree: around some blocks (not list items) and some inlines.
    static func addCustomNodes(to root: CmarkNode, using random: inout SeededGenerator) {
        for node in nodes(of: root) where node.raw != root.raw && Int.random(in: 0..<100, using: &random) < 8 {
            let isBlock = node.type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
            let texts: [String?] = ["<c>", "", nil, "\n<c>\n", "x"]
            wrap(node.raw, block: isBlock, enter: texts[Int.random(in: 0..<texts.count, using: &random)],
                 exit: texts[Int.random(in: 0..<texts.count, using: &random)])
        }
    }

    /// 4,000 documents in 40 short cases: a test case holds one of the few threads of Swift's
    /// cooperative pool while it runs, and long ones starve timing-sensitive tests running beside it.
    @Test(arguments: 0..<40)
    func randomDocumentsMatchLibcmark(_ batch: Int) {
        var maker = DocumentMaker(random: SeededGenerator(seed: 0x7E16E4 &+ UInt64(batch)))
        var failures = 0
        for number in 0..<100 where failures < 5 {
            let markdown = maker.document()
            let parse = Self.parseOptions[number % Self.parseOptions.count]
            let tree = CmarkTree(parsing: Self.bytes(markdown), options: parse)
            defer { withExtendedLifetime(tree) {} }  // the tree frees its nodes when released
            if number % 3 == 0 { Self.addCustomNodes(to: tree.root, using: &maker.random) }
            let label = "random document \(batch)/\(number) \(markdown.debugDescription)"
            for options in Self.renderOptions where !Self.compare(tree.root, options, label) { failures += 1 }
            let options = Self.renderOptions[number % Self.renderOptions.count]
            for node in Self.nodes(of: tree.root) where !Self.compare(node, options, label + " subtree") {
                failures += 1
                break
            }
        }
    }

    // MARK: Timing (not a test of speed: prints numbers when TEIGEN_RENDER_BENCH names a Markdown file)

    /// `TEIGEN_RENDER_BENCH=/path/to/big.md swift test -c release --filter HTMLRendererTests/timing`
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TEIGEN_RENDER_BENCH"] != nil))
    func timing() throws {
        let path = ProcessInfo.processInfo.environment["TEIGEN_RENDER_BENCH"]!
        let bytes = try #require(Self.readFile(path))
        let tree = CmarkTree(parsing: bytes, options: CMARK_OPT_DEFAULT)
        defer { withExtendedLifetime(tree) {} }  // the tree frees its nodes when released
        let options = CMARK_OPT_UNSAFE
        let renderer = HTMLRenderer(options: options)
        #expect(renderer.render(tree.root) == Self.libcmark(tree.root, options))
        func best(_ body: () -> Int) -> (Double, Int) {
            var fastest = Double.infinity
            var size = 0
            for _ in 0..<15 {
                let start = ContinuousClock.now
                size = body()
                let elapsed = ContinuousClock.now - start
                fastest = min(fastest, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
            }
            return (fastest, size)
        }
        let cmark = best { Self.libcmark(tree.root, options).utf8.count }
        let swift = best { renderer.render(tree.root).utf8.count }
        print("render timing, \(bytes.count) bytes in, \(swift.1) bytes out, best of 15: cmark_render_html + String(cString:) \(cmark.0) ms, HTMLRenderer \(swift.0) ms")
    }
}
