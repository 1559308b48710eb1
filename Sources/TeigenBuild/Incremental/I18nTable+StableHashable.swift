import TeigenCore

extension I18nTable: StableHashable {
    /// The language and every word, by key in order.
    func stableHash(into hasher: inout StableHasher) {
        hasher.combine(language)
        hasher.combine(strings.count)
        for (key, words) in strings.sorted(by: { $0.key < $1.key }) {
            hasher.combine(key)
            hasher.combine(words)
        }
    }
}
