/// Code or math whose HTML a tool makes after the conversion (a highlighter, a math converter), so that
/// one run of the tool serves every fragment of a build. The converted HTML holds a plain rendering of
/// each fragment (escaped code, the TeX as code) at its ``FragmentPlacement``s, which
/// ``RenderedMarkdown/replacingFragments(_:)`` replaces with the tool's HTML.
public struct MarkdownFragment: Sendable, Hashable {
    /// What the fragment is.
    public enum Kind: Sendable, Hashable {
        /// A fenced code block with an info string: its language and options as written
        /// (`swift {linenos=true hl_lines=[2,"4-5"]}`).
        case code(info: String)
        /// A formula: `$…$` (inline), `$$…$$` or a fenced `math` block (display).
        case math(display: Bool)
    }

    public var kind: Kind
    /// The code, or the TeX.
    public var text: String
    /// 1-based line and column in the Markdown given.
    public var line: Int
    public var column: Int

    public init(kind: Kind, text: String, line: Int, column: Int) {
        self.kind = kind
        self.text = text
        self.line = line
        self.column = column
    }
}

/// Where one fragment's plain rendering is in an HTML string: UTF-8 byte offsets.
public struct FragmentPlacement: Sendable, Hashable {
    /// The fragment's index in ``RenderedMarkdown/fragments``.
    public var fragment: Int
    /// The bytes of its plain rendering.
    public var range: Range<Int>

    public init(fragment: Int, range: Range<Int>) {
        self.fragment = fragment
        self.range = range
    }

    /// `html` with each placed fragment that `replacements` has HTML for replaced by it.
    public static func splice(_ html: String, placements: [FragmentPlacement], replacements: [Int: String]) -> String {
        guard placements.contains(where: { replacements[$0.fragment] != nil }) else { return html }
        let bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 2)
        var copied = 0
        for placement in placements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard let replacement = replacements[placement.fragment], placement.range.lowerBound >= copied,
                placement.range.upperBound <= bytes.count
            else { continue }
            result.append(contentsOf: bytes[copied..<placement.range.lowerBound])
            result.append(contentsOf: replacement.utf8)
            copied = placement.range.upperBound
        }
        result.append(contentsOf: bytes[copied...])
        return String(decoding: result, as: UTF8.self)
    }
}
