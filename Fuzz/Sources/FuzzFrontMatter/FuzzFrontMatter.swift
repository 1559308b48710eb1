// libFuzzer target: a page's front matter (split, decode, then the body rendered as a build would),
// the same bytes as config.yaml and as a data file.
//
// Built by scripts/fuzz.sh with `-sanitize=fuzzer,address -parse-as-library`; libFuzzer supplies `main`.
// Keep `FrontMatterHarness.run` in step with `Tests/reliability/FuzzRegressionTests.swift`, which
// replays the corpus and the regression inputs through the same calls without a sanitizer.
import TeigenContent
import TeigenCore
import TeigenMarkdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    FrontMatterHarness.run(text)
    return 0
}

enum FrontMatterHarness {
    static func run(_ text: String) {
        let sourcePath = "site/content/fuzz/page.md"
        var sink = 0

        // The whole page, as the build reads it; on success, its body rendered with the page's own
        // footnoteStart, as PageBodyRenderer does.
        do {
            let page = try SourcePage.parse(text, contentPath: "fuzz/page.md", sourcePath: sourcePath)
            sink &+= page.frontMatter.title.utf8.count &+ page.body.utf8.count &+ page.bodyFirstLine
            sink &+= page.frontMatter.keyLines.count &+ page.frontMatter.aliases.count
            var options = MarkdownOptions()
            options.footnoteStart = page.frontMatter.footnoteStart
            let rendered = MarkdownRenderer(options: options).render(page.body) { destination in
                destination.hasSuffix(".md") ? .broken("no page '\(destination)'") : .keep
            }
            sink &+= rendered.html.utf8.count
            for issue in rendered.issues {
                let location = SourceLocation(
                    path: sourcePath, line: issue.line &+ page.bodyFirstLine &- 1, column: issue.column)
                sink &+= Diagnostic.warning(issue.message, at: location, source: page.text).description.utf8.count
            }
        } catch {
            sink &+= error.description.utf8.count
        }

        // The splitter and decoder on their own (the splitter's contract is LF text without a BOM,
        // but nothing should trap on other text).
        do {
            let parts = try FrontMatterSplitter().split(text, path: sourcePath)
            sink &+= parts.yaml.utf8.count &+ parts.body.utf8.count
            do {
                sink &+= try FrontMatterDecoder().decode(parts.yaml, path: sourcePath, fileText: text).title.utf8.count
            } catch {
                sink &+= error.description.utf8.count
            }
        } catch {
            sink &+= error.description.utf8.count
        }
        do {
            sink &+= try FrontMatterDecoder().decode(text, path: sourcePath, fileText: text).title.utf8.count
        } catch {
            sink &+= error.description.utf8.count
        }

        // The same bytes as config.yaml (with and without --base-url) and as a data file.
        do {
            sink &+= try ConfigLoader.load(text, path: "site/config.yaml").baseURL.utf8.count
        } catch {
            sink &+= error.description.utf8.count
        }
        do {
            sink &+= try ConfigLoader.load(text, path: "site/config.yaml", baseURLOverride: "https://example.org/sub/")
                .title.utf8.count
        } catch {
            sink &+= error.description.utf8.count
        }
        do {
            if case .map(let entries) = try DataLoader().decode(text, path: "site/data/fuzz.yaml") { sink &+= entries.count }
        } catch {
            sink &+= error.description.utf8.count
        }
        blackHole(sink)
    }

    @inline(never)
    static func blackHole(_ value: Int) {
        withExtendedLifetime(value) {}
    }
}
