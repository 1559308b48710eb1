import TeigenContent

/// One HTML page the `pages` step writes: a page of the content graph (`number` 1), or a later page of a list
/// that is cut into pages (``Pagination``): `/proposals/page/2/` is page 2 of `/proposals/`.
struct PageTarget: Sendable, Hashable, Comparable {
    /// The page's index in the graph.
    var index: Int
    /// Which page of its list (1 for the page itself).
    var number = 1

    static func < (lhs: PageTarget, rhs: PageTarget) -> Bool {
        (lhs.index, lhs.number) < (rhs.index, rhs.number)
    }
}

extension ContentGraph {
    /// Every page the `pages` step writes: each page, then the later pages of its list, in page order.
    var targets: [PageTarget] {
        pages.indices.flatMap { index in
            (1...(paginations[index]?.pageCount ?? 1)).map { PageTarget(index: index, number: $0) }
        }
    }

    /// The pages written for page `index`: itself and the later pages of its list.
    func targets(of index: Int) -> [PageTarget] {
        (1...(paginations[index]?.pageCount ?? 1)).map { PageTarget(index: index, number: $0) }
    }

    /// The site path of `target` (`/proposals/page/2/`).
    func sitePath(of target: PageTarget) -> String {
        guard target.number > 1, let pagination = paginations[target.index] else { return pages[target.index].url }
        return pagination.sitePath(ofPage: target.number)
    }

    /// The output file of `target` (`proposals/page/2/index.html`).
    func outputPath(of target: PageTarget) -> String {
        guard target.number > 1, let pagination = paginations[target.index] else { return pages[target.index].outputPath }
        return pagination.outputPath(ofPage: target.number)
    }
}
