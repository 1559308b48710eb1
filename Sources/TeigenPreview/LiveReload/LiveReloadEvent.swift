import Foundation

/// A message to the open pages, sent as a server-sent event (`event: name`, `data: JSON`).
enum LiveReloadEvent: Sendable, Hashable {
    /// Sent first on every connection: the current build. A page built by another build reloads
    /// (it missed events while disconnected, or the server restarted).
    case hello(build: String)
    /// Pages changed: reload.
    case reload(build: String)
    /// Only stylesheets changed: swap them without reloading. Maps the URL paths of the old
    /// stylesheets to the new ones (`/css/style.3f2a9c1b.css` → `/css/style.9b8c7d6e.css`).
    case stylesheets(build: String, replacements: [String: String])
    /// The last rebuild failed: show the overlay, with its words in the page's language (the site's default
    /// language's for a page in none of the site's languages). Pages keep the last good build meanwhile.
    case error(build: String, failure: BuildFailure, text: OverlayText)
    /// A comment that keeps the connection alive and finds closed ones.
    case ping

    /// The event's name (`event:` field).
    var name: String {
        switch self {
        case .hello: "hello"
        case .reload: "reload"
        case .stylesheets: "css"
        case .error: "error"
        case .ping: "ping"
        }
    }

    /// The event in the `text/event-stream` format, ending with its blank line.
    var serverSentEvent: String {
        guard self != .ping else { return ": ping\n\n" }
        return "event: \(name)\ndata: \(json)\n\n"
    }

    /// The JSON payload: one line (JSONEncoder escapes line breaks inside strings).
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        switch self {
        case .hello(let build), .reload(let build):
            data = try? encoder.encode(["build": build])
        case .stylesheets(let build, let replacements):
            data = try? encoder.encode(StylesheetPayload(build: build, stylesheets: replacements))
        case .error(let build, let failure, let text):
            data = try? encoder.encode(
                ErrorPayload(
                    build: build, message: failure.message, diagnostics: failure.diagnostics, lang: text.language, text: text.strings,
                    texts: text.byPageLanguage))
        case .ping:
            data = nil
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private struct StylesheetPayload: Encodable {
        var build: String
        var stylesheets: [String: String]
    }

    private struct ErrorPayload: Encodable {
        var build: String
        var message: String
        var diagnostics: [BuildFailure.Entry]
        /// The language of `text`, for the overlay's `lang` attribute.
        var lang: String
        /// The overlay's own words in the site's default language (`OverlayText.Key` names to strings).
        var text: [String: String]
        /// The words for the pages of each of the site's languages, by language code, each with the language
        /// the words are in (`lang`): the overlay takes those of its page's `<html lang>`.
        var texts: [String: [String: String]]
    }
}
