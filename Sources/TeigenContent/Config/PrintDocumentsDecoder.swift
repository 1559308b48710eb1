import TeigenCore
import Yams

/// Decodes `pdf:` of `config.yaml`, the print edition's documents, with every problem at its position.
/// Whether the pages they list exist is the build's question (the content graph is made later).
struct PrintDocumentsDecoder {
    let decoder: NodeDecoder

    static let documentKeys = ["cover", "language", "output", "pages", "runningHead", "subject", "title"]
    static let coverKeys = ["date", "group", "organisation", "subtitle", "title"]

    /// The documents; each without `language` gets the site's default language, the first of `languages`.
    func documents(_ node: Node, languages: [String]) throws(DiagnosticError) -> [PrintDocument] {
        guard case .sequence(let entries) = node else {
            throw DiagnosticError(decoder.reader.error(
                "'pdf' must be a list of documents, each with 'output', 'title' and 'pages'", at: node))
        }
        var documents: [PrintDocument] = []
        var errors: [Diagnostic] = []
        var outputs: [String: SourceLocation] = [:]
        for entry in entries {
            do throws(DiagnosticError) {
                let document = try self.document(entry, languages: languages)
                if let first = outputs[document.outputPath] {
                    throw DiagnosticError(decoder.reader.error(
                        "two documents of 'pdf' are written to '\(document.outputPath)' (the first at line \(first.line))", at: entry))
                }
                outputs[document.outputPath] = document.location
                documents.append(document)
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty else { throw DiagnosticError(errors) }
        return documents
    }

    private func document(_ node: Node, languages: [String]) throws(DiagnosticError) -> PrintDocument {
        let reader = decoder.reader
        guard case .mapping(let fields) = node else {
            throw DiagnosticError(reader.error("a document of 'pdf' must be a mapping with 'output', 'title' and 'pages'", at: node))
        }
        var output: String?
        var title: String?
        var language: String?
        var subject: String?
        var runningHead: String?
        var pages: [(String, SourceLocation)]?
        var cover: PrintCover?
        for (keyNode, value) in fields {
            let key = keyNode.string ?? ""
            switch key {
            case "output": output = try outputPath(value)
            case "title": title = try decoder.string(value, key: key)
            case "language":
                let code = try decoder.string(value, key: key)
                guard languages.contains(code) else {
                    throw DiagnosticError(reader.error(
                        "'language' of a document of 'pdf' must be one of the site's languages (\(languages.joined(separator: ", "))); got '\(Diagnostic.shown(code))'",
                        at: value))
                }
                language = code
            case "subject": subject = try decoder.string(value, key: key)
            case "runningHead": runningHead = try decoder.string(value, key: key)
            case "pages": pages = try self.pages(value)
            case "cover": cover = try self.cover(value)
            default:
                throw DiagnosticError(reader.error(
                    "unknown key '\(key)' in a document of 'pdf' (known keys: \(Self.documentKeys.joined(separator: ", ")))", at: keyNode))
            }
        }
        let missing = [("output", output == nil), ("title", title == nil), ("pages", pages == nil)].filter(\.1).map { "'\($0.0)'" }
        guard missing.isEmpty, let output, let title, let pages else {
            throw DiagnosticError(reader.error("a document of 'pdf' needs \(missing.joined(separator: ", "))", at: node))
        }
        return PrintDocument(
            outputPath: output, title: title, pages: pages.map(\.0), language: language ?? languages[0], subject: subject, cover: cover,
            runningHead: runningHead, location: reader.location(of: node), pageLocations: pages.map(\.1))
    }

    /// `output`: a path in the output folder ending in `.pdf`, under the same rules as a page's `url`.
    private func outputPath(_ node: Node) throws(DiagnosticError) -> String {
        let path = try decoder.string(node, key: "output")
        if path.hasPrefix("/") {
            throw DiagnosticError(decoder.reader.error(
                "'output' is a path in the output folder, without a leading '/' (got '\(Diagnostic.shown(path))')", at: node))
        }
        if let problem = FrontMatterDecoder.problem(withURL: "/" + path, subject: "'output'") {
            throw DiagnosticError(decoder.reader.error(problem, at: node))
        }
        guard path.lowercased().hasSuffix(".pdf"), path.count > 4 else {
            throw DiagnosticError(decoder.reader.error("'output' must name a .pdf file (got '\(Diagnostic.shown(path))')", at: node))
        }
        return path
    }

    /// `pages`: content paths, at least one, each once.
    private func pages(_ node: Node) throws(DiagnosticError) -> [(String, SourceLocation)] {
        guard case .sequence(let items) = node, !items.isEmpty else {
            throw DiagnosticError(decoder.reader.error(
                "'pages' must be a list of content paths such as [_index.md, proposals/1.md], at least one", at: node))
        }
        var pages: [(String, SourceLocation)] = []
        for item in items {
            let path = try decoder.string(item, key: "pages")
            if pages.contains(where: { $0.0 == path }) {
                throw DiagnosticError(decoder.reader.error("'pages' lists '\(Diagnostic.shown(path))' twice", at: item))
            }
            pages.append((path, decoder.reader.location(of: item)))
        }
        return pages
    }

    private func cover(_ node: Node) throws(DiagnosticError) -> PrintCover {
        guard case .mapping(let fields) = node else {
            throw DiagnosticError(decoder.reader.error("'cover' must be a mapping (\(Self.coverKeys.joined(separator: ", ")))", at: node))
        }
        var cover = PrintCover()
        for (keyNode, value) in fields {
            let key = keyNode.string ?? ""
            switch key {
            case "title": cover.title = try decoder.string(value, key: key)
            case "subtitle": cover.subtitle = try decoder.string(value, key: key)
            case "organisation": cover.organisation = try decoder.stringList(value, key: key)
            case "group": cover.group = try decoder.string(value, key: key)
            case "date": cover.date = try decoder.string(value, key: key)
            default:
                throw DiagnosticError(decoder.reader.error(
                    "unknown key '\(key)' in 'cover' (known keys: \(Self.coverKeys.joined(separator: ", ")))", at: keyNode))
            }
        }
        return cover
    }
}
