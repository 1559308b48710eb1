/// A PDF the print engine wrote: what the site says about it (its size and page count) and what the
/// engine said while making it.
public struct PrintedDocument: Sendable, Hashable {
    /// The PDF's size in bytes.
    public var byteCount: Int
    public var pageCount: Int
    /// WeasyPrint's warnings (CSS it ignored, a file it could not read), to report as the build's warnings.
    public var warnings: [String]

    public init(byteCount: Int, pageCount: Int, warnings: [String] = []) {
        self.byteCount = byteCount
        self.pageCount = pageCount
        self.warnings = warnings
    }
}
