/// The language a page's front matter is written in, told by the page's first line, as Hugo tells it:
/// `---` YAML up to the next `---`, `+++` TOML up to the next `+++`, `{` a JSON object.
public enum FrontMatterFormat: String, Sendable, Hashable {
    case yaml = "YAML"
    case toml = "TOML"
    case json = "JSON"

    /// The format the first line of `text` announces, or nil when it announces none.
    public init?(firstLineOf text: String) {
        let line = text.utf8.prefix { $0 != 0x0A }
        var trimmed = line[...]
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        if trimmed.elementsEqual("---".utf8) {
            self = .yaml
        } else if trimmed.elementsEqual("+++".utf8) {
            self = .toml
        } else if line.first == UInt8(ascii: "{") {
            self = .json
        } else {
            return nil
        }
    }

    /// The line around YAML and TOML front matter (`---`, `+++`); JSON has none.
    public var fence: String? {
        switch self {
        case .yaml: return "---"
        case .toml: return "+++"
        case .json: return nil
        }
    }

    /// The line of the file on which the front matter's own text starts (after the fence).
    var firstLine: Int { self == .json ? 1 : 2 }
}
