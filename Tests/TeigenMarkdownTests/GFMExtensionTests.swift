import Foundation
import Testing
@testable import TeigenMarkdown

/// The examples of cmark-gfm's `test/extensions.txt` (github/cmark-gfm at 85d89528) for tables,
/// strikethrough, autolinks, their interplay and task lists, in `Fixtures/markdown/gfm-extensions/`
/// (`NNN-section.md` and the HTML GitHub's cmark-gfm gives, `NNN-section.html`).
///
/// Each must render exactly as there, but for Teigen's deliberate differences, which are undone
/// before comparing (see the README's Markdown section):
/// - alignment is `style="text-align: …"` rather than the obsolete `align` attribute;
/// - task lists carry classes for themes (`contains-task-list`, `task-list-item`, `task-list-item-checkbox`).
/// An example whose HTML is `<IGNORE>` only has to convert without failing.
@Suite struct GFMExtensionTests {
    static var cases: [String] {
        let directory = FixtureFiles.directory.appendingPathComponent("gfm-extensions")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test func everySectionIsThere() {
        let sections = Set(Self.cases.map { $0.split(separator: "-", maxSplits: 1)[1] })
        #expect(sections == ["tables", "strikethroughs", "autolinks", "interop", "task-lists"])
        #expect(Self.cases.count == 26)
    }

    @Test(arguments: cases)
    func rendersAsGitHub(_ name: String) throws {
        let markdown = try FixtureFiles.read("\(name).md", in: "gfm-extensions")
        let expected = try FixtureFiles.read("\(name).html", in: "gfm-extensions")
        let html = MarkdownRenderer().render(markdown).html
        guard expected != "<IGNORE>\n" else { return }
        #expect(Self.undoingDeliberateDifferences(html) == expected, "\(name).md")
    }

    static func undoingDeliberateDifferences(_ html: String) -> String {
        html.replacingOccurrences(of: #" style="text-align: (left|center|right)""#, with: #" align="$1""#, options: .regularExpression)
            .replacingOccurrences(of: #" class="(contains-task-list|task-list-item|task-list-item-checkbox)""#, with: "", options: .regularExpression)
    }
}
