import CVipsBridge
import Foundation

/// A libvips call that failed, with libvips's own message.
struct VipsFailure: Error, Sendable, Hashable {
    /// What Teigen was doing ("resize", "save WebP").
    var action: String
    /// libvips's message, trimmed, possibly empty.
    var message: String

    /// The failure of `action`, taking (and clearing) the messages libvips collected.
    static func take(doing action: String) -> VipsFailure {
        let buffer = teigen_vips_take_error()
        defer { teigen_vips_free(buffer) }
        let text = buffer.map { String(cString: $0) } ?? ""
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        return VipsFailure(action: action, message: lines.filter { !$0.isEmpty }.joined(separator: "; "))
    }

    /// The action and libvips's message, as one phrase.
    var reason: String {
        message.isEmpty ? "libvips could not \(action)" : "libvips could not \(action): \(message)"
    }
}
