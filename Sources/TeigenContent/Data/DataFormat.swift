/// The formats of data files, told by the file's extension.
public enum DataFormat: String, Sendable, CaseIterable {
    case yaml
    case json
    case toml
    case csv

    /// The extensions of each format's files.
    public var extensions: [String] {
        switch self {
        case .yaml: return ["yaml", "yml"]
        case .json: return ["json"]
        case .toml: return ["toml"]
        case .csv: return ["csv"]
        }
    }

    /// The format of the file at `path`, or nil when its extension is none of the formats'.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        guard let format = Self.allCases.first(where: { $0.extensions.contains(ext) }) else { return nil }
        self = format
    }
}
