import ArgumentParser
import Foundation

/// `teigen new site DIR` and `teigen new page content/PATH.md`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Creates a new site, or a new page with its front matter filled in.",
        subcommands: [NewSite.self, NewPage.self])
}

/// Scaffolds a small site with a minimal theme that builds at once.
struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "site", abstract: "Creates DIR/site and DIR/theme with a minimal working site.")

    @Argument(help: "The folder to create (must not exist or be empty).")
    var directory: String

    func run() throws {
        let fileManager = FileManager.default
        if let existing = try? fileManager.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            FileHandle.standardError.write(Data("\(directory): error: folder exists and is not empty\n".utf8))
            throw ExitCode(1)
        }
        for (path, text) in Scaffold.files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        print("Created a new site in \(directory)/. Build it with:\n  cd \(directory) && teigen build\nPreview it with:\n  cd \(directory) && teigen serve")
    }
}

/// Writes a page with front matter filled in: title from the file name, today's date, `draft: true`.
struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "page", abstract: "Creates a Markdown page with front matter (draft).")

    @Argument(help: "The page to create, e.g. content/proposals/3.md (relative to --source).")
    var path: String

    @Option(name: .long, help: "The site folder.")
    var source: String = "site"

    func run() throws {
        guard path.hasSuffix(".md") else {
            FileHandle.standardError.write(Data("\(path): error: a page's file name must end in .md\n".utf8))
            throw ExitCode(1)
        }
        let url = URL(fileURLWithPath: source).appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) {
            FileHandle.standardError.write(Data("\(url.path): error: file exists already\n".utf8))
            throw ExitCode(1)
        }
        let stem = url.deletingPathExtension().lastPathComponent
        let title = stem == "_index" ? url.deletingLastPathComponent().lastPathComponent : stem.replacingOccurrences(of: "-", with: " ")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        let text = "---\ntitle: \(Scaffold.yamlQuoted(title))\ndate: \(date)\ndraft: true\n---\n\n"
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        print("Created \(url.path)")
    }
}
