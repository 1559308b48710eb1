import TeigenContent
import TeigenCore

/// What templates see of the taxonomies (see the README's "Taxonomies"), made once per build as part of
/// ``SiteContext``: each term as a link (`{name, title, slug, url, permalink, count}`), each taxonomy with its
/// terms (`site.taxonomies.tags`), and the fields of a page (`page.taxonomies`), a term's page (`page.term`)
/// and a taxonomy's page (`page.terms`, `page.termsByCount`).
struct TaxonomyValues: Sendable {
    /// Each term page's link, by page index.
    private(set) var terms: [Int: TemplateValue] = [:]
    /// Each taxonomy's link (`{name, singular, title, url, permalink, count}`), by language and name.
    private(set) var links: [TaxonomyKey: TemplateValue] = [:]
    /// Each taxonomy's link with its terms, each term with its pages' links (`site.taxonomies`).
    private(set) var full: [TaxonomyKey: TemplateValue] = [:]
    /// The site's taxonomies, in the order of `taxonomies:`.
    let order: [String]

    init(graph: ContentGraph, urls: SiteURLs, order: [String]) {
        self.order = order
        for (index, term) in graph.terms {
            let page = graph.pages[index]
            terms[index] = .map([
                ("name", .string(page.term ?? page.title)), ("title", .string(page.title)), ("slug", .string(PageSummary.slug(of: page))),
                ("url", .string(urls.rooted(page.url))), ("permalink", .string(urls.absolute(page.url))), ("count", .int(term.pages.count)),
                ("taxonomy", .string(term.taxonomy)),
            ])
        }
        // A page listed under several terms (or taxonomies) of one language is made into a value once.
        var listedValues: [String: [Int: TemplateValue]] = [:]  // by language code, then page index
        func listedValue(_ index: Int, language: Language) -> TemplateValue {
            if let known = listedValues[language.code]?[index] { return known }
            let listed = graph.pages[index]
            let date = listed.frontMatter.date
            let value = TemplateValue.map([
                ("title", .string(listed.title)), ("url", .string(urls.rooted(listed.url))), ("permalink", .string(urls.absolute(listed.url))),
                ("date", .string(date?.formatted(language.dateFormat) ?? "")), ("dateISO", .string(date?.isoDate ?? "")),
                ("hasDate", .bool(date != nil)),
            ])
            listedValues[language.code, default: [:]][index] = value
            return value
        }
        for (key, taxonomy) in graph.taxonomies {
            let page = graph.pages[taxonomy.pageIndex]
            let link = TemplateValue.map([
                ("name", .string(taxonomy.taxonomy.name)), ("singular", .string(taxonomy.taxonomy.singular)), ("title", .string(page.title)),
                ("url", .string(urls.rooted(page.url))), ("permalink", .string(urls.absolute(page.url))), ("count", .int(taxonomy.termPages.count)),
            ])
            links[key] = link
            let language = graph.language(of: taxonomy.pageIndex)
            full[key] = link.merging(.map([("terms", .array(taxonomy.termPages.map { termPage in
                terms[termPage]!.merging(.map([("pages", .array((graph.terms[termPage]?.pages ?? []).map { listedValue($0, language: language) }))]))
            }))]))
        }
    }

    /// `site.taxonomies` (by name) and `site.taxonomyList` (in the order of `taxonomies:`) of `language`: the
    /// taxonomies that have pages in it.
    func siteFields(language: String) -> [(String, TemplateValue)] {
        let present = order.compactMap { name in full[TaxonomyKey(language: language, name: name)].map { (name, $0) } }
        return [("taxonomies", .map(present)), ("taxonomyList", .array(present.map(\.1)))]
    }

    /// The fields of page `index` about its terms: `taxonomies` (by name, the links of its terms), `taxonomyList`
    /// (each taxonomy it has terms of, with them as `terms`) and `hasTerms`; on a term's page also `term` (with its
    /// `taxonomy`), on a taxonomy's page `taxonomy`, `terms` and `termsByCount`.
    func pageFields(ofPageAt index: Int, graph: ContentGraph) -> [(String, TemplateValue)] {
        let page = graph.pages[index]
        var byName: [(String, TemplateValue)] = []
        var list: [TemplateValue] = []
        for name in order {
            guard let termPages = page.termPages[name], !termPages.isEmpty else { continue }
            let links = termPages.compactMap { terms[$0] }
            byName.append((name, .array(links)))
            list.append((self.links[TaxonomyKey(language: page.language, name: name)] ?? .map([])).merging(.map([("terms", .array(links))])))
        }
        var fields: [(String, TemplateValue)] = [("taxonomies", .map(byName)), ("taxonomyList", .array(list)), ("hasTerms", .bool(!list.isEmpty))]
        let taxonomy = page.taxonomy.flatMap { links[TaxonomyKey(language: page.language, name: $0)] }
        switch page.kind {
        case .term:
            fields.append(("term", (terms[index] ?? .map([])).merging(.map([("taxonomy", taxonomy ?? .null)]))))
        case .taxonomy:
            let termPages = graph.taxonomies[TaxonomyKey(language: page.language, name: page.taxonomy ?? "")]?.termPages ?? []
            // By count, then in title order.
            let byCount = termPages.enumerated().sorted { a, b in
                let (ca, cb) = (graph.terms[a.element]?.pages.count ?? 0, graph.terms[b.element]?.pages.count ?? 0)
                return ca != cb ? ca > cb : a.offset < b.offset
            }.map(\.element)
            fields += [
                ("taxonomy", taxonomy ?? .null), ("terms", .array(termPages.compactMap { terms[$0] })),
                ("termsByCount", .array(byCount.compactMap { terms[$0] })),
            ]
        default:
            break
        }
        return fields
    }
}
