import Foundation

/// What a `Range` header asks of a representation of known length: a single byte range is served
/// (`206`); several ranges or a malformed header are ignored (the whole body, `200`, as RFC 9110 allows).
enum ByteRange: Sendable, Equatable {
    /// Serve everything.
    case whole
    /// Serve these bytes.
    case part(Range<Int>)
    /// Nothing of the representation lies in the range: `416`.
    case unsatisfiable

    /// Interprets `header` (such as `bytes=0-99`, `bytes=100-`, `bytes=-20`) for content of `length` bytes.
    init(header: String?, length: Int) {
        guard let header, length > 0 else {
            self = .whole
            return
        }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else {
            self = .whole
            return
        }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else {
            self = .whole
            return
        }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        guard first.allSatisfy(\.isASCIIDigit), last.allSatisfy(\.isASCIIDigit) else {
            self = .whole
            return
        }
        switch (Int(first), Int(last)) {
        case (nil, nil):
            if !first.isEmpty {
                self = .unsatisfiable  // a start too large for Int: beyond the content
            } else if !last.isEmpty {
                self = .part(0..<length)  // a suffix too large for Int: everything
            } else {
                self = .whole  // `bytes=-`: malformed, ignored
            }
        case (nil, let suffixLength?):
            guard first.isEmpty else {
                self = .unsatisfiable  // a start beyond Int: beyond the content
                return
            }
            self = suffixLength == 0 ? .unsatisfiable : .part(max(0, length - suffixLength)..<length)
        case (let start?, nil):
            // `bytes=100-`, or an end too large for Int: up to the end.
            self = start < length ? .part(start..<length) : .unsatisfiable
        case (let start?, let end?):
            guard start <= end else {
                self = .whole  // invalid: ignored
                return
            }
            self = start < length ? .part(start..<(min(end, length - 1) + 1)) : .unsatisfiable
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
