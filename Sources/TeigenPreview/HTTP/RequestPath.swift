import TeigenCore

/// The path of a request, percent-decoded one segment at a time and checked, so that it can only
/// name something inside the snapshot.
///
/// Rejected (`400`): a path not starting with `/`, malformed percent escapes, bytes that are not
/// valid UTF-8 (overlong encodings included), control characters, backslashes, encoded slashes,
/// and `.` or `..` segments. Decoding happens once: `%252e` stays the three characters `%2e`.
struct RequestPath: Sendable, Hashable {
    /// Why a path was rejected.
    struct Invalid: Error, Equatable {}

    /// The decoded segments, without empty trailing segment: `/a/b/` is `["a", "b"]`.
    let segments: [String]
    /// Whether the path ends with `/` (the root `/` does).
    let hasTrailingSlash: Bool

    init(segments: [String], hasTrailingSlash: Bool) {
        self.segments = segments
        self.hasTrailingSlash = hasTrailingSlash
    }

    /// Parses the raw (still percent-encoded) path of a request target, without its query.
    init(encoded raw: String) throws(Invalid) {
        guard raw.first == "/" else { throw Invalid() }
        var parts = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let trailing = parts.last?.isEmpty ?? true
        if trailing { parts.removeLast() }
        var decoded: [String] = []
        for part in parts {
            decoded.append(try Self.decode(segment: part))
        }
        self.init(segments: decoded, hasTrailingSlash: trailing || decoded.isEmpty)
    }

    /// Whether a segment is empty (`//` in the path): such paths name nothing.
    var hasEmptySegment: Bool {
        segments.contains(where: \.isEmpty)
    }

    /// The output-relative key of the file the path names directly (`a/b.css`).
    var key: String {
        segments.joined(separator: "/")
    }

    /// The path percent-encoded again, for `Location` headers: always absolute, never `//…`.
    var encoded: String {
        "/" + segments.map(Self.encode).joined(separator: "/") + (hasTrailingSlash && !segments.isEmpty ? "/" : "")
    }

    /// Whether this path begins with all the segments of `prefix`.
    func starts(with prefix: RequestPath) -> Bool {
        segments.starts(with: prefix.segments)
    }

    /// The segments after `prefix`, keeping the trailing slash.
    func dropping(_ prefix: RequestPath) -> RequestPath {
        RequestPath(segments: Array(segments.dropFirst(prefix.segments.count)), hasTrailingSlash: hasTrailingSlash)
    }

    /// This path followed by `other`.
    func appending(_ other: RequestPath) -> RequestPath {
        RequestPath(segments: segments + other.segments, hasTrailingSlash: other.hasTrailingSlash)
    }

    /// This path with a trailing slash.
    var asDirectory: RequestPath {
        RequestPath(segments: segments, hasTrailingSlash: true)
    }

    private static func decode(segment: Substring) throws(Invalid) -> String {
        // Malformed escapes and invalid UTF-8 (overlong forms such as %C0%AE included) give nil.
        guard let text = URLPath.decode(String(segment)) else { throw Invalid() }
        guard text != ".", text != ".." else { throw Invalid() }
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "/" || scalar == "\\" {
            throw Invalid()
        }
        return text
    }

    /// Percent-encodes everything but unreserved characters and the sub-delimiters safe in a path.
    private static func encode(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
                UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
