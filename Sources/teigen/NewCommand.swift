import ArgumentParser
import Foundation

/// `teigen new site DIR` and `teigen new page [content/]PATH.md [--kind KIND]`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Creates a new site, or a new page with its front matter filled in.",
        subcommands: [NewSite.self, NewPage.self])
}

/// Scaffolds a small site in Japanese or English (`--lang`, Japanese by default) with a minimal theme that builds at once.
struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "site", abstract: "Creates DIR/site and DIR/theme with a minimal working site.")

    @Argument(help: "The folder to create (must not exist or be empty).")
    var directory: String

    @Option(name: .customLong("lang"), help: "The site's language: ja or en (its words, dates and <html lang>; the theme speaks both).")
    var language = "ja"

    func validate() throws {
        guard Scaffold.languages[language] != nil else {
            throw ValidationError("--lang must be one of \(Scaffold.languages.keys.sorted().joined(separator: ", ")) (got '\(language)')")
        }
    }

    func run() throws {
        let fileManager = FileManager.default
        if let existing = try? fileManager.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            FileHandle.standardError.write(Data("\(directory): error: folder exists and is not empty\n".utf8))
            throw ExitCode(1)
        }
        for (path, text) in Scaffold.files(Scaffold.languages[language]!) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        print("Created a new site in \(directory)/. Build it with:\n  cd \(directory) && teigen build\nPreview it with:\n  cd \(directory) && teigen serve")
    }
}
