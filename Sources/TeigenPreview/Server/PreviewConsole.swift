import Foundation

/// Where the preview server writes for the user: progress on standard output, errors on standard error.
///
/// Writes go straight to the file descriptors (unbuffered), so a program reading the output through
/// a pipe sees `Serving at …` at once.
public struct PreviewConsole: Sendable {
    /// Writes a line of progress.
    public var info: @Sendable (String) -> Void
    /// Writes a line about a problem.
    public var error: @Sendable (String) -> Void

    /// A console writing through the given closures.
    public init(info: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.info = info
        self.error = error
    }

    /// Standard output and standard error.
    public static var standard: PreviewConsole {
        PreviewConsole(
            info: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
            error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        )
    }

    /// Discards everything (tests).
    public static var silent: PreviewConsole {
        PreviewConsole(info: { _ in }, error: { _ in })
    }
}
