import TeigenCore

extension TemplateValue: StableHashable {
    /// Each kind of value with a tag of its own, lists and maps after their count, maps in their order
    /// (the order templates see); a map or list the hasher knows (``StableHasher/knownValues``) as its key.
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
            if !hasher.knownValues.isEmpty, let address = Self.address(of: items), let key = hasher.knownValues[address] {
                hasher.combine(8)
                hasher.combine(key)
                return
            }
            hasher.combine(5)
            hasher.combine(items.count)
            for item in items { item.stableHash(into: &hasher) }
        case .map(let pairs):
            if !hasher.knownValues.isEmpty, let address = Self.address(of: pairs), let key = hasher.knownValues[address] {
                hasher.combine(7)
                hasher.combine(key)
                return
            }
            hasher.combine(6)
            hasher.combine(pairs.count)
            for (key, value) in pairs {
                hasher.combine(key)
                value.stableHash(into: &hasher)
            }
        }
    }

    /// The address of a list's or map's storage (nil for an empty one, whose storage all empty ones share).
    static func address<Element>(of elements: [Element]) -> UInt? {
        guard !elements.isEmpty else { return nil }
        return elements.withUnsafeBufferPointer { $0.baseAddress.map { UInt(bitPattern: $0) } }
    }

    /// The keys of `values`, the maps and lists among them each hashed alone (with the ones `known` already has fed as
    /// their keys), by the address of their storage, for ``StableHasher/knownValues``: values many pages share (each
    /// page's summary, `page.subsections`).
    static func keys(of values: some Sequence<TemplateValue>, known: [UInt: CacheKey] = [:]) -> [UInt: CacheKey] {
        var keys: [UInt: CacheKey] = [:]
        keys.reserveCapacity(values.underestimatedCount)
        for value in values {
            let address: UInt?
            switch value {
            case .array(let items): address = Self.address(of: items)
            case .map(let pairs): address = Self.address(of: pairs)
            default: address = nil
            }
            guard let address else { continue }
            var hasher = StableHasher()
            hasher.knownValues = known
            value.stableHash(into: &hasher)
            keys[address] = hasher.finalize()
        }
        return keys
    }
}
