import TeigenCore

extension TemplateValue: StableHashable {
    /// Each kind of value with a tag of its own, lists and maps after their count, maps in their order
    /// (the order templates see); a map or list the hasher knows (``StableHasher/knownMaps``) as its key.
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
            if !hasher.knownMaps.isEmpty, let address = Self.address(of: items), let key = hasher.knownMaps[address] {
                hasher.combine(8)
                hasher.combine(key)
                return
            }
            hasher.combine(5)
            hasher.combine(items.count)
            for item in items { item.stableHash(into: &hasher) }
        case .map(let pairs):
            if !hasher.knownMaps.isEmpty, let address = Self.address(of: pairs), let key = hasher.knownMaps[address] {
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

    /// The address of a list's storage (nil for an empty list, whose storage all empty lists share).
    static func address(of items: [TemplateValue]) -> UInt? {
        guard !items.isEmpty else { return nil }
        return items.withUnsafeBufferPointer { $0.baseAddress.map { UInt(bitPattern: $0) } }
    }

    /// The address of a map's storage (nil for an empty map, whose storage all empty maps share).
    static func address(of pairs: [(String, TemplateValue)]) -> UInt? {
        guard !pairs.isEmpty else { return nil }
        return pairs.withUnsafeBufferPointer { $0.baseAddress.map { UInt(bitPattern: $0) } }
    }

    /// The keys of `lists` (each hashed alone, with the maps and lists `known` already has fed as their keys) by the
    /// address of their storage, for ``StableHasher/knownMaps``: lists many pages share (`page.subsections`).
    static func keys(ofLists lists: some Sequence<TemplateValue>, known: [UInt: CacheKey]) -> [UInt: CacheKey] {
        var keys: [UInt: CacheKey] = [:]
        for value in lists {
            guard case .array(let items) = value, let address = address(of: items) else { continue }
            var hasher = StableHasher()
            hasher.knownMaps = known
            value.stableHash(into: &hasher)
            keys[address] = hasher.finalize()
        }
        return keys
    }

    /// The keys of `maps` (each hashed alone) by the address of their storage, for ``StableHasher/knownMaps``.
    static func keys(of maps: [TemplateValue]) -> [UInt: CacheKey] {
        var keys: [UInt: CacheKey] = [:]
        keys.reserveCapacity(maps.count)
        for value in maps {
            guard case .map(let pairs) = value, let address = address(of: pairs) else { continue }
            var hasher = StableHasher()
            value.stableHash(into: &hasher)
            keys[address] = hasher.finalize()
        }
        return keys
    }
}
