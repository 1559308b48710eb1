/// Makes MathML of TeX with latex2mathml (<https://pypi.org/project/latex2mathml/>), through Teigen's
/// Python driver: one process for all the formulas of a call. A command latex2mathml does not know is a
/// problem rather than a formula showing `\command`.
public struct LaTeXMathConverter: MathConverter {
    /// The Python interpreter that has latex2mathml (`python3` on `PATH` by default).
    public var python: String

    public init(python: String = "python3") {
        self.python = python
    }

    public var identity: String { "latex2mathml/\(PythonDriver.version)" }

    public func convert(_ formulas: [MathFormula]) async throws(ToolUnavailable) -> [MathResult] {
        try await PythonDriver(python: python).results("math", for: formulas)
    }
}
