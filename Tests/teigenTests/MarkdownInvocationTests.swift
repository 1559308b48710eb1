import ArgumentParser
import Testing

@testable import teigen

/// `teigen markdown`'s own reading of its arguments (`MarkdownInvocation(arguments:)`) agrees with
/// swift-argument-parser's: whatever it reads, the library reads the same; whatever the library rejects or
/// answers with help, it leaves to the library.
@Suite struct MarkdownInvocationTests {
    /// Argument lists a user could type: plain ones, and ones for the library's errors and help.
    static let cases: [[String]] = [
        [], ["page.md"], ["--no-highlight", "page.md"], ["page.md", "--no-highlight"],
        ["--smart", "--safe", "--hardbreaks", "--no-extensions", "--no-cjk-friendly", "--heading-anchors", "--math", "--no-highlight", "--timings", "a.md"],
        ["--lang", "ja", "page.md"], ["--lang=ja", "page.md"], ["page.md", "--lang", "en-GB"], ["--math", "--lang=ja"],
        ["help"], ["ページ.md"], ["dir/with space.md"], ["--heading-anchors"],
        // Left to swift-argument-parser:
        ["--help"], ["-h"], ["--bogus"], ["-x", "page.md"], ["a.md", "b.md"], ["--lang"], ["page.md", "--lang"], ["--lang="],
        ["--lang", "--smart"], ["--smart", "--smart"], ["--lang", "ja", "--lang", "en"], ["--smart=true"], ["--", "page.md"],
        ["-"], [""], ["--version"], ["--no-highlight", "--help", "page.md"], ["-lang", "ja"],
    ]

    @Test(arguments: cases)
    func readsWhatTheLibraryReads(_ arguments: [String]) {
        guard let quick = MarkdownInvocation(arguments: arguments) else { return }
        let parsed = try? MarkdownCommand.parse(arguments)
        #expect(parsed?.invocation == quick, "\(arguments)")
    }

    @Test func plainArgumentsAreReadDirectly() {
        #expect(MarkdownInvocation(arguments: ["--no-highlight", "page.md"]) == MarkdownInvocation(file: "page.md", noHighlight: true))
        #expect(MarkdownInvocation(arguments: []) == MarkdownInvocation())
        #expect(MarkdownInvocation(arguments: ["--lang=ja", "--math"]) == MarkdownInvocation(math: true, language: "ja"))
        #expect(MarkdownInvocation(arguments: ["x.md", "--lang", "ja", "--smart"]) == MarkdownInvocation(file: "x.md", smart: true, language: "ja"))
    }

    @Test func helpAndMistakesAreLeftToTheLibrary() {
        for arguments in [["--help"], ["-h"], ["--bogus"], ["a.md", "b.md"], ["--lang"], ["--", "a.md"], ["--smart", "--smart"], ["-"]] {
            #expect(MarkdownInvocation(arguments: arguments) == nil, "\(arguments)")
        }
    }
}
