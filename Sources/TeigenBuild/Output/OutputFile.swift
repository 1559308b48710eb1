import Foundation

/// One file of a build's output, with where it came from (for the message when two sources make the same file).
struct OutputFile: Sendable {
    /// The path relative to the output folder (`proposals/1/index.html`).
    var path: String
    /// The bytes; nil for a page already written into the staging folder.
    var data: Data?
    /// What made it: a source file, or a description (`the sitemap`).
    var origin: String
}
