import CCmark

/// libcmark 0.30.2's delimiter algorithm (`process_emphasis` and `S_insert_emph` in `inlines.c`),
/// ported to run again over one container whose runs a ``DelimiterScope`` read, with cmark-gfm's
/// strikethrough (`extensions/strikethrough.c`) sharing the delimiter stack as on GitHub.
///
/// The container's children are first laid out flat again — text, the runs as text nodes of their
/// own, the inlines kept — then paired: `*` and `_` into emphasis and strong emphasis, `~` and `~~`
/// into `<del>` (an opener and a closer of the same length; runs of three or more never pair).
/// Runs left unpaired stay text. Smart quotes are not paired again (libcmark converted them already).
struct DelimiterPairing {
    /// One entry of the delimiter stack.
    private struct Delimiter {
        var character: UInt8
        var canOpen: Bool
        var canClose: Bool
        /// The run's length in the source (the rule of three uses it).
        var length: Int
        /// The characters not yet used.
        var remaining: Int
        var node: CmarkNode
        var previous: Int?
        var next: Int?
    }

    private var delimiters: [Delimiter] = []

    /// Lays out `scope`'s items as the children of `container`, then pairs the runs.
    static func pair(_ scope: DelimiterScope, in container: CmarkNode, context: ConversionContext) {
        var pairing = DelimiterPairing()
        pairing.layOut(scope, in: container, context: context)
        pairing.process()
    }

    // MARK: Laying out

    /// Replaces the children of `container` with the items of `scope`, in order: a run becomes a text
    /// node of its characters (pushed on the stack when it may pair), a text piece the part of its
    /// node's literal (the node itself for its first piece, a new node with its source recorded for the
    /// others); the old emphasis nodes are freed.
    private mutating func layOut(_ scope: DelimiterScope, in container: CmarkNode, context: ConversionContext) {
        var flat: [CmarkNode] = []
        flat.reserveCapacity(scope.items.count)
        var reused: Set<CmarkNode> = []
        for item in scope.items {
            switch item {
            case .node(let node):
                flat.append(node)
            case .text(let node, let range, let origin):
                guard let literal = scope.literals[node], let origin else {
                    flat.append(node)
                    continue
                }
                literal.withUnsafeBufferPointer { buffer in
                    let piece = UnsafeBufferPointer(rebasing: buffer[range])
                    let target = reused.insert(node).inserted ? node : CmarkNode.text(piece)
                    if target == node { node.setLiteral(piece) }
                    context.map.setOrigin(origin, of: target)
                    flat.append(target)
                }
            case .run(let index):
                let run = scope.runs[index]
                let characters = [UInt8](repeating: run.character, count: run.length)
                let node = characters.withUnsafeBufferPointer { CmarkNode.text($0) }
                flat.append(node)
                let flanking = run.decided
                let pushed = (flanking.canOpen || flanking.canClose) && (run.character != 0x7E || run.length <= 2)
                if pushed {
                    delimiters.append(
                        Delimiter(
                            character: run.character, canOpen: flanking.canOpen, canClose: flanking.canClose, length: run.length,
                            remaining: run.length, node: node, previous: delimiters.isEmpty ? nil : delimiters.count - 1, next: nil))
                    if delimiters.count > 1 { delimiters[delimiters.count - 2].next = delimiters.count - 1 }
                }
            }
        }
        for node in flat { container.append(node) }
        // What is left before the laid-out nodes is the old emphasis and the texts of runs only.
        let first = flat.first
        while let old = container.firstChild, old != first { old.free() }
    }

    // MARK: Pairing

    /// `process_emphasis(subj, stack_bottom)` over the whole stack.
    private mutating func process() {
        guard !delimiters.isEmpty else { return }
        // openers_bottom: `_` one slot, `*` six (can open, length mod 3), `~` three (length mod 3).
        var bottoms = [Int](repeating: 0, count: 12)
        var closer: Int? = 0
        while let current = closer {
            let delimiter = delimiters[current]
            guard delimiter.canClose else {
                closer = delimiter.next
                continue
            }
            let slot: Int
            switch delimiter.character {
            case 0x5F: slot = 2
            case 0x2A: slot = 3 + (delimiter.canOpen ? 3 : 0) + delimiter.length % 3
            default: slot = 9 + delimiter.length % 3
            }
            var opener = delimiter.previous
            var found = false
            while let candidate = opener, candidate >= bottoms[slot] {
                let open = delimiters[candidate]
                if open.canOpen, open.character == delimiter.character,
                    !(delimiter.canOpen || open.canClose) || delimiter.length % 3 == 0 || (open.length + delimiter.length) % 3 != 0
                {
                    found = true
                    break
                }
                opener = open.previous
            }
            if found, let opener {
                closer = delimiter.character == 0x7E ? strike(opener, current) : emphasize(opener, current)
            } else {
                closer = delimiter.next
                bottoms[slot] = current
                if !delimiter.canOpen { remove(current) }
            }
        }
    }

    /// `S_insert_emph`: one or two characters of each run become an emphasis node around what lies
    /// between them. Returns the next closer to look at.
    private mutating func emphasize(_ opener: Int, _ closer: Int) -> Int? {
        let used = delimiters[opener].remaining >= 2 && delimiters[closer].remaining >= 2 ? 2 : 1
        delimiters[opener].remaining -= used
        delimiters[closer].remaining -= used
        let openerNode = delimiters[opener].node
        let closerNode = delimiters[closer].node
        setCharacters(of: openerNode, delimiters[opener].character, count: delimiters[opener].remaining)
        setCharacters(of: closerNode, delimiters[closer].character, count: delimiters[closer].remaining)
        removeBetween(opener, closer)
        let emphasis = CmarkNode.make(used == 1 ? CMARK_NODE_EMPH : CMARK_NODE_STRONG)
        wrap(from: openerNode, to: closerNode, in: emphasis)
        if delimiters[opener].remaining == 0 {
            openerNode.free()
            remove(opener)
        }
        if delimiters[closer].remaining == 0 {
            closerNode.free()
            let next = delimiters[closer].next
            remove(closer)
            return next
        }
        return closer
    }

    /// cmark-gfm's strikethrough `insert`: runs of the same length become a `<del>` around what lies
    /// between them; either way the two runs and every delimiter between them leave the stack.
    private mutating func strike(_ opener: Int, _ closer: Int) -> Int? {
        let next = delimiters[closer].next
        if delimiters[opener].remaining == delimiters[closer].remaining {
            let openerNode = delimiters[opener].node
            let closerNode = delimiters[closer].node
            wrap(from: openerNode, to: closerNode, in: CmarkNode.tagged(block: false, .strikethrough))
            openerNode.free()
            closerNode.free()
        }
        var current: Int? = closer
        while let index = current, index != opener {
            current = delimiters[index].previous
            remove(index)
        }
        remove(opener)
        return next
    }

    /// Moves the siblings strictly between `first` and `last` into `wrapper`, put right after `first`.
    private func wrap(from first: CmarkNode, to last: CmarkNode, in wrapper: CmarkNode) {
        var current = first.next
        while let node = current, node != last {
            current = node.next
            wrapper.append(node)
        }
        first.insertAfter(wrapper)
    }

    private func setCharacters(of node: CmarkNode, _ character: UInt8, count: Int) {
        let characters = [UInt8](repeating: character, count: count)
        characters.withUnsafeBufferPointer { node.setLiteral($0) }
    }

    /// Removes the delimiters strictly between `opener` and `closer` from the stack.
    private mutating func removeBetween(_ opener: Int, _ closer: Int) {
        var current = delimiters[closer].previous
        while let index = current, index != opener {
            current = delimiters[index].previous
            remove(index)
        }
    }

    private mutating func remove(_ index: Int) {
        let previous = delimiters[index].previous
        let next = delimiters[index].next
        if let previous { delimiters[previous].next = next }
        if let next { delimiters[next].previous = previous }
    }
}
