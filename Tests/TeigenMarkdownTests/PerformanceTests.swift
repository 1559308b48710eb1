import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import TeigenMarkdown

/// Guards against quadratic work and large regressions. Timings are compared within one run (the
/// machine may be busy), with generous bounds; the ratio is printed for the record. Under a sanitizer
/// the timings mean nothing: the work is done but not timed.
@Suite(.serialized) struct PerformanceTests {
    /// Whether the tests run under AddressSanitizer (its runtime is linked in).
    static let sanitized = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil

    /// How much slower than libcmark alone the whole conversion may be: debug builds run Teigen's
    /// Swift code unoptimised next to the optimised C library.
    #if DEBUG
        static let allowedRatio = 10.0
    #else
        static let allowedRatio = 3.0
    #endif

    /// A large mixed document: the proposal page fixture (Japanese prose, raw HTML, footnotes) and an
    /// English section (headings, lists, a table, code, links), repeated with distinct footnote labels.
    static func mixedDocument(copies: Int) throws -> String {
        let japanese = try FixtureFiles.read("proposal-page.md")
        let english = """

            ## Architecture notes

            Teigen converts *Markdown* to **HTML** with [libcmark](https://github.com/commonmark/cmark), then
            rewrites [links between pages](../proposals/2.md#section) and renders tables:

            | Step | Time | Notes |
            |------|-----:|:------|
            | parse | 10 ms | `cmark_parse_document` |
            | render | 5 ms | see [the docs](/docs/render/) |

            ```swift
            let renderer = MarkdownRenderer()
            ```

            > A quote with a [reference link][ref] and `code`,
            > on two lines.

            - An item with a note[^x]
            - Another item

            [ref]: https://example.com/ref
            [^x]: An English note.

            """
        var parts: [String] = []
        for copy in 0..<copies {
            let text = (japanese + english).replacingOccurrences(of: "[^", with: "[^c\(copy)-")
            parts.append(text)
        }
        return parts.joined(separator: "\n\n")
    }

    @Test func passesCostLittleNextToLibcmark() throws {
        let source = try Self.mixedDocument(copies: 40)
        let withPasses = MarkdownRenderer()
        let plain = MarkdownRenderer(options: MarkdownOptions(extensions: false))
        let clock = ContinuousClock()
        _ = withPasses.render(source)
        _ = plain.render(source)
        var best = (passes: Duration.seconds(60), plain: Duration.seconds(60))
        for _ in 0..<3 {
            best.passes = min(best.passes, clock.measure { _ = withPasses.render(source) })
            best.plain = min(best.plain, clock.measure { _ = plain.render(source) })
        }
        let ratio = best.passes / best.plain
        print("mixed document of \(source.utf8.count) bytes: with passes \(best.passes), libcmark only \(best.plain)")
        guard !Self.sanitized else { return }
        #expect(ratio < Self.allowedRatio, "passes \(best.passes) vs libcmark \(best.plain) (ratio \(ratio))")
    }

    @Test func footnotesScaleLinearly() {
        func document(_ count: Int) -> String {
            var source = ""
            for index in 0..<count { source += "S\(index)[^n\(index)] and again[^n\(index)].\n" }
            source += "\n"
            for index in 0..<count { source += "[^n\(index)]: Note \(index).\n" }
            return source
        }
        let small = document(1_000)
        let large = document(4_000)
        let renderer = MarkdownRenderer()
        let clock = ContinuousClock()
        _ = renderer.render(small)
        let smallTime = clock.measure { _ = renderer.render(small) }
        let largeTime = clock.measure { _ = renderer.render(large) }
        guard !Self.sanitized else { return }
        #expect(largeTime < smallTime * 10, "1,000 notes: \(smallTime); 4,000 notes: \(largeTime)")
    }

    @Test func headingsScaleLinearly() {
        let renderer = MarkdownRenderer()
        let small = String(repeating: "## 同じ見出し\n\nText.\n\n", count: 1_000)
        let large = String(repeating: "## 同じ見出し\n\nText.\n\n", count: 4_000)
        let clock = ContinuousClock()
        _ = renderer.render(small)
        let smallTime = clock.measure { _ = renderer.render(small) }
        var html = ""
        let largeTime = clock.measure { html = renderer.render(large).html }
        #expect(html.contains("<h2 id=\"同じ見出し-3999\">"))
        guard !Self.sanitized else { return }
        #expect(largeTime < smallTime * 10, "1,000 headings: \(smallTime); 4,000 headings: \(largeTime)")
    }
}
