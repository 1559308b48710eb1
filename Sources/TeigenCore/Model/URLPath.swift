/// Helpers for the site's URL paths: joining, percent-encoding, and relative forms.
public enum URLPath {
    /// The path part of an absolute base URL, starting and ending with `/`.
    public static func basePath(ofBaseURL baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterScheme = baseURL[schemeEnd.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return "/" }
        var path = splitSuffix(String(afterScheme[slash...])).path
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The origin of an absolute URL: `https://example.org`.
    public static func origin(ofBaseURL baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL }
        let afterScheme = baseURL[schemeEnd.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return baseURL }
        return String(baseURL[..<slash])
    }

    /// Percent-encodes what may not appear raw in a URL path (non-ASCII, spaces, quotes); keeps `/`, `#`, `?` etc.
    public static func encode(_ path: String) -> String {
        var path = path
        let encoded = path.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { !keeps[Int($0)] }) else { return nil }
            let hex = Array("0123456789ABCDEF".utf8)
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count * 3)
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if keeps[Int(byte)] {
                    output.append(byte)
                } else {
                    output.append(UInt8(ascii: "%"))
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 0xF)])
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        return encoded ?? path
    }

    /// The bytes ``encode(_:)`` keeps as they are: letters, digits and `-._~/!$&'()*+,;=:@%#?`.
    private static let keeps: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "-._~/!$&'()*+,;=:@%#?".utf8.contains(UInt8(byte))
        }
    }

    /// Decodes `%XX` sequences; nil when they do not form valid UTF-8.
    public static func decode(_ path: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        var iterator = Array(path.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let h = iterator.next(), let l = iterator.next(), let hi = hexValue(h), let lo = hexValue(l) else {
                    return nil
                }
                bytes.append(hi << 4 | lo)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The relative URL that leads from the page at `from` (a site path such as `/a/b/` or `/404.html`) to `to`.
    public static func relative(from: String, to: String) -> String {
        var fromDirs = from.split(separator: "/").map(String.init)
        if !from.hasSuffix("/"), !fromDirs.isEmpty { fromDirs.removeLast() }
        let (toPath, suffix) = splitSuffix(to)
        let toParts = toPath.split(separator: "/").map(String.init)
        let toIsDirectory = toPath.hasSuffix("/")
        let limit = min(fromDirs.count, toParts.count - (toIsDirectory ? 0 : 1))
        var common = 0
        while common < limit, fromDirs[common] == toParts[common] { common += 1 }
        let parts = Array(repeating: "..", count: fromDirs.count - common) + toParts[common...]
        var result = parts.joined(separator: "/")
        if result.isEmpty {
            result = "./"
        } else if toIsDirectory {
            result += "/"
        }
        return result + suffix
    }

    /// Splits `path?query#fragment` into the path and the rest.
    public static func splitSuffix(_ url: String) -> (path: String, suffix: String) {
        // Searched as bytes: `?` and `#` are ASCII, and a link is read once per page that has it.
        if let index = url.utf8.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            return (String(url.unicodeScalars[..<index]), String(url.unicodeScalars[index...]))
        }
        return (url, "")
    }

    /// Whether a link destination is external or special (has a scheme, or is protocol-relative).
    public static func isExternal(_ destination: String) -> Bool {
        let bytes = destination.utf8
        if bytes.starts(with: "//".utf8) { return true }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                true
            default: false
            }
        }
    }
}
