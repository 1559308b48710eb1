import Foundation
import TeigenContent
import TeigenCore

/// The decoded data files of `site/data/` (YAML, JSON, TOML or CSV): `data.members` in templates is
/// `data/members.yaml`; two files with one name in different formats are an error naming both.
struct DataFiles {
    /// Each file's value under its name, sorted by name.
    private(set) var value: TemplateValue = .map([])
    /// The names there are files for.
    private(set) var names: Set<String> = []
    private(set) var errors: [Diagnostic] = []

    init(_ files: [SiteFiles.File]) {
        var pairs: [(String, TemplateValue)] = []
        errors = DataLoader.nameConflicts(among: files.map { ($0.relativePath, $0.displayPath) })
        for file in files {
            do {
                let text = try SiteFiles.text(file.data, path: file.displayPath)
                pairs.append((Self.name(of: file.relativePath), try DataLoader().decode(text, path: file.displayPath)))
            } catch {
                errors += error.diagnostics
            }
        }
        value = .map(pairs.sorted { $0.0 < $1.0 })
        names = Set(pairs.map(\.0))
    }

    /// The name of a data file under `data`: its path without the extension, folders joined with dots.
    static func name(of relativePath: String) -> String {
        (relativePath as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: ".")
    }
}
