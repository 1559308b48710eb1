import TeigenCore

/// Reads `site/data/*.yaml` into template values: `data.members` is `data/members.yaml`.
public struct DataLoader: Sendable {
    public init() {}

    /// Decodes one data file; `name` is the key it gets under `data`.
    public func decode(_ text: String, path: String) throws(DiagnosticError) -> TemplateValue {
        let reader = YAMLReader(path: path, fileText: text, firstLine: 1)
        guard let root = try reader.compose(text) else { return .null }
        return YAMLReader.value(of: root)
    }
}
