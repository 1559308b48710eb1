import TeigenCore

/// Reads the files of `site/data/` into template values: `data/members.yaml` is `{{data.members}}`, and so is
/// `data/members.json`, `.toml` or `.csv` (a list of maps keyed by the header row; see `CSVReader`).
public struct DataLoader: Sendable {
    public init() {}

    /// Decodes one data file in the format its extension names (YAML when it names none).
    public func decode(_ text: String, path: String) throws(DiagnosticError) -> TemplateValue {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        switch DataFormat(path: path) ?? .yaml {
        case .yaml:
            let reader = YAMLReader(path: path, fileText: text, firstLine: 1)
            guard let root = try reader.compose(text) else { return .null }
            return YAMLReader.value(of: root)
        case .json: return try JSONReader(path: path, fileText: text, firstLine: 1).value(text)
        case .toml: return try TOMLReader(path: path, fileText: text, firstLine: 1).value(text)
        case .csv: return try CSVReader(path: path, fileText: text).value()
        }
    }

    /// Whether the file at `path` is a data file: one of the formats' extensions.
    public static func isDataFile(_ path: String) -> Bool {
        DataFormat(path: path) != nil
    }

    /// An error for each data file whose name another one has in another format (`members.yaml` and
    /// `members.json` would both be `data.members`), naming both. `files` are paths relative to `data/` with the
    /// paths shown in messages.
    public static func nameConflicts(among files: [(relativePath: String, displayPath: String)]) -> [Diagnostic] {
        var byName: [String: [String]] = [:]
        for file in files where isDataFile(file.relativePath) {
            let stem = file.relativePath[..<(file.relativePath.lastIndex(of: ".") ?? file.relativePath.endIndex)]
            byName[stem.replacingOccurrences(of: "/", with: "."), default: []].append(file.displayPath)
        }
        return byName.keys.sorted().compactMap { name in
            let paths = byName[name]!.sorted()
            guard paths.count > 1 else { return nil }
            return .error("two data files would both be 'data.\(name)': \(paths.joined(separator: " and ")); keep one", at: SourceLocation(path: paths[1]))
        }
    }
}
