import TeigenContent
import TeigenCore

/// What a page says about it as a publication, beyond its text: its suggested citation (`page.citation`),
/// the print edition that holds it (`page.printEdition`) and its share image (`page.ogImage` and the rest).
/// Made in steps: the citations with the contexts, the share images and the PDFs in steps of their own.
struct PublicationValues: Sendable {
    /// What the site shows of a PDF: its size and page count.
    struct PrintFacts: Sendable, Hashable {
        var byteCount: Int
        var pageCount: Int
    }

    /// Each cited page's citation, by page index.
    var citations: [Int: Citation] = [:]
    /// Each page's generated share image, by page index.
    var shareCards: [Int: ShareImages.Card] = [:]
    /// The print edition's documents (`pdf` in config.yaml).
    var documents: [PrintDocument] = []
    /// The document that holds each page (in the page's language), by page index: an index of ``documents``.
    var holders: [Int: Int] = [:]
    /// What is known of each document's PDF, by output path (nothing before it is made, in the preview's
    /// first build: the pages then link no PDF).
    var printFacts: [String: PrintFacts] = [:]

    /// The values known once the content graph is: the pages' citations and the pages each document holds;
    /// errors (a bad `citation`, a page a document lists that does not exist) for all of them together.
    init(graph: ContentGraph, documents: [PrintDocument], urls: SiteURLs) throws(DiagnosticError) {
        var errors: [Diagnostic] = []
        for index in graph.pages.indices where graph.pages[index].frontMatter.citation != nil {
            do throws(DiagnosticError) {
                citations[index] = try Citation.make(forPageAt: index, graph: graph, urls: urls)
            } catch {
                errors += error.diagnostics
            }
        }
        for (number, document) in documents.enumerated() {
            do throws(DiagnosticError) {
                for index in try PrintEdition.pageIndices(of: document, in: graph) where holders[index] == nil { holders[index] = number }
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        self.documents = documents
    }

    /// The page's own share image (front matter `ogImage`, or `image`), if it has one.
    static func ownShareImage(of page: Page) -> String? {
        let params = PageSummary.params(of: page.frontMatter)
        return params["ogImage"]?.stringValue ?? params["image"]?.stringValue
    }


    /// The values of page `index` (see the README's "Template variables").
    func pairs(forPageAt index: Int, graph: ContentGraph, urls: SiteURLs) -> [(String, TemplateValue)] {
        let page = graph.pages[index]
        var pairs: [(String, TemplateValue)] = []
        // A PDF not made yet (the preview's first build makes it after serving the pages) is not linked.
        let document = holders[index].map { documents[$0] }.flatMap { printFacts[$0.outputPath] == nil ? nil : $0 }
        if let document, let facts = printFacts[document.outputPath] {
            pairs.append(("printEdition", .map([
                ("url", .string(urls.rooted(document.sitePath))), ("permalink", .string(urls.absolute(document.sitePath))),
                ("title", .string(document.title)), ("language", .string(document.language)), ("byteCount", .int(facts.byteCount)),
                ("size", .string(Self.size(facts.byteCount))), ("pageCount", .int(facts.pageCount)),
            ])))
        }
        if let citation = citations[index] {
            var value = citation.value(urls: urls)
            if let document { value = value.merging(.map([("pdfURL", .string(urls.absolute(document.sitePath)))])) }
            pairs.append(("citation", value))
        }
        pairs += shareImagePairs(of: page, card: shareCards[index], language: graph.language(of: index), urls: urls)
        return pairs
    }

    /// `ogImage` (absolute), `ogImageWidth`/`ogImageHeight` and `ogImageAlt` (for a generated card),
    /// `twitterCard` (`summary_large_image` with an image, `summary` without).
    /// A page without an image of its own or a card takes its language's `params.image`, if any.
    private func shareImagePairs(of page: Page, card: ShareImages.Card?, language: Language, urls: SiteURLs) -> [(String, TemplateValue)] {
        let params = PageSummary.params(of: page.frontMatter)
        let own = Self.ownShareImage(of: page) ?? (card == nil ? language.params["image"]?.stringValue : nil)
        var pairs: [(String, TemplateValue)] = []
        if let own {
            pairs.append(("ogImage", .string(URLPath.isExternal(own) ? own : urls.absolute(own))))
            pairs.append(("ogImageAlt", .string(params["ogImageAlt"]?.stringValue ?? page.title)))
        } else if let card {
            pairs += [
                ("ogImage", .string(urls.absolute(card.path))), ("ogImageWidth", .int(card.width)), ("ogImageHeight", .int(card.height)),
                ("ogImageAlt", .string(card.alt)),
            ]
        } else {
            pairs.append(("ogImage", .string("")))
        }
        let hasImage = own != nil || card != nil
        pairs.append(("twitterCard", .string(hasImage ? "summary_large_image" : "summary")))
        return pairs
    }

    /// A size as the site shows it next to a download link: `850 kB`, `1.2 MB` (1 kB = 1,000 bytes).
    static func size(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 500) / 1000)) kB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
