import TeigenCore

extension TemplateValue: StableHashable {
    /// Each kind of value with a tag of its own, lists and maps after their count, maps in their order
    /// (the order templates see).
    func stableHash(into hasher: inout StableHasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value):
            hasher.combine(1)
            hasher.combine(value)
        case .int(let value):
            hasher.combine(2)
            hasher.combine(value)
        case .double(let value):
            hasher.combine(3)
            hasher.combine(value)
        case .string(let value):
            hasher.combine(4)
            hasher.combine(value)
        case .array(let items):
            hasher.combine(5)
            hasher.combine(items.count)
            for item in items { item.stableHash(into: &hasher) }
        case .map(let pairs):
            hasher.combine(6)
            hasher.combine(pairs.count)
            for (key, value) in pairs {
                hasher.combine(key)
                value.stableHash(into: &hasher)
            }
        }
    }
}
