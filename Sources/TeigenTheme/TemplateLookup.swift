import TeigenCore

/// Chooses the template of a page: front matter `layout`, then the section's own template, then the kind's.
public struct TemplateLookup: Sendable {
    public init() {}

    /// The template names to try, most specific first.
    /// - Parameters:
    ///   - kind: what the page is.
    ///   - layout: front matter `layout`, which is the only candidate when set.
    ///   - sections: the section folders from the top-level one down (`["proposals"]`, `["a", "b"]`); empty at the root.
    public func candidates(kind: PageKind, layout: String?, sections: [String]) -> [String] {
        if let layout { return [layout] }
        let specific = sections.reversed()
        switch kind {
        case .home: return ["home", "section"]
        case .section: return specific.map { "\($0)/section" } + ["section"]
        case .page: return specific.map { "\($0)/page" } + ["page"]
        // A taxonomy's pages (`sections` is the taxonomy's name): Hugo's `taxonomy` and `term` layouts, then the section's.
        case .taxonomy: return specific.map { "\($0)/taxonomy" } + ["taxonomy", "section"]
        case .term: return specific.map { "\($0)/term" } + ["term", "section"]
        case .notFound: return ["404"]
        }
    }
}
