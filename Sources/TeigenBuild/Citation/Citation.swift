import Crypto
import Foundation
import TeigenContent
import TeigenCore

/// What a suggested citation of a page says (front matter `citation`): the authors (the site's `author`,
/// a group), the title, the work it is part of, the publisher, the year and month, the URL. The date a
/// reader accessed the page is theirs to add. Written out as text in the page's language
/// (``CitationText``), BibTeX (``BibTeXEntry``), RIS (``RISRecord``) and `citation_*` meta tags (the
/// templates, from ``value``).
struct Citation: Sendable, Hashable {
    var kind: CitationSettings.Kind
    /// The BibTeX key (`example-proposals-1-2024`).
    var key: String
    var authors: [String]
    var title: String
    /// The title of the work a chapter is part of.
    var containerTitle: String?
    var publisher: String
    var year: Int
    var month: Int
    /// The page's absolute URL.
    var url: String
    /// The page's language (`ja`).
    var language: String
    /// The site paths of the BibTeX and RIS files (`/proposals/1/citation.bib`).
    var bibTeXPath: String
    var risPath: String

    /// The citation of the page at `index`, when its front matter asks for one, in the page's language (its
    /// `author` and `publisher`). A page without a date, or whose `partOf` names no page, is an error at its
    /// `citation`; a `partOf` in another language names that page's translation in this one, when it has one.
    static func make(forPageAt index: Int, graph: ContentGraph, urls: SiteURLs) throws(DiagnosticError) -> Citation? {
        let page = graph.pages[index]
        guard let settings = page.frontMatter.citation else { return nil }
        guard let date = page.frontMatter.date else {
            throw DiagnosticError(.error("'citation' needs the page's 'date' (the year and month it was published)", at: settings.location))
        }
        var container: String?
        if let partOf = settings.partOf {
            guard let named = graph.indexByContentPath[partOf] else {
                throw DiagnosticError(.error("'partOf' names page '\(partOf)', which does not exist in content/", at: settings.location))
            }
            container = graph.pages[graph.translation(of: named, in: page.language) ?? named].title
        }
        let language = graph.language(of: index)
        let authors = settings.authors ?? (language.author.isEmpty ? [] : [language.author])
        let publisher = settings.publisher ?? language.publisher
        guard !authors.isEmpty, !publisher.isEmpty else {
            throw DiagnosticError(.error(
                "'citation' needs authors and a publisher: set 'author' and 'publisher' in config.yaml, or 'authors' and 'publisher' here",
                at: settings.location))
        }
        // Beside the page: `proposals/1/citation.bib` for `proposals/1/index.html`.
        let folder = page.outputPath.split(separator: "/").dropLast().map { $0 + "/" }.joined()
        return Citation(
            kind: settings.kind, key: settings.key ?? defaultKey(page: page, year: date.year, urls: urls), authors: authors, title: page.title,
            containerTitle: container, publisher: publisher, year: date.year, month: date.month, url: urls.absolute(page.url),
            language: language.code, bibTeXPath: "/" + folder + "citation.bib", risPath: "/" + folder + "citation.ris")
    }

    /// `HOST-PATH-YEAR` in ASCII letters, digits and `-` (`spf-proposals-1-2024` for `https://www.spf.org/proposals/1/`):
    /// the host's first label after `www.`, each segment of the path without other characters; a path of
    /// nothing but other characters (Japanese) is replaced by six hexadecimal digits of a hash of it, so that
    /// no two pages of a site share a key.
    static func defaultKey(page: Page, year: Int, urls: SiteURLs) -> String {
        func ascii(_ part: some StringProtocol) -> String {
            String(part.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.map(Character.init)).lowercased()
        }
        var host = urls.origin.split(separator: "/").last.map(String.init) ?? ""
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var parts = [ascii(host.split(separator: ".").first ?? "")]
        let segments = page.url.split(separator: "/")
        let path = segments.map(ascii).filter { !$0.isEmpty }
        if path.isEmpty, !segments.isEmpty {
            parts.append(AssetCatalog.hex(SHA256.hash(data: Data(page.url.utf8)).prefix(3)))
        } else {
            parts += path
        }
        parts.append(String(year))
        return parts.filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// `2024/03`: Google Scholar's `citation_publication_date`, as precise as the citation is.
    var publicationDate: String {
        String(year) + "/" + (month < 10 ? "0" : "") + String(month)
    }

    /// The template value `page.citation`.
    func value(urls: SiteURLs) -> TemplateValue {
        .map([
            ("kind", .string(kind.rawValue)), ("isChapter", .bool(kind == .chapter)), ("key", .string(key)),
            ("authors", .array(authors.map { .string($0) })), ("title", .string(title)),
            ("containerTitle", containerTitle.map { .string($0) } ?? .null), ("publisher", .string(publisher)),
            ("year", .int(year)), ("month", .int(month)), ("publicationDate", .string(publicationDate)),
            ("issued", .string(CitationText.issued(self))), ("url", .string(url)), ("language", .string(language)),
            ("text", .string(CitationText.text(of: self))),
            ("bibtexURL", .string(urls.rooted(bibTeXPath))), ("risURL", .string(urls.rooted(risPath))),
        ])
    }
}
