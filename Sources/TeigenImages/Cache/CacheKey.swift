import Crypto
import Foundation

/// The name of a cache entry: SHA-256, in hex, over everything that decides its bytes.
///
/// SHA-256 from swift-crypto (BoringSSL, already built for the preview server's dependencies): with the
/// CPU's SHA extensions it hashes about 1.5 GB/s, so a warm build of hundreds of photographs spends
/// milliseconds on keys, and a collision between two different sources is not a practical concern, which
/// a 64-bit hash could not promise for a cache whose key also names the published files.
struct CacheKey: Sendable, Hashable, CustomStringConvertible {
    /// 64 lower-case hex digits.
    let hex: String

    /// The key of `source` processed with `options` by libvips `engine`. The file's name (its stem) is part
    /// of it: the entry's files are named after it, so two files with the same bytes get entries of their own.
    init(source: ImageSource, options: ImageOptions, engine: String) {
        let content = Self.hex(SHA256.hash(data: source.bytes))
        self.init(parts: ["image", String(CacheManifest.currentVersion), engine, options.fingerprint, source.stem, content])
    }

    /// The key of a drawing described by `parts` (for example a share card's text, colours and fonts).
    init(parts: [String]) {
        let joined = parts.joined(separator: "\u{0}")
        hex = Self.hex(SHA256.hash(data: Data(joined.utf8)))
    }

    /// The first eight hex digits: enough to tell versions of one file apart in its published name.
    var short: String { String(hex.prefix(8)) }

    var description: String { hex }

    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
