#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A string compared and hashed by its UTF-8 bytes, as HTML compares ids and as footnote labels match,
/// without `String`'s Unicode canonical equivalence (which costs a normalization for non-ASCII text).
struct ExactString: Hashable {
    var value: String

    init(_ value: String) {
        self.value = value
    }

    static func == (lhs: ExactString, rhs: ExactString) -> Bool {
        var left = lhs.value
        var right = rhs.value
        return left.withUTF8 { a in
            right.withUTF8 { b in
                a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var value = value
        value.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether the string starts with `prefix` (bytewise).
    func hasPrefix(_ prefix: String) -> Bool {
        value.utf8.starts(with: prefix.utf8)
    }
}
