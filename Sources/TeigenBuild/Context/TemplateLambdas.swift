import Foundation
import TeigenCore
import TeigenTheme

/// The template lambdas: `relURL` and `absURL` (a site path made into the URL written in the output),
/// `asset` (a theme asset's fingerprinted URL), `integrity` (its SRI hash) and `image` (an image's
/// responsive markup, ``ImageMarkers``).
///
/// The URL and hash of every asset a template names literally (`{{#asset}}css/style.css{{/asset}}`) are
/// made once per build and written as they are on every page (see `TemplateLambda`).
enum TemplateLambdas {
    static func make(urls: SiteURLs, assets: AssetCatalog, theme: Theme) -> [String: TemplateLambda] {
        let url: @Sendable (String) -> String = { name in assets.asset(named: name).map { urls.rooted("/" + $0.outputPath) } ?? "" }
        let integrity: @Sendable (String) -> String = { name in assets.asset(named: name)?.integrity ?? "" }
        return [
            "relURL": TemplateLambda { text in urls.rooted(text.trimmingCharacters(in: .whitespacesAndNewlines)) },
            "absURL": TemplateLambda { text in urls.absolute(text.trimmingCharacters(in: .whitespacesAndNewlines)) },
            "asset": TemplateLambda(known: table(of: theme.literalSections(named: "asset"), url), url),
            "integrity": TemplateLambda(known: table(of: theme.literalSections(named: "integrity"), integrity), integrity),
            "image": ImageMarkers.lambda(sections: theme.sections(named: "image")),
        ]
    }

    /// `lambda`'s result for the text of each section.
    private static func table(of sections: [LiteralSection], _ lambda: (String) -> String) -> [String: String] {
        var table: [String: String] = [:]
        for section in sections { table[section.text] = lambda(section.text) }
        return table
    }
}
