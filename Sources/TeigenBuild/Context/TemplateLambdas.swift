import Foundation
import TeigenCore
import TeigenTheme

/// The template lambdas: `relURL` and `absURL` (a site path made into the URL written in the output),
/// `asset` (a theme asset's fingerprinted URL) and `integrity` (its SRI hash).
///
/// The URL and hash of every asset a template names literally (`{{#asset}}css/style.css{{/asset}}`) are
/// looked up once per build, so a page's lambda call is one dictionary lookup.
enum TemplateLambdas {
    static func make(urls: SiteURLs, assets: AssetCatalog, theme: Theme) -> [String: @Sendable (String) -> String] {
        let url: @Sendable (String) -> String = { name in assets.asset(named: name).map { urls.rooted("/" + $0.outputPath) } ?? "" }
        let integrity: @Sendable (String) -> String = { name in assets.asset(named: name)?.integrity ?? "" }
        let urlOf = table(of: theme.literalSections(named: "asset"), url)
        let integrityOf = table(of: theme.literalSections(named: "integrity"), integrity)
        return [
            "relURL": { text in urls.rooted(text.trimmingCharacters(in: .whitespacesAndNewlines)) },
            "absURL": { text in urls.absolute(text.trimmingCharacters(in: .whitespacesAndNewlines)) },
            "asset": { text in urlOf[text] ?? url(text) },
            "integrity": { text in integrityOf[text] ?? integrity(text) },
        ]
    }

    /// `lambda`'s result for the text of each section.
    private static func table(of sections: [LiteralSection], _ lambda: (String) -> String) -> [String: String] {
        var table: [String: String] = [:]
        for section in sections { table[section.text] = lambda(section.text) }
        return table
    }
}
