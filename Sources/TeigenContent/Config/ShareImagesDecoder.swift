import TeigenCore
import Yams

/// Decodes `shareImages:` of `config.yaml`: `true`, `false`, or a mapping of the card's options. Colours
/// are checked where the cards are drawn (the build), which knows their form; their positions are kept.
struct ShareImagesDecoder {
    let decoder: NodeDecoder

    static let keys = ["accent", "background", "footer", "muted", "text", "textFont", "titleFont"]

    func settings(_ node: Node) throws(DiagnosticError) -> ShareImageSettings? {
        if case .scalar = node {
            return try decoder.bool(node, key: "shareImages") ? ShareImageSettings() : nil
        }
        guard case .mapping(let fields) = node else {
            throw DiagnosticError(decoder.reader.error("'shareImages' must be true, false or a mapping (\(Self.keys.joined(separator: ", ")))", at: node))
        }
        var settings = ShareImageSettings()
        for (keyNode, value) in fields {
            let key = keyNode.string ?? ""
            switch key {
            case "footer": settings.footer = try decoder.string(value, key: key)
            case "background": settings.background = try color(value, key: key)
            case "text": settings.text = try color(value, key: key)
            case "muted": settings.muted = try color(value, key: key)
            case "accent": settings.accent = try color(value, key: key)
            case "titleFont": settings.titleFont = try decoder.string(value, key: key)
            case "textFont": settings.textFont = try decoder.string(value, key: key)
            default:
                throw DiagnosticError(decoder.reader.error(
                    "unknown key '\(key)' in 'shareImages' (known keys: \(Self.keys.joined(separator: ", ")))", at: keyNode))
            }
        }
        return settings
    }

    private func color(_ node: Node, key: String) throws(DiagnosticError) -> ShareImageSettings.Color {
        ShareImageSettings.Color(hex: try decoder.string(node, key: key), location: decoder.reader.location(of: node))
    }
}
