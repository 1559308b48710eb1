import TeigenCore

/// An image that could not be read, processed or cached, naming the file. The caller places it at the
/// reference (`diagnostic(at:)`): the Markdown or template line that asked for the image.
public struct ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The image file (or, for a share image, the page) concerned.
    public var path: String
    public var problem: Problem

    /// What went wrong.
    public enum Problem: Sendable, Hashable {
        /// The file could not be read (missing, a folder, no permission).
        case unreadable(String)
        /// The bytes are not an image in a format Teigen takes.
        case unsupportedFormat
        /// The bytes start like an image but do not decode (truncated, corrupt).
        case corrupt(String)
        /// The processing options are not usable.
        case invalidOptions(String)
        /// The cache folder could not be written.
        case cache(String)
        /// libvips could not start, or failed outside any one image.
        case engine(String)
    }

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// The message, naming the file.
    public var description: String {
        switch problem {
        case .unreadable(let reason): "cannot read image '\(path)': \(reason)"
        case .unsupportedFormat:
            "'\(path)' is not an image Teigen can use (JPEG, PNG, WebP, GIF, SVG, AVIF, HEIF or TIFF)"
        case .corrupt(let reason): "image '\(path)' is corrupt or truncated: \(reason)"
        case .invalidOptions(let reason): "image options for '\(path)': \(reason)"
        case .cache(let reason): "cannot cache image '\(path)': \(reason)"
        case .engine(let reason): "cannot process image '\(path)': \(reason)"
        }
    }

    /// The error as a diagnostic at the reference to the image (`page.md:12:3`), with its source line if given.
    public func diagnostic(at reference: SourceLocation, source: String? = nil) -> Diagnostic {
        .error(description, at: reference, source: source)
    }
}
