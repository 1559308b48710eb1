import Foundation
import Testing
@testable import TeigenMarkdown

/// Every `Fixtures/markdown/<case>.md` renders exactly to `<case>.html`.
///
/// `<case>.options`, when present, lists options one a line: `headingAnchors`, `smartPunctuation`,
/// `safe` (no raw HTML), `hardBreaks`, `noExtensions`, `noCJKFriendly`, `footnoteStart=N`.
/// `TEIGEN_UPDATE_GOLDEN=1` rewrites the `.html` files that differ (review the diff).
@Suite struct GoldenFixtureTests {
    @Test func fixturesArePresent() {
        #expect(FixtureFiles.goldenCases.count >= 20)
    }

    @Test(arguments: FixtureFiles.goldenCases)
    func rendersGoldenHTML(_ name: String) throws {
        let markdown = try FixtureFiles.read("\(name).md")
        let expected = try FixtureFiles.read("\(name).html")
        let options = try Self.options(for: name)
        let html = MarkdownRenderer(options: options).render(markdown).html
        if ProcessInfo.processInfo.environment["TEIGEN_UPDATE_GOLDEN"] == "1", html != expected {
            try Data(html.utf8).write(to: FixtureFiles.directory.appendingPathComponent("\(name).html"))
            return
        }
        #expect(html == expected, "\(name).md")
    }

    static func options(for name: String) throws -> MarkdownOptions {
        var options = MarkdownOptions()
        guard FixtureFiles.exists("\(name).options") else { return options }
        for line in try FixtureFiles.read("\(name).options").split(separator: "\n") {
            switch line {
            case "headingAnchors": options.headingAnchors = true
            case "smartPunctuation": options.smartPunctuation = true
            case "safe": options.allowRawHTML = false
            case "hardBreaks": options.hardBreaks = true
            case "noExtensions": options.extensions = false
            case "noCJKFriendly": options.cjkFriendlyEmphasis = false
            default:
                if line.hasPrefix("footnoteStart="), let start = Int(line.dropFirst("footnoteStart=".count)) {
                    options.footnoteStart = start
                } else {
                    Issue.record("unknown option \(line) in \(name).options")
                }
            }
        }
        return options
    }
}
