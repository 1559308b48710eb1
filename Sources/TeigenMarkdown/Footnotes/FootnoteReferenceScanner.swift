/// Finds `[^label]` references in text nodes and replaces each defined one with a reference node.
///
/// A reference without a definition stays literal text and gives a warning at its line and column;
/// a backslash-escaped `\[^label]` is left alone. Text inside links and images is never scanned.
struct FootnoteReferenceScanner {
    /// Replaces the references in `texts` (text nodes with their blocks), recording them in the
    /// context's registry; warns about undefined ones.
    func scan(_ texts: [(node: CmarkNode, block: Int)], in context: ConversionContext) {
        let smartPunctuation = context.smartPunctuation
        for (node, block) in texts {
            let literal = Array(node.literalBytes)
            let candidates = Self.candidates(in: literal)
            guard !candidates.isEmpty else { continue }
            // Where the node's Markdown is; only looked up when needed (an escape may hide, or a warning).
            let origin = context.map.origin(of: node)
            let rawLength = origin?.length ?? node.endColumn - node.startColumn + 1
            let identical = !smartPunctuation && rawLength == literal.count
            var located: (text: Int, line: Int, offset: Int)?
            func locate() -> (text: Int, line: Int, offset: Int) {
                if let located { return located }
                let found: (text: Int, line: Int, offset: Int)
                if let origin {
                    found = (origin.text, origin.line, origin.offset)
                } else {
                    let position = context.map.locate(line: node.startLine, column: node.startColumn, block: block)
                    found = (context.map.blocks[block].text, position.line, position.offset)
                }
                located = found
                return found
            }
            var aligner: LiteralAligner?
            var kept: [(range: Range<Int>, node: CmarkNode)] = []
            for (range, label) in candidates {
                var rawOffset = range.lowerBound
                if !identical {
                    if aligner == nil {
                        let place = locate()
                        let raw = context.map.span(text: place.text, line: place.line, offset: place.offset, length: rawLength)
                        aligner = LiteralAligner(raw: raw, literal: literal)
                    }
                    let aligned = aligner!.locate(range.lowerBound)
                    guard !aligned.escaped else { continue }
                    rawOffset = aligned.rawOffset
                }
                let labelText = String(decoding: literal[label], as: UTF8.self)
                if let index = context.registry.addReference(to: FootnoteDefinition.key(labelText)) {
                    kept.append((range, CmarkNode.tagged(block: false, .footnoteReference(index))))
                } else {
                    let place = locate()
                    let position = context.map.originalPosition(text: place.text, line: place.line, offset: place.offset + rawOffset)
                    context.report(.warning, line: position.line, column: position.column, "footnote [^\(labelText)] is not defined")
                }
            }
            guard !kept.isEmpty else { continue }
            literal.withUnsafeBufferPointer { buffer in
                node.setLiteral(UnsafeBufferPointer(rebasing: buffer[0..<kept[0].range.lowerBound]))
                var last = node
                for (index, reference) in kept.enumerated() {
                    last.insertAfter(reference.node)
                    last = reference.node
                    let end = index + 1 < kept.count ? kept[index + 1].range.lowerBound : buffer.count
                    let start = reference.range.upperBound
                    if start < end {
                        let segment = CmarkNode.text(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                        last.insertAfter(segment)
                        last = segment
                    }
                }
            }
        }
    }

    /// Every `[^label]` in `literal`: the whole reference's range and the label's range.
    static func candidates(in literal: [UInt8]) -> [(range: Range<Int>, label: Range<Int>)] {
        var found: [(Range<Int>, Range<Int>)] = []
        var index = 0
        while index + 1 < literal.count {
            // Jump to the next `[` (most text has none).
            guard let bracket = literal[index...].firstIndex(of: 0x5B) else { break }
            index = bracket
            if index + 1 < literal.count, literal[index + 1] == 0x5E,
                let label = LineSyntax.footnoteLabel(literal, from: index, to: literal.count)
            {
                found.append((index..<(label.upperBound + 1), label))
                index = label.upperBound + 1
            } else {
                index += 1
            }
        }
        return found
    }
}
