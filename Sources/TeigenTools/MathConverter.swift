/// Makes MathML of TeX formulas, all of a build's at once (a Python process started once per build).
/// Tests use their own.
public protocol MathConverter: Sendable {
    /// Names the converter and what decides its output, for cache keys (`latex2mathml/1`).
    var identity: String { get }
    /// The MathML (`<math …>…</math>`) or a problem for each formula, in order; throws when the tool cannot
    /// be run at all.
    func convert(_ formulas: [MathFormula]) async throws(ToolUnavailable) -> [MathResult]
}

/// What became of one formula.
public enum MathResult: Sendable, Hashable, Codable {
    case mathML(String)
    /// The formula could not be converted (an incomplete one, an unknown command): why.
    case problem(String)
}
