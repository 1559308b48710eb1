import Yams

/// Bounds what a YAML document's aliases expand to, so that a "billion laughs" document (`b: &b [*a, *a, …]`,
/// `c: &c [*b, *b, …]`, …) is refused before anything walks it.
///
/// Yams composes an alias as the anchored node itself, sharing its storage, so a bomb costs little until
/// something visits every copy: turning it into template values, hashing it, rendering it. The budget counts,
/// in document order, the nodes each alias use stands for (its anchored node fully expanded), remembering the
/// size of every anchored node, so that the count itself costs one visit per written node.
struct AliasBudget {
    /// The most nodes the aliases of one document may add, all uses together. Generous for YAML's real uses
    /// of aliases (shared defaults in a list of entries), and a few MB at most.
    static let limit = 100_000

    /// Where the aliases passed the limit: the collection holding the alias use that did.
    struct Exceeded: Error {
        var mark: Mark?
    }

    /// Sizes of anchored nodes already seen, by anchor. Yams makes one `Anchor` object per anchor in the
    /// text (and references it weakly from the nodes: the parser that made them must still exist).
    private var sizes: [ObjectIdentifier: Int] = [:]
    /// Nodes added by alias uses so far.
    private var added = 0

    /// Checks the document whose root is `root`. The `Parser` that composed it must still be alive.
    static func check(_ root: Node) throws(Exceeded) {
        var budget = AliasBudget()
        _ = try budget.size(of: root, in: nil)
    }

    /// The expanded size of `node`; `container` is the collection holding it (where an error points).
    private mutating func size(of node: Node, in container: Node?) throws(Exceeded) -> Int {
        let anchor = node.anchor.map(ObjectIdentifier.init)
        if let anchor, let known = sizes[anchor] {
            // Seen before in document order: this is an alias use.
            added += known
            if added > Self.limit { throw Exceeded(mark: (container ?? node).mark) }
            return known
        }
        var size = 1
        switch node {
        case .scalar, .alias:
            break
        case .sequence(let sequence):
            for item in sequence { size += try self.size(of: item, in: node) }
        case .mapping(let mapping):
            for (key, value) in mapping {
                size += try self.size(of: key, in: node)
                size += try self.size(of: value, in: node)
            }
        }
        if let anchor { sizes[anchor] = size }
        return size
    }
}
