import Foundation
import TeigenCore
import TeigenTheme

/// The cache key of each rendered page (``RenderCache``): it changes whenever the page's output could, with
/// the values every page shares, the page's own context, its template or a template that one includes.
struct PageKeys: Sendable {
    private let memo: Memo<PageRenderer.Kept>
    private let templates: [String]
    /// The key of what every page depends on: the shared values, the configuration, the assets.
    private let shared: Int
    /// The key of each template with the partials and parents it includes, by name.
    private let templateKeys: [String: Int]

    init(renderer: PageRenderer, memo: Memo<PageRenderer.Kept>) {
        self.memo = memo
        templates = renderer.templates
        let site = renderer.site
        shared = memo.key { hasher in
            site.hashShared(into: &hasher)
            hasher.combine(site.config)
            renderer.images.catalog.fingerprint(into: &hasher)
            for (name, asset) in site.assets.assets.sorted(by: { $0.key < $1.key }) {
                hasher.combine(name)
                hasher.combine(asset.outputPath)
                hasher.combine(asset.integrity)
            }
        }
        var templateKeys: [String: Int] = [:]
        for name in Set(templates) where !name.isEmpty {
            templateKeys[name] = memo.key { hasher in
                for used in renderer.theme.templatesUsed(by: name) {
                    hasher.combine(used)
                    hasher.combineBytes(of: renderer.theme.text(of: used) ?? "")
                }
            }
        }
        self.templateKeys = templateKeys
    }

    /// The key of page `index`, whose context is `context`.
    func key(ofPageAt index: Int, context: TemplateContext) -> Int {
        memo.key { hasher in
            let name = templates[index]
            hasher.combine(shared)
            hasher.combine(name)
            hasher.combine(templateKeys[name] ?? 0)
            hasher.combine(context.own["page"])
            hasher.combine(context.own["site"])
        }
    }
}
