/// CJK-friendly emphasis and GitHub's strikethrough, over the inline content libcmark parsed.
///
/// Design: libcmark stays the parser. Its delimiter algorithm decides which `*` and `_` runs may
/// open or close from the characters around them (CommonMark's flanking rules), and knows nothing
/// of `~`. For each container (paragraph, heading, table cell; link texts and image descriptions
/// are containers of their own, as in libcmark) whose lines may need it (``InlineLineFilter``), this
/// pass reads the content back into runs and text (``DelimiterScope``), decides every run again —
/// with the CommonMark CJK-friendly amendments (``Flanking/cjkFriendly(_:_:)``) when a CJK character
/// is next to it, with libcmark's own rules otherwise — and, only when some run is decided
/// differently from libcmark or a `~` run may pair, runs libcmark's delimiter algorithm again over
/// that container (``DelimiterPairing``), with `~`/`~~` in the same stack as on GitHub.
///
/// So a container without CJK characters next to a run and without `~` is left exactly as libcmark
/// made it, and one that is paired again is paired by a port of libcmark's own algorithm: the
/// result is what libcmark would give if its flanking rules were the amended ones.
struct DelimiterPass {
    var rules: DelimiterScope.Rules

    /// Runs the pass over `container`, whose source is block `block`, and the links and images in it.
    func run(_ container: CmarkNode, block: Int, in context: ConversionContext) {
        var pending = [container]
        while let node = pending.popLast() {
            guard let scope = DelimiterScope.read(node, block: block, rules: rules, in: context) else { continue }
            pending.append(contentsOf: scope.nested)
            if scope.needsPairing { DelimiterPairing.pair(scope, in: node, context: context) }
        }
    }
}
