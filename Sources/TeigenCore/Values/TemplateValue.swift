/// A Sendable tree of values handed to templates: front matter params, data files, config params
/// and the page context itself. Strings compare and hash by their UTF-8 bytes (what ends up in the output).
public enum TemplateValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([TemplateValue])
    /// Keys keep their order so that output is deterministic.
    case map([(String, TemplateValue)])

    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)): return a == b
        case (.map(let a), .map(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let v): hasher.combine(v)
        case .int(let v): hasher.combine(v)
        case .double(let v): hasher.combine(v)
        case .string(let v): hasher.combineBytes(of: v)
        case .array(let v):
            hasher.combine(v.count)
            for item in v { item.hash(into: &hasher) }
        case .map(let pairs):
            hasher.combine(pairs.count)
            for (key, value) in pairs {
                hasher.combineBytes(of: key)
                hasher.combine(value)
            }
        }
    }

    /// The value under `key` of a map, or nil.
    public subscript(key: String) -> TemplateValue? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// The string of a `.string` (or the text of a number or bool), nil otherwise.
    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        default: return nil
        }
    }

    /// The pairs of a map, or an empty list.
    public var mapPairs: [(String, TemplateValue)] {
        if case .map(let pairs) = self { return pairs }
        return []
    }

    /// A map from a dictionary, keys sorted.
    public static func sortedMap(_ dictionary: [String: TemplateValue]) -> TemplateValue {
        .map(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Returns this map with `other`'s pairs added, replacing keys that exist.
    public func merging(_ other: TemplateValue) -> TemplateValue {
        var pairs = mapPairs
        for (key, value) in other.mapPairs {
            if let index = pairs.firstIndex(where: { $0.0 == key }) {
                pairs[index].1 = value
            } else {
                pairs.append((key, value))
            }
        }
        return .map(pairs)
    }
}

extension TemplateValue: Encodable {
    /// Encodes the value as JSON would hold it: null, a boolean, a number, text, an array, or an object with the
    /// map's keys (for JSON outputs made from data, never from a template).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .map(let pairs):
            var container = encoder.container(keyedBy: MapKey.self)
            for (key, value) in pairs { try container.encode(value, forKey: MapKey(stringValue: key)) }
        }
    }

    /// A map's key as a coding key.
    private struct MapKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
