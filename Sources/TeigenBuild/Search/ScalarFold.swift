import Foundation

/// Rule 1 of ``SearchText``: each character folded on its own, NFKC then lower case, kept only when
/// the result is one character. The search page's script folds a query the same way
/// (`normalize("NFKC").toLowerCase()`).
///
/// Foundation's normalization is slow for one character at a time, so the Basic Multilingual Plane is
/// folded once into a table (CJK ideographs and Hangul syllables, which fold to themselves, are skipped);
/// characters beyond it are folded when met.
struct ScalarFold: Sendable {
    /// For each BMP scalar: its folded scalar (bits 0–20), the folded scalar's ``SearchText/Kind`` (bits
    /// 21–22) and whether it is a combining mark (bit 23).
    private let table: [UInt32]

    init() {
        var table: [UInt32] = []
        table.reserveCapacity(0x10000)
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else {
                table.append(Self.pack(Unicode.Scalar(0xFFFD)!))  // surrogates: never in a String
                continue
            }
            if value < 0x80 {
                table.append(Self.pack((0x41...0x5A).contains(value) ? Unicode.Scalar(value + 0x20)! : scalar))
            } else if (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) {
                table.append(Self.pack(scalar))
            } else {
                table.append(Self.pack(Self.fold(scalar)))
            }
        }
        self.table = table
    }

    /// The folded scalar.
    subscript(scalar: Unicode.Scalar) -> Unicode.Scalar {
        read(scalar).scalar
    }

    /// The folded scalar, its kind and whether it is a combining mark.
    func read(_ scalar: Unicode.Scalar) -> (scalar: Unicode.Scalar, kind: SearchText.Kind, isMark: Bool) {
        let packed = scalar.value < 0x10000 ? table[Int(scalar.value)] : Self.pack(Self.fold(scalar))
        return (Unicode.Scalar(packed & 0x1FFFFF)!, SearchText.Kind(rawValue: UInt8((packed >> 21) & 3))!, packed & (1 << 23) != 0)
    }

    private static func pack(_ folded: Unicode.Scalar) -> UInt32 {
        folded.value | UInt32(SearchText.kind(of: folded).rawValue) << 21 | (SearchText.isMark(folded) ? 1 << 23 : 0)
    }

    /// Folds one character with Foundation (the table's source).
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let normalized = String(scalar).precomposedStringWithCompatibilityMapping
        let lower = normalized.lowercased()
        if lower.unicodeScalars.count == 1 { return lower.unicodeScalars.first! }
        if normalized.unicodeScalars.count == 1 { return normalized.unicodeScalars.first! }
        return scalar
    }
}
