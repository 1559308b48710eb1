import TeigenCore

/// A template's output while it renders. The template's own text and the small values between it are gathered as
/// bytes and made a String a run at a time; a large value (a page's body, its table of contents) is appended as the
/// String it already is. Appending to a String costs about 300 instructions a piece and a page is hundreds of pieces
/// (a fifth of the own theme's build), while making a String of bytes validates them as UTF-8 again, which for a
/// page's body costs more than it saves.
struct RenderOutput {
    /// The output up to the bytes not yet made a String.
    private var text = ""
    /// The output after `text`.
    private var pending: [UInt8] = []

    /// Values at least this long (in UTF-8 bytes) are appended as Strings.
    private static let largeValue = 128

    init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
        pending.reserveCapacity(min(capacity, 4096))
    }

    var isEmpty: Bool { text.isEmpty && pending.isEmpty }

    /// Whether the output so far ends with a newline.
    var endsWithNewline: Bool { (pending.last ?? text.utf8.last) == UInt8(ascii: "\n") }

    mutating func append(_ value: String) {
        if value.utf8.count >= Self.largeValue {
            flush()
            text += value
        } else {
            pending.append(contentsOf: value.utf8)
        }
    }

    /// Appends `value` escaped for HTML (``HTMLText``).
    mutating func appendEscaped(_ value: String) {
        HTMLText.escape(value, into: &pending)
    }

    mutating func append(_ other: RenderOutput) {
        if other.text.isEmpty {
            pending += other.pending
        } else {
            flush()
            text += other.text
            pending = other.pending
        }
    }

    /// The output as one String.
    consuming func finish() -> String {
        flush()
        return text
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        text += String(decoding: pending, as: UTF8.self)
        pending.removeAll(keepingCapacity: true)
    }
}
