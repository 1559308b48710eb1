import ArgumentParser
import Foundation

/// `teigen new page PATH`: writes a page from its kind's archetype, with the title and date filled in.
struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Creates a Markdown page from an archetype (by default a draft with a title and today's date).",
        discussion: """
            PATH is a page under the content folder, with or without 'content/' in front: posts/first.md and \
            content/posts/first.md both write site/content/posts/first.md. A path that starts with the site folder \
            (site/content/posts/first.md) or is absolute is taken as it is, and must lie inside the content folder.

            The page is made from an archetype (Hugo's name), looked up as Hugo does: the section's (posts.md for \
            posts/first.md), then default.md, in site/archetypes/ and then in the theme's archetypes/; with \
            --kind KIND, KIND.md of the site, then of the theme. Without one, the page is a draft. In it, {{title}} \
            becomes the title (from the file name, as a quoted string) and {{date}} today's date (2024-03-26).
            """)

    @Argument(help: "The page to create, e.g. posts/first.md or content/posts/first.md.")
    var path: String

    @Option(name: .long, help: "The archetype to use: archetypes/KIND.md of the site or the theme.")
    var kind: String?

    @Option(name: .long, help: "The site folder.")
    var source: String = "site"

    @Option(name: .long, help: "The theme folder (default: theme/ beside the site folder).")
    var theme: String?

    func run() throws {
        do {
            let page = try PagePath(path, source: source)
            let archetype = try Archetype.find(kind: kind, section: page.section, site: page.site, theme: themeFolder(site: page.site))
            guard !FileManager.default.fileExists(atPath: page.file.path) else {
                throw NewPageProblem("\(page.shown) exists already")
            }
            let text = archetype.page(title: page.title, date: Self.today())
            try FileManager.default.createDirectory(at: page.file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: page.file)
            print("Created \(page.shown) from \(archetype.origin)")
        } catch let problem as NewPageProblem {
            FileHandle.standardError.write(Data("\(path): error: \(problem.message)\n".utf8))
            throw ExitCode(1)
        }
    }

    private func themeFolder(site: URL) -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return theme.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL } ?? site.deletingLastPathComponent().appendingPathComponent("theme")
    }

    /// Today's date where the author is (`2024-03-26`).
    private static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}

/// Why `teigen new page` cannot make the page.
struct NewPageProblem: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
