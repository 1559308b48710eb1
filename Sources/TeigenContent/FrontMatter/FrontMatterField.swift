import TeigenCore

/// One top-level key of a page's front matter with its value and where both were written, in whichever format
/// the front matter is in: what `FrontMatterDecoder` checks, the same way for YAML, TOML and JSON.
struct FrontMatterField {
    var key: String
    var keyLocation: SourceLocation
    var value: FrontMatterValue
}

/// A front matter value as its format typed it, with where it was written.
struct FrontMatterValue {
    /// The value (a TOML date becomes its ISO 8601 text).
    var value: TemplateValue
    /// A scalar's text as written (YAML's `010` stays `010`); nil for null, lists and maps.
    var text: String?
    /// Where the value starts in the page file.
    var location: SourceLocation
    /// A list's items, each with its own location, for messages about one of them.
    var items: [FrontMatterValue] = []
    /// A mapping's entries with where their keys were written (YAML gives them; for TOML and JSON, empty).
    var entries: [FrontMatterField] = []

    /// A mapping's entries: with their own positions where the format gives them, else at the mapping's.
    var mappingEntries: [FrontMatterField] {
        if !entries.isEmpty { return entries }
        return value.mapPairs.map { key, value in
            var entry = FrontMatterValue(value: value, text: nil, location: location)
            switch value {
            case .null, .map: break
            case .array(let items): entry.items = items.map { FrontMatterValue(value: $0, text: $0.scalarText, location: location) }
            default: entry.text = value.stringValue
            }
            return FrontMatterField(key: key, keyLocation: location, value: entry)
        }
    }
}

extension TemplateValue {
    /// A scalar's text; nil for null, lists and maps.
    var scalarText: String? {
        switch self {
        case .null, .array, .map: return nil
        default: return stringValue
        }
    }
}

extension FrontMatterField {
    /// A top-level field of TOML or JSON front matter: its value as the library converted it, placed where the
    /// document's locator found it written (the front matter's first line when it found nothing).
    /// `location` turns a position in the document into a file location.
    init(key: String, value: TemplateValue, place: KeyPlace?, location: (KeyPlace.Position) -> SourceLocation) {
        let start = location(KeyPlace.Position(line: 1, column: 1))
        let keyLocation = place.map { location($0.key) } ?? start
        let valueLocation = place.map { location($0.value) } ?? keyLocation
        var field = FrontMatterValue(value: value, text: value.scalarText, location: valueLocation)
        if case .array(let items) = value {
            field.items = items.enumerated().map { index, item in
                let itemLocation = place.flatMap { index < $0.items.count ? location($0.items[index]) : nil } ?? valueLocation
                return FrontMatterValue(value: item, text: item.scalarText, location: itemLocation)
            }
        }
        self.init(key: key, keyLocation: keyLocation, value: field)
    }
}
