import Foundation
import TeigenCore

/// An image file's path and bytes: what the processor works from. Reading is the caller's (IO at the edge).
public struct ImageSource: Sendable, Hashable {
    /// The file's path as the user should see it in messages (`site/content/proposals/map.png`).
    public var path: String
    /// The file's bytes.
    public var bytes: Data

    public init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }

    /// The file at `path`, read through `fileSystem`; a missing or unreadable file is an `ImageError`.
    public static func read(_ path: String, from fileSystem: any FileSystem) throws(ImageError) -> ImageSource {
        do throws(FileSystemError) {
            return ImageSource(path: path, bytes: try fileSystem.read(path))
        } catch {
            throw ImageError(path: path, problem: .unreadable(error.reason))
        }
    }

    /// The file's name without folders and extension, made safe for a URL (`map` for `figures/map.png`):
    /// spaces, commas and URL delimiters become `-`, which would otherwise split a `srcset`.
    var stem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let base = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        let unsafe: Set<Character> = [" ", ",", "?", "#", "%", "\"", "'", "<", ">", "\\", "&", "+", ";", "="]
        let safe = String(base.map { unsafe.contains($0) || $0.isWhitespace ? "-" : $0 })
        return safe.isEmpty ? "image" : safe
    }
}
