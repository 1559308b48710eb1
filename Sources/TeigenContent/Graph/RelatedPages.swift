import TeigenCore

/// `page.related`: the pages of a page's language that share the most terms with it (Hugo's related content, by
/// terms alone). Ties go to the newer date, then to the content path, so the order never depends on the build.
/// Only regular pages are related, and a page is never related to itself.
///
/// ```swift
/// let related = RelatedPages(graph: graph, settings: config.related)
/// var scratch = related.scratch()
/// related.pages(relatedTo: index, scratch: &scratch)   // page indices, best first
/// ```
public struct RelatedPages: Sendable {
    let graph: ContentGraph
    let settings: RelatedSettings

    public init(graph: ContentGraph, settings: RelatedSettings) {
        self.graph = graph
        self.settings = settings
    }

    /// Counts shared terms; one per task, reused for every page it handles.
    public struct Scratch {
        var counts: [Int32]
        var touched: [Int] = []
    }

    /// A scratch space for ``pages(relatedTo:scratch:)``.
    public func scratch() -> Scratch {
        Scratch(counts: Array(repeating: 0, count: graph.pages.count))
    }

    /// The pages related to page `index`, the best first, at most `settings.count`.
    public func pages(relatedTo index: Int, scratch: inout Scratch) -> [Int] {
        let page = graph.pages[index]
        guard settings.count > 0, !page.termPages.isEmpty else { return [] }
        for (taxonomy, termPages) in page.termPages where settings.taxonomies?.contains(taxonomy) ?? true {
            for term in termPages {
                for other in graph.terms[term]?.pages ?? [] where other != index && graph.pages[other].kind == .page {
                    if scratch.counts[other] == 0 { scratch.touched.append(other) }
                    scratch.counts[other] += 1
                }
            }
        }
        var best: [Int] = []
        for candidate in scratch.touched {
            let position = best.firstIndex { ranks(candidate, before: $0, counts: scratch.counts) } ?? best.count
            if position < settings.count {
                best.insert(candidate, at: position)
                if best.count > settings.count { best.removeLast() }
            }
        }
        for candidate in scratch.touched { scratch.counts[candidate] = 0 }
        scratch.touched.removeAll(keepingCapacity: true)
        return best
    }

    /// More shared terms first, then the newer date (pages without one last), then the content path.
    private func ranks(_ a: Int, before b: Int, counts: [Int32]) -> Bool {
        if counts[a] != counts[b] { return counts[a] > counts[b] }
        let (da, db) = (graph.pages[a].frontMatter.date, graph.pages[b].frontMatter.date)
        if da != db {
            guard let da else { return false }
            guard let db else { return true }
            return da > db
        }
        return graph.pages[a].contentPath < graph.pages[b].contentPath
    }
}
