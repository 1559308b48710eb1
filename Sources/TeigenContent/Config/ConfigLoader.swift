import Foundation
import TeigenCore
import Yams

/// Reads `site/config.yaml` into a `SiteConfig`, rejecting unknown keys and wrong types with file:line:column.
public enum ConfigLoader {
    static let knownKeys: Set<String> = [
        "title", "description", "baseURL", "language", "author", "publisher", "menus", "params", "dateFormat",
        "dateFormatMonth", "calendar", "markdown", "search", "relativeURLs", "allowSymlinksOutside", "images", "languages", "taxonomies",
        "paginate", "paginatePath", "related", "timeZone", "pdf", "shareImages",
    ]

    /// Decodes `text` (the contents of the file at `path`). `baseURLOverride` replaces `baseURL` (`--base-url`).
    public static func load(_ text: String, path: String, baseURLOverride: String? = nil) throws(DiagnosticError) -> SiteConfig {
        let reader = YAMLReader(path: path, fileText: text, firstLine: 1)
        guard let root = try reader.compose(text), case .mapping(let mapping) = root else {
            throw DiagnosticError(.error("config must be a YAML mapping with at least 'title' and 'baseURL'", at: SourceLocation(path: path, line: 1, column: 1), source: text))
        }
        var errors: [Diagnostic] = []
        var config = SiteConfig(title: "", baseURL: "", path: path)
        var sawTitle = false
        var sawBaseURL = false
        let decoder = NodeDecoder(reader: reader)
        var languageList: Node?
        var languageKey: Node?
        var dates = DateSettings(pattern: config.dateFormat.pattern)
        var printDocuments: Node?
        let lists = ListSettings(decoder: decoder)
        var relatedNode: Node?
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            do throws(DiagnosticError) {
                switch key {
                case "title": config.title = try decoder.string(value, key: key); sawTitle = true
                case "description": config.description = try decoder.string(value, key: key)
                case "baseURL":
                    config.baseURL = try decoder.string(value, key: key)
                    sawBaseURL = true
                    if baseURLOverride == nil, let problem = Self.problem(withBaseURL: config.baseURL) {
                        throw DiagnosticError(reader.error(problem, at: value))
                    }
                case "language":
                    config.language = try decoder.string(value, key: key)
                    languageKey = value
                case "languages": languageList = value
                case "author": config.author = try decoder.string(value, key: key)
                case "publisher": config.publisher = try decoder.string(value, key: key)
                case "dateFormat", "dateFormatMonth", "calendar": try dates.read(key, value, decoder: decoder)
                case "params": config.params = try decoder.map(value, key: key)
                case "search": config.search = try decoder.bool(value, key: key)
                case "relativeURLs": config.relativeURLs = try decoder.bool(value, key: key)
                case "markdown": config.markdown = try markdownSettings(value, decoder: decoder)
                case "images": config.images = try imageSettings(value, decoder: decoder)
                case "menus": config.menus = try menus(value, decoder: decoder)
                case "allowSymlinksOutside": config.allowSymlinksOutside = try symlinkAllowances(value, decoder: decoder)
                case "pdf": printDocuments = value  // read after the languages: a document's language is one of them
                case "shareImages": config.shareImages = try ShareImagesDecoder(decoder: decoder).settings(value)
                case "taxonomies": config.taxonomies = try lists.taxonomies(value)
                case "paginate": config.paginate = try decoder.int(value, key: key, in: 0...100_000)
                case "paginatePath": config.paginatePath = try lists.paginatePath(value)
                case "related": relatedNode = value
                case "timeZone": config.timeZone = try lists.timeZone(value)
                default:
                    let known = knownKeys.sorted().joined(separator: ", ")
                    throw DiagnosticError(reader.error("unknown key '\(key)' in config (known keys: \(known))", at: keyNode))
                }
            } catch {
                errors += error.diagnostics
            }
        }
        if let relatedNode {
            do throws(DiagnosticError) {
                config.related = try lists.related(relatedNode, taxonomies: config.taxonomies)
            } catch {
                errors += error.diagnostics
            }
        }
        if !sawTitle {
            errors.append(.error("config is missing required key 'title'", at: SourceLocation(path: path, line: 1, column: 1), source: text))
        }
        if let override = baseURLOverride {
            if let problem = Self.problem(withBaseURL: override) {
                errors.append(.error("--base-url: \(problem)", at: SourceLocation(path: "--base-url")))
            }
            config.baseURL = override
        } else if !sawBaseURL {
            errors.append(.error("config is missing required key 'baseURL'", at: SourceLocation(path: path, line: 1, column: 1), source: text))
        }
        if !config.baseURL.hasSuffix("/") { config.baseURL += "/" }
        config.dateFormat = dates.format(language: config.language)
        config.languages = [config.soleLanguage]
        if let languageList {
            do throws(DiagnosticError) {
                try LanguagesDecoder(decoder: decoder, site: config, dates: dates).decode(languageList, siteLanguage: languageKey, into: &config)
            } catch {
                errors += error.diagnostics
            }
        }
        if let printDocuments {
            do throws(DiagnosticError) {
                config.pdf = try PrintDocumentsDecoder(decoder: decoder).documents(printDocuments, languages: config.languages.map(\.code))
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return config
    }

    /// An ICU date pattern (`dateFormat`, or `dateFormatMonth` when `monthOnly`).
    static func datePattern(_ node: Node, key: String, monthOnly: Bool, decoder: NodeDecoder) throws(DiagnosticError) -> String {
        let pattern = try decoder.string(node, key: key)
        if let problem = DateFormat.problem(withPattern: pattern, monthOnly: monthOnly) {
            throw DiagnosticError(decoder.reader.error("'\(key)' is not a usable date pattern: \(problem) (got '\(Diagnostic.shown(pattern))')", at: node))
        }
        return pattern
    }

    /// A calendar by its CLDR name (`japanese`).
    static func calendar(_ node: Node, decoder: NodeDecoder) throws(DiagnosticError) -> Calendar.Identifier {
        let name = try decoder.string(node, key: "calendar")
        guard let identifier = DateFormat.calendars.first(where: { $0.name == name })?.identifier else {
            let known = DateFormat.calendars.map(\.name).joined(separator: ", ")
            throw DiagnosticError(decoder.reader.error("unknown calendar '\(Diagnostic.shown(name))' (known calendars: \(known))", at: node))
        }
        return identifier
    }

    /// `allowSymlinksOutside` alone, for the load stage, which must know it before reading anything else.
    /// Problems with the rest of the file are left to `load`.
    public static func symlinkAllowances(in text: String, path: String) throws(DiagnosticError) -> [SymlinkAllowance] {
        let reader = YAMLReader(path: path, fileText: text, firstLine: 1)
        guard let root = try reader.compose(text), case .mapping(let mapping) = root else { return [] }
        guard let value = mapping.first(where: { $0.key.string == "allowSymlinksOutside" })?.value else { return [] }
        return try symlinkAllowances(value, decoder: NodeDecoder(reader: reader))
    }

    private static func symlinkAllowances(_ node: Node, decoder: NodeDecoder) throws(DiagnosticError) -> [SymlinkAllowance] {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [node]
        default:
            throw DiagnosticError(decoder.reader.error("'allowSymlinksOutside' must be a list of paths (such as [/srv/shared/images])", at: node))
        }
        var allowances: [SymlinkAllowance] = []
        for item in items {
            let path = try decoder.string(item, key: "allowSymlinksOutside")
            if path.isEmpty || path.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                throw DiagnosticError(decoder.reader.error("'allowSymlinksOutside' entries must be paths (got '\(Diagnostic.shown(path))')", at: item))
            }
            allowances.append(SymlinkAllowance(path: path, location: decoder.reader.location(of: item)))
        }
        return allowances
    }

    /// Why a base URL is unusable, or nil when it is a fine absolute http(s) URL.
    public static func problem(withBaseURL url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else {
            return "baseURL must be an absolute URL such as 'https://example.org/' (got '\(url)')"
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            return "baseURL must start with http:// or https:// (got '\(url)')"
        }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" }
        if host.isEmpty { return "baseURL has no host (got '\(url)')" }
        if url.contains(" ") || url.contains("?") || url.contains("#") {
            return "baseURL must not contain spaces, a query or a fragment (got '\(url)')"
        }
        if url.split(separator: "/").contains("..") { return "baseURL must not contain '..' (got '\(url)')" }
        return nil
    }

    private static func markdownSettings(_ node: Node, decoder: NodeDecoder) throws(DiagnosticError) -> MarkdownSettings {
        guard case .mapping(let mapping) = node else { throw DiagnosticError(decoder.reader.error("'markdown' must be a mapping", at: node)) }
        var settings = MarkdownSettings()
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "smartPunctuation": settings.smartPunctuation = try decoder.bool(value, key: key)
            case "allowRawHTML": settings.allowRawHTML = try decoder.bool(value, key: key)
            case "hardBreaks": settings.hardBreaks = try decoder.bool(value, key: key)
            case "headingAnchors": settings.headingAnchors = try decoder.bool(value, key: key)
            case "cjkFriendly": settings.cjkFriendly = try decoder.bool(value, key: key)
            case "math": settings.math = try decoder.bool(value, key: key)
            case "highlight": settings.highlight = try decoder.bool(value, key: key)
            default:
                throw DiagnosticError(decoder.reader.error(
                    "unknown key '\(key)' in 'markdown' (known keys: allowRawHTML, cjkFriendly, hardBreaks, headingAnchors, highlight, math, smartPunctuation)",
                    at: keyNode))
            }
        }
        return settings
    }

    private static func imageSettings(_ node: Node, decoder: NodeDecoder) throws(DiagnosticError) -> ImageSettings {
        guard case .mapping(let mapping) = node else { throw DiagnosticError(decoder.reader.error("'images' must be a mapping", at: node)) }
        var settings = ImageSettings()
        func number(_ value: Node, key: String, in range: ClosedRange<Int>) throws(DiagnosticError) -> Int {
            guard let text = value.string, let number = Int(text), range.contains(number) else {
                throw DiagnosticError(decoder.reader.error("'images.\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: value))
            }
            return number
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "widths":
                guard case .sequence(let items) = value, !items.isEmpty else {
                    throw DiagnosticError(decoder.reader.error("'images.widths' must be a list of widths in pixels, such as [480, 960, 1440]", at: value))
                }
                var widths: [Int] = []
                for item in items { widths.append(try number(item, key: "widths", in: 1...16_384)) }
                settings.widths = widths
            case "jpegQuality": settings.jpegQuality = try number(value, key: key, in: 1...100)
            case "webpQuality": settings.webpQuality = try number(value, key: key, in: 1...100)
            case "webpEffort": settings.webpEffort = try number(value, key: key, in: 0...6)
            case "pngCompression": settings.pngCompression = try number(value, key: key, in: 0...9)
            default:
                throw DiagnosticError(decoder.reader.error(
                    "unknown key '\(key)' in 'images' (known keys: jpegQuality, pngCompression, webpEffort, webpQuality, widths)", at: keyNode))
            }
        }
        return settings
    }

    static func menus(_ node: Node, decoder: NodeDecoder) throws(DiagnosticError) -> [String: [MenuEntry]] {
        guard case .mapping(let mapping) = node else {
            throw DiagnosticError(decoder.reader.error("'menus' must be a mapping of menu names to lists of entries", at: node))
        }
        var menus: [String: [MenuEntry]] = [:]
        for (keyNode, value) in mapping {
            guard case .sequence(let entries) = value else {
                throw DiagnosticError(decoder.reader.error("menu '\(keyNode.string ?? "")' must be a list of entries", at: value))
            }
            var list: [MenuEntry] = []
            for entry in entries {
                guard case .mapping(let fields) = entry else {
                    throw DiagnosticError(decoder.reader.error("a menu entry must be a mapping with 'name' and 'page' or 'url'", at: entry))
                }
                var name: String?
                var target: MenuEntry.Target?
                for (fieldKey, fieldValue) in fields {
                    switch fieldKey.string ?? "" {
                    case "name": name = try decoder.string(fieldValue, key: "name")
                    case "page": target = .page(try decoder.string(fieldValue, key: "page"))
                    case "url": target = .url(try decoder.string(fieldValue, key: "url"))
                    default:
                        throw DiagnosticError(decoder.reader.error("unknown key '\(fieldKey.string ?? "")' in menu entry (known keys: name, page, url)", at: fieldKey))
                    }
                }
                guard let name, let target else {
                    throw DiagnosticError(decoder.reader.error("a menu entry needs 'name' and one of 'page' or 'url'", at: entry))
                }
                list.append(MenuEntry(name: name, target: target, location: decoder.reader.location(of: entry)))
            }
            menus[keyNode.string ?? ""] = list
        }
        return menus
    }
}
