// The front matter fuzz harness: one input through the calls the build makes. Compiled into the libFuzzer
// target and, through a symlink, into ReliabilityTests (Tests/reliability), which replays the kept inputs.
import TeigenContent
import TeigenCore
import TeigenMarkdown

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
