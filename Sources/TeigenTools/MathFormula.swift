/// A formula in TeX to make MathML of.
public struct MathFormula: Sendable, Hashable, Codable {
    public var tex: String
    /// Whether it stands as a block (`$$…$$`, a `math` block) rather than in a line of text.
    public var display: Bool

    public init(tex: String, display: Bool) {
        self.tex = tex
        self.display = display
    }
}
