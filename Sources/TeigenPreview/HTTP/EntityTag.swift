import Foundation

/// A strong entity tag (`"…"`) derived from content, for `ETag`, `If-None-Match` and `If-Range`.
struct EntityTag: Sendable, Hashable, CustomStringConvertible {
    /// The header value, quotes included.
    let description: String

    init(opaque: String) {
        description = "\"" + opaque + "\""
    }

    /// The tag of some bytes: their 64-bit FNV-1a hash and length.
    init(content: Data) {
        self.init(opaque: Self.fingerprint(of: content))
    }

    /// A tag for content derived from tagged content, such as a page with the live-reload script added.
    func variant(_ suffix: String) -> EntityTag {
        EntityTag(opaque: String(description.dropFirst().dropLast()) + "-" + suffix)
    }

    /// Whether an `If-None-Match` header names this tag (weak comparison, as RFC 9110 asks).
    func isMatched(byIfNoneMatch header: String) -> Bool {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if trimmed == "*" { return true }
        return Self.tags(in: trimmed).contains { $0.hasPrefix("W/") ? String($0.dropFirst(2)) == description : $0 == description }
    }

    /// Whether an `If-Range` header names this tag (strong comparison).
    func isMatched(byIfRange header: String) -> Bool {
        header.trimmingCharacters(in: .whitespaces) == description
    }

    /// 64-bit FNV-1a of the bytes, in hex, then the length in hex.
    static func fingerprint(of content: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        content.withUnsafeBytes { bytes in
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(content.count, radix: 16)
    }

    /// The comma-separated tags of a header; commas inside quotes do not split.
    private static func tags(in header: String) -> [String] {
        var tags: [String] = []
        var current = ""
        var quoted = false
        for character in header {
            if character == "\"" { quoted.toggle() }
            if character == "," && !quoted {
                tags.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        tags.append(current.trimmingCharacters(in: .whitespaces))
        return tags.filter { !$0.isEmpty }
    }
}
