import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// The preview's rebuilds of the `multilingual` fixture: editing a translation, adding one and deleting one,
/// and editing the words of a language, each rebuild compared with a fresh full build (see
/// `IncrementalEquivalenceTests.step`).
@Suite struct IncrementalLanguagesTests {
    @Test func editingAddingAndDeletingTranslationsEqualAFullBuild() async throws {
        let copy = try Fixtures.copy(Fixtures.root.appendingPathComponent("sites/multilingual"))
        let site = copy.appendingPathComponent("site")
        let builder = IncrementalBuilder(options: BuildOptions(sourceDirectory: site))
        var previous = try await builder.build().0
        let first = site.appendingPathComponent("content/posts/first.en.md")

        // A translation's body below its summary: that page alone (and its language's feeds).
        try IncrementalEquivalenceTests.append("\nA closing paragraph.\n", to: first)
        var report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [first])
        #expect(report.wasBodyEdit)
        #expect(report.rebuiltPaths == ["en/posts/first/index.html"])
        #expect(previous.changedPaths?.contains("en/atom.xml") == true)
        #expect(previous.changedPaths?.contains("atom.xml") == false)

        // Its summary: the lists of its own language follow, the Japanese pages do not.
        try IncrementalEquivalenceTests.replace("must continue", with: "has to continue", in: first)
        report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [first])
        #expect(report.wasBodyEdit)
        #expect(report.rebuiltPaths == ["en/index.html", "en/posts/first/index.html", "en/posts/index.html"])
        #expect(String(decoding: previous.files["en/index.html"] ?? Data(), as: UTF8.self).contains("has to continue"))

        // Its title: the whole pipeline; the Japanese original's home lists it among the translations.
        try IncrementalEquivalenceTests.replace("title: The First Post", with: "title: The Opening Post", in: first)
        report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [first])
        #expect(!report.wasBodyEdit)

        // A new translation: the Japanese page gains its alternates and its switcher leads to it.
        let second = site.appendingPathComponent("content/posts/second.en.md")
        try "---\ntitle: The Second Post\ndate: 2024-03-02\nweight: 2\n---\n\nIn English now.\n".write(to: second, atomically: true, encoding: .utf8)
        report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [second])
        #expect(!report.wasBodyEdit)
        let japanese = String(decoding: previous.files["posts/second/index.html"] ?? Data(), as: UTF8.self)
        #expect(japanese.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/sub/en/posts/second/\">"))
        #expect(japanese.contains("<a href=\"/sub/en/posts/second/\" hreflang=\"en\" lang=\"en\">English</a>"))

        // Deleting it again: the Japanese page's switcher leads to the English home.
        try FileManager.default.removeItem(at: second)
        report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [second])
        #expect(previous.files["en/posts/second/index.html"] == nil)
        #expect(String(decoding: previous.files["posts/second/index.html"] ?? Data(), as: UTF8.self).contains("<a href=\"/sub/en/\" hreflang=\"en\" lang=\"en\">English</a> (home)"))

        // A language's words (the theme's and the site's) and its own data file.
        for (path, old, new) in [
            ("../theme/i18n/en.yaml", "skipLink: Skip to content", "skipLink: Skip to the text"),
            ("i18n/en.yaml", "readMore: Continue reading", "readMore: Read on"),
            ("data/members.en.yaml", "role: Chair", "role: Chairperson"),
        ] {
            let file = site.appendingPathComponent(path).standardizedFileURL
            try IncrementalEquivalenceTests.replace(old, with: new, in: file)
            report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [file])
            #expect(!report.wasBodyEdit)
            #expect(String(decoding: previous.files["en/index.html"] ?? Data(), as: UTF8.self).contains(String(new.split(separator: " ", maxSplits: 1)[1])), "\(path)")
        }

        // And a body edit after those goes the quick way again.
        try IncrementalEquivalenceTests.append("\nOne more line.\n", to: first)
        report = try await IncrementalEquivalenceTests.step(builder, site, previous: &previous, changed: [first])
        #expect(report.wasBodyEdit)
    }
}
