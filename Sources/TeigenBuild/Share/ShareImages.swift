import Foundation
import TeigenContent
import TeigenCore
import TeigenImages

/// The `share images` step (`shareImages` in config.yaml): a 1200×630 card for every page without its own
/// share image (front matter `ogImage`), with the page's title and the site's name, drawn by TeigenImages
/// (libvips and Pango, Noto CJK) and cached by its inputs in `.teigen-cache/images/`. Each card is
/// written beside its page (`proposals/1/share.3fa2c1d9.png`), its name changing with its content, so
/// that a changed title gets a new URL that social sites fetch anew.
struct ShareImages: Sendable {
    /// What a page's `og:image` tags say about its generated card.
    struct Card: Sendable, Hashable {
        /// The site path of the image (`/proposals/1/share.3fa2c1d9.png`).
        var path: String
        var width: Int
        var height: Int
        /// What the card shows, for `og:image:alt`.
        var alt: String
    }

    /// Each page's card, by page index.
    var cards: [Int: Card] = [:]
    /// The image files, by output path.
    var files: [OutputFile] = []

    /// The cards of the pages of `site` that need one, when the site asks for them.
    static func make(site: SiteContext, siteDirectory: URL, configText: String, jobs: Int) async throws(DiagnosticError) -> ShareImages {
        guard let settings = site.config.shareImages else { return ShareImages() }
        let style = try style(settings, configText: configText)
        let processor = ImageProcessor(cache: ImageCache(directory: ImageCache.directory(forSite: siteDirectory.path)))
        let pages = site.graph.pages.indices.filter { PublicationValues.ownShareImage(of: site.graph.pages[$0]) == nil }
        let requests = pages.map { index in (index, card(forPageAt: index, site: site, settings: settings, style: style)) }
        // One card at a time: Pango's markup parsing in libvips' text operation is not safe from several
        // threads at once (parallel drawing failed now and then with "invalid markup in text").
        let made = try await draw(requests, processor: processor, jobs: 1, site: site)
        var result = ShareImages()
        var written = Set<String>()
        for (index, image, data, alt) in made {
            let page = site.graph.pages[index]
            let path = page.outputPath.split(separator: "/").dropLast().map { $0 + "/" }.joined() + image.fileName
            result.cards[index] = Card(path: "/" + path, width: image.size.width, height: image.size.height, alt: alt)
            // Two pages in one folder with the same card share its file.
            if written.insert(path).inserted {
                result.files.append(OutputFile(path: path, data: data, origin: "the share image of \(page.source.sourcePath)"))
            }
        }
        return result
    }

    /// The card of a page, in the page's language: its title under the site's name (under the author's, or
    /// else the publisher's, for a page titled as the site), the footer of the settings (else the publisher).
    static func card(forPageAt index: Int, site: SiteContext, settings: ShareImageSettings, style: ShareCardStyle) -> (ShareCard, alt: String) {
        let page = site.graph.pages[index]
        let language = site.graph.language(of: index)
        let owner = language.author.isEmpty ? language.publisher : language.author
        let siteName = page.title == language.title && !owner.isEmpty ? owner : language.title
        let footer = settings.footer ?? language.publisher
        let card = ShareCard(title: page.title, siteName: siteName, footer: footer.isEmpty ? nil : footer, language: language.code, style: style)
        let separator = language.code == "ja" || language.code.hasPrefix("ja-") ? "：" : ": "
        return (card, siteName + separator + page.title)
    }

    /// The style the settings ask for: the engine's default, with the colours and fonts given.
    static func style(_ settings: ShareImageSettings, configText: String) throws(DiagnosticError) -> ShareCardStyle {
        var style = ShareCardStyle.default
        var errors: [Diagnostic] = []
        func color(_ setting: ShareImageSettings.Color?, _ name: String) -> RGBColor? {
            guard let setting else { return nil }
            guard let color = RGBColor(hex: setting.hex) else {
                errors.append(.error(
                    "'\(name)' of 'shareImages' must be a colour such as '#1d365c' (got '\(Diagnostic.shown(setting.hex))')",
                    at: setting.location, source: configText))
                return nil
            }
            return color
        }
        style.background = color(settings.background, "background") ?? style.background
        style.text = color(settings.text, "text") ?? style.text
        style.muted = color(settings.muted, "muted") ?? style.muted
        style.accent = color(settings.accent, "accent") ?? style.accent
        style.titleFont = settings.titleFont ?? style.titleFont
        style.textFont = settings.textFont ?? style.textFont
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return style
    }

    /// Draws (or finds in the cache) the cards, `jobs` at a time, each lane taking every `jobs`-th card.
    private static func draw(
        _ requests: [(Int, (ShareCard, alt: String))], processor: ImageProcessor, jobs: Int, site: SiteContext
    ) async throws(DiagnosticError) -> [(Int, ShareImage, Data, String)] {
        let lanes = max(1, min(jobs, requests.count))
        let outcome = await withTaskGroup(of: Result<[(Int, ShareImage, Data, String)], DiagnosticError>.self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var made: [(Int, ShareImage, Data, String)] = []
                    for position in stride(from: lane, to: requests.count, by: lanes) {
                        let (index, (card, alt)) = requests[position]
                        let page = site.graph.pages[index].source.sourcePath
                        do {
                            let image = try await processor.shareImage(for: card, page: page)
                            made.append((index, image, try Data(contentsOf: URL(fileURLWithPath: image.path)), alt))
                        } catch is CancellationError {
                            return .failure(.cancelled)
                        } catch let error as ImageError {
                            return .failure(DiagnosticError(error.diagnostic(at: SourceLocation(path: page, line: 1, column: 1))))
                        } catch {
                            return .failure(DiagnosticError(.error("cannot read the share image of '\(page)': \(error)", at: SourceLocation(path: page))))
                        }
                    }
                    return .success(made)
                }
            }
            var all: [(Int, ShareImage, Data, String)] = []
            var errors: [Diagnostic] = []
            for await result in group {
                switch result {
                case .success(let made): all += made
                case .failure(let error): errors += error.diagnostics
                }
            }
            return errors.isEmpty ? Result<[(Int, ShareImage, Data, String)], DiagnosticError>.success(all) : .failure(DiagnosticError(errors))
        }
        try BuildPipeline.checkCancellation()
        return try outcome.get().sorted { $0.0 < $1.0 }
    }
}
