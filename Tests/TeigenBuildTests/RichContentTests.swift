import Foundation
import Synchronization
import Testing
@testable import TeigenBuild
import TeigenContent
import TeigenCore
import TeigenTools

/// Highlighted code, formulas, images and shortcodes through the whole build: the rich fixture site
/// (with the real theme's shortcodes, Pygments and latex2mathml) against its golden output, the
/// fallbacks without the tools, the caches, and rebuilds in the preview after each kind of change.
@Suite struct RichContentTests {
    /// A copy of the rich fixture whose theme has the real theme's shortcodes and words (`i18n/`), with its
    /// own cache folder.
    static func site() throws -> (copy: URL, options: BuildOptions) {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/rich"))
        let theme = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("theme")
        for folder in ["shortcodes", "i18n"] {
            try FileManager.default.copyItem(at: theme.appendingPathComponent(folder), to: copy.appendingPathComponent("theme/" + folder))
        }
        var options = BuildOptions(sourceDirectory: copy.appendingPathComponent("site"), jobs: 2)
        options.cacheDirectory = copy.appendingPathComponent("cache")
        return (copy, options)
    }

    @Test func richFixtureMatchesGolden() async throws {
        let (copy, options) = try Self.site()
        let output = copy.appendingPathComponent("public")
        let product = try await SiteBuilder(options: options, output: output).build()
        #expect(product.warnings.map(\.header) == [])
        let golden = Fixtures.root.appendingPathComponent("sites/rich/expected")
        if ProcessInfo.processInfo.environment["TEIGEN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.copyItem(at: output, to: golden)
        }
        let actual = try Fixtures.tree(output)
        let expected = try Fixtures.tree(golden)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected where actual[path] != data {
            Issue.record("\(path) differs from the golden file; diff \(golden.path)/\(path) \(output.path)/\(path)")
        }
        // Built again, everything comes from the caches: the same bytes, no image made, no tool run.
        let again = try await SiteBuilder(options: options, output: output).build()
        #expect(try Fixtures.tree(output) == actual)
        let notes = again.timings.map(\.stage)
        #expect(notes.contains("images alongside (0 made, 4 cached)"), "\(notes)")
        #expect(notes.contains("highlight (4 blocks, 0 run; 5 formulas, 0 run)"), "\(notes)")
    }

    @Test func shortcodesSpeakTheirPageLanguage() async throws {
        let (copy, options) = try Self.site()
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("site/i18n"), withIntermediateDirectories: true)
        try Data("figure:\n  credit: \"Photograph: \"\n".utf8).write(to: copy.appendingPathComponent("site/i18n/en.yaml"))
        let product = try await SiteBuilder(options: options, output: copy.appendingPathComponent("public")).build()
        #expect(product.warnings.isEmpty)
        func page(_ path: String) throws -> String {
            String(decoding: try Data(contentsOf: copy.appendingPathComponent("public/" + path)), as: UTF8.self)
        }
        let japanese = try page("notes/index.html")
        let english = try page("en/notes/index.html")
        #expect(japanese.contains("<figcaption>図1：核弾頭数の推移<span class=\"figure__credit\">出典：テスト研究会</span></figcaption>"))
        #expect(japanese.contains("<div class=\"note note--warning\" role=\"note\">\n<p class=\"note__title\">注意</p>"))
        // The site's word wins over the theme's; a note without a title is named in the page's language.
        #expect(english.contains("<figcaption><span class=\"figure__credit\">Photograph: The Test Group</span></figcaption>"))
        #expect(english.contains("<div class=\"note note--info\" role=\"note\" aria-label=\"Note\">"))
        #expect(english.contains("<code class=\"language-swift\" data-lang=\"swift\"><span class=\"hll\">"))
    }

    @Test func shortcodeArgumentsAreEscaped() async throws {
        let (copy, options) = try Self.site()
        try IncrementalEquivalenceTests.append(
            "\n{{< figure src=\"map.png\" alt=\"A <b>map</b> & 'more'\" caption=\"<script>alert(1)</script> & co\" >}}\n\n{{< note title=\"<i>x</i>\" >}}\ny\n{{< /note >}}\n",
            to: copy.appendingPathComponent("site/content/notes/index.md"))
        _ = try await SiteBuilder(options: options, output: copy.appendingPathComponent("public")).build()
        let html = String(decoding: try Data(contentsOf: copy.appendingPathComponent("public/notes/index.html")), as: UTF8.self)
        #expect(html.contains("alt=\"A &lt;b&gt;map&lt;/b&gt; &amp; &#39;more&#39;\"") || html.contains("alt=\"A &lt;b&gt;map&lt;/b&gt; &amp; 'more'\""))
        #expect(html.contains("<figcaption>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</figcaption>"))
        #expect(html.contains("<p class=\"note__title\">&lt;i&gt;x&lt;/i&gt;</p>"))
        #expect(!html.contains("<script>alert") && !html.contains("<b>map"))
    }

    @Test func anImageWithoutAltTextIsAWarningAtItsPlace() async throws {
        let (copy, options) = try Self.site()
        // Lines 55 and 56 of the page: an empty line, then the image, after the word "地図：".
        try IncrementalEquivalenceTests.append("\n地図：![](map.png)\n", to: copy.appendingPathComponent("site/content/notes/index.md"))
        let product = try await SiteBuilder(options: options, output: copy.appendingPathComponent("public")).build()
        #expect(product.warnings.map(\.header) == [
            copy.path + "/site/content/notes/index.md:56:4: warning: image 'map.png' has no alt text: describe it between the brackets (![…](map.png)) for readers who cannot see it"
        ])
    }

    /// A highlighter and a converter that are not installed.
    struct Missing: CodeHighlighter, MathConverter {
        var identity: String { "missing/1" }
        func highlight(_ blocks: [CodeBlock]) async throws(ToolUnavailable) -> [HighlightResult] {
            throw ToolUnavailable(reason: "Pygments is not installed (No module named 'pygments')")
        }
        func convert(_ formulas: [MathFormula]) async throws(ToolUnavailable) -> [MathResult] {
            throw ToolUnavailable(reason: "latex2mathml is not installed (No module named 'latex2mathml')")
        }
    }

    @Test func withoutTheToolsCodeAndFormulasStayPlainWithOneWarningEach() async throws {
        var (copy, options) = try Self.site()
        options.tools = FragmentTools(highlighter: Missing(), math: Missing(), highlightCache: ToolCache(directory: nil), mathCache: ToolCache(directory: nil))
        let product = try await SiteBuilder(options: options, output: copy.appendingPathComponent("public")).build()
        #expect(product.warnings.map(\.header) == [
            "site/content/notes/index.en.md:11:1: warning: code blocks are not highlighted: Pygments is not installed (No module named 'pygments'); install Pygments (python3 -m pip install Pygments, or Debian's python3-pygments) or set markdown: {highlight: false}",
            "site/content/notes/index.en.md:15:39: warning: formulas are shown as TeX: latex2mathml is not installed (No module named 'latex2mathml'); install latex2mathml (python3 -m pip install latex2mathml)",
        ].map { copy.path + "/" + $0 })
        let page = String(decoding: try Data(contentsOf: copy.appendingPathComponent("public/notes/index.html")), as: UTF8.self)
        #expect(page.contains("<pre><code class=\"language-swift\">let warheads = 1_500\n// 2035年の見込み\nprint(warheads)\n</code></pre>"))
        #expect(page.contains("間隔は <code class=\"math-inline\">a\\,b</code>"))
    }

    /// libvips is opened when the first image is made, not linked: without it, `teigen markdown` and builds
    /// without images work, and a build with images fails saying how to install it, its output untouched.
    @Test func withoutLibvipsABuildWithImagesFailsSayingWhatToInstall() async throws {
        let (copy, _) = try Self.site()
        defer { try? FileManager.default.removeItem(at: copy) }
        let output = copy.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("before\n".utf8).write(to: output.appendingPathComponent("index.html"))
        let missing = ["TEIGEN_LIBVIPS": "/nonexistent/libvips.so.42"]
        let run = try Command.run(["build", "--source", "site", "--output", "public", "--force"], in: copy, environment: missing)
        #expect(run.status == 1)
        #expect(run.standardError.contains("libvips could not start: it is needed to make images and was not found (on Debian: apt-get install libvips42)"))
        #expect(run.standardError.contains("/nonexistent/libvips.so.42"))
        #expect(try Fixtures.tree(output) == ["index.html": Data("before\n".utf8)])
        // The same environment, nothing to resize: Markdown converts as ever.
        let page = copy.appendingPathComponent("page.md")
        try Data("**「提言」**を発表した。\n".utf8).write(to: page)
        let markdown = try Command.run(["markdown", "page.md"], in: copy, environment: missing)
        #expect(markdown.status == 0 && markdown.standardError.isEmpty)
    }

    @Test func anUnknownLanguageOrBadOptionsAreWarningsAtTheBlock() async throws {
        let (copy, options) = try Self.site()
        let page = copy.appendingPathComponent("site/content/notes/index.md")
        try IncrementalEquivalenceTests.append("\n```klingon\nqapla'\n```\n\n```c {linenos=maybe}\nint x;\n```\n", to: page)
        let product = try await SiteBuilder(options: options, output: copy.appendingPathComponent("public")).build()
        #expect(product.warnings.map(\.header) == [
            "site/content/notes/index.md:56:1: warning: the highlighter knows no language 'klingon': the block is shown as plain code (`pygmentize -L lexers` lists the names)",
            "site/content/notes/index.md:60:1: warning: linenos is true, table, inline or false (got 'maybe'); the options are ignored",
        ].map { copy.path + "/" + $0 })
        let html = String(decoding: try Data(contentsOf: copy.appendingPathComponent("public/notes/index.html")), as: UTF8.self)
        #expect(html.contains("<pre><code class=\"language-klingon\">qapla'\n</code></pre>"))
        #expect(html.contains("<code class=\"language-c\" data-lang=\"c\"><span class=\"kt\">int</span>"))
    }

    @Test func mathIsOffByDefault() async throws {
        let (copy, options) = try Self.site()
        try IncrementalEquivalenceTests.replace("markdown:\n  math: true\n", with: "", in: copy.appendingPathComponent("site/config.yaml"))
        _ = try await SiteBuilder(options: options, output: copy.appendingPathComponent("public")).build()
        let html = String(decoding: try Data(contentsOf: copy.appendingPathComponent("public/notes/index.html")), as: UTF8.self)
        #expect(html.contains("価格は $5 と $10 のまま。間隔は $a,b$"))
        #expect(!html.contains("<math"))
    }

    /// A highlighter that counts the blocks it is asked for, to see the preview's cache at work.
    final class Counted: CodeHighlighter {
        let count = Mutex(0)
        var identity: String { "counted/1" }
        func highlight(_ blocks: [CodeBlock]) async throws(ToolUnavailable) -> [HighlightResult] {
            count.withLock { $0 += blocks.count }
            return blocks.map { .html("<pre class=\"counted\">\($0.code)</pre>\n") }
        }
    }

    @Test func thePreviewRebuildsAfterImageShortcodeAndCodeChangesAsAFullBuildWould() async throws {
        let (copy, options) = try Self.site()
        let site = options.sourceDirectory
        let builder = IncrementalBuilder(options: options)
        var previous = try await builder.build().0
        let page = site.appendingPathComponent("content/notes/index.md")
        func step(_ changed: [URL]) async throws -> RebuildReport {
            try await IncrementalEquivalenceTests.step(builder, site, options: options, previous: &previous, changed: changed)
        }

        // Code: a new block in the body (the quick way, highlighted like the rest).
        try IncrementalEquivalenceTests.append("\n```go\nfunc main() {}\n```\n", to: page)
        var report = try await step([page])
        #expect(report.wasBodyEdit)
        #expect(String(decoding: previous.files["notes/index.html"]!, as: UTF8.self).contains("<span class=\"kd\">func</span>"))

        // An image beside the page, replaced: new files, new names in the page, the old ones gone.
        let oldNames = previous.files.keys.filter { $0.hasPrefix("notes/map-") }
        try Data(contentsOf: site.appendingPathComponent("content/notes/cover.jpg")).write(to: site.appendingPathComponent("content/notes/map.png"))
        report = try await step([site.appendingPathComponent("content/notes/map.png")])
        #expect(!report.wasBodyEdit)
        #expect(!oldNames.isEmpty && oldNames.allSatisfy { previous.files[$0] == nil })

        // An image in site/assets/ used by a figure.
        let chart = site.appendingPathComponent("assets/figures/chart.png")
        try Data(contentsOf: site.appendingPathComponent("static/img/logo.png")).write(to: chart)
        report = try await step([chart])
        #expect(String(decoding: previous.files["notes/index.html"]!, as: UTF8.self).contains("width=\"60\" height=\"60\" alt=\"核弾頭数の推移\""))

        // A shortcode template: the site's own, then the theme's.
        let badge = site.appendingPathComponent("shortcodes/badge.mustache")
        try IncrementalEquivalenceTests.replace("<span class=\"badge\">", with: "<mark class=\"badge\">", in: badge)
        try IncrementalEquivalenceTests.replace("</span>", with: "</mark>", in: badge)
        report = try await step([badge])
        #expect(String(decoding: previous.files["notes/index.html"]!, as: UTF8.self).contains("<mark class=\"badge\">新</mark>"))
        let note = copy.appendingPathComponent("theme/shortcodes/note.mustache")
        try IncrementalEquivalenceTests.replace("role=\"note\"", with: "role=\"note\" data-edited", in: note)
        report = try await step([note])
        #expect(String(decoding: previous.files["notes/index.html"]!, as: UTF8.self).contains("data-edited"))

        // The theme's words a shortcode writes (the figure's credit label in English).
        let words = copy.appendingPathComponent("theme/i18n/en.yaml")
        try IncrementalEquivalenceTests.replace("credit: \"Credit: \"", with: "credit: \"Photograph: \"", in: words)
        report = try await step([words])
        #expect(String(decoding: previous.files["en/notes/index.html"]!, as: UTF8.self).contains("Photograph: The Test Group"))

        // A page body that starts using another image: the image's files are made (the whole pipeline).
        try IncrementalEquivalenceTests.append("\n![表紙](cover.jpg)\n", to: page)
        report = try await step([page])
        #expect(previous.files.keys.contains { $0.hasPrefix("notes/cover-120.") && $0.hasSuffix(".webp") })
    }

    @Test func thePreviewHighlightsEachBlockOnce() async throws {
        var (copy, options) = try Self.site()
        let counted = Counted()
        options.tools = FragmentTools(highlighter: counted, math: Missing(), highlightCache: ToolCache(directory: nil), mathCache: ToolCache(directory: nil))
        let builder = IncrementalBuilder(options: options)
        _ = try await builder.build()
        #expect(counted.count.withLock { $0 } == 4)
        let page = copy.appendingPathComponent("site/content/notes/index.md")
        try IncrementalEquivalenceTests.append("\n```go\nx := 1\n```\n", to: page)
        _ = try await builder.build(changedPaths: [page.path])
        // Only the new block went to the highlighter; a template change (the whole pipeline) asks for none.
        #expect(counted.count.withLock { $0 } == 5)
        try IncrementalEquivalenceTests.append("\n", to: copy.appendingPathComponent("theme/templates/page.mustache"))
        _ = try await builder.build(changedPaths: [copy.appendingPathComponent("theme/templates/page.mustache").path])
        #expect(counted.count.withLock { $0 } == 5)
    }
}
