import Foundation

/// A PDF the print engine made: its bytes, its page count (the site shows both) and what the engine
/// said while making it.
struct PrintedDocument: Sendable, Hashable {
    /// The PDF.
    var data: Data
    var pageCount: Int
    /// WeasyPrint's warnings (CSS it ignored, a file it could not read), reported as the build's warnings.
    var warnings: [String]

    /// The PDF's size in bytes.
    var byteCount: Int { data.count }
}
