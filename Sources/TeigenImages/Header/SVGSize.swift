import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The intrinsic size an SVG declares on its root element, read with Foundation's XML parser (libxml2).
///
/// `width` and `height` in absolute units (px, pt, pc, mm, cm, in, or none) give the size at CSS's 96
/// pixels to the inch; otherwise a `viewBox` gives it (its width and height in user units, which is what
/// a browser shows an `<img>` of it at when nothing else sizes it, and in any case its aspect ratio).
/// Percentages and font-relative units declare no size. The whole document is parsed, so an SVG that is
/// not well-formed XML is an error rather than a broken picture on the page.
enum SVGSize {
    static func read(_ source: ImageSource) throws(ImageError) -> PixelSize? {
        let reader = RootReader()
        let parser = XMLParser(data: source.bytes)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let parsed = parser.parse()
        if let line = reader.errorLine {
            throw ImageError(path: source.path, problem: .corrupt("not well-formed XML at line \(line), column \(reader.errorColumn)"))
        }
        guard parsed, let attributes = reader.rootAttributes else {
            throw ImageError(path: source.path, problem: .corrupt("no <svg> root element"))
        }
        guard reader.rootName == "svg" else {
            throw ImageError(path: source.path, problem: .corrupt("the root element is <\(reader.rootName ?? "")>, not <svg>"))
        }
        if let width = attributes["width"].flatMap(pixels), let height = attributes["height"].flatMap(pixels) {
            return PixelSize(width: width, height: height)
        }
        return attributes["viewBox"].flatMap(viewBoxSize)
    }

    /// A length in absolute units, in whole CSS pixels (at least 1); nil for relative units.
    static func pixels(_ length: String) -> Int? {
        let text = length.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, pixels: Double)] = [
            ("px", 1), ("pt", 96.0 / 72), ("pc", 16), ("mm", 96 / 25.4), ("cm", 96 / 2.54), ("in", 96), ("", 1),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let number = Double(text.dropLast(unit.suffix.count)), number > 0, number.isFinite else { return nil }
            return max(1, Int((number * unit.pixels).rounded()))
        }
        return nil
    }

    /// The width and height of `min-x min-y width height`, rounded to whole pixels.
    static func viewBoxSize(_ viewBox: String) -> PixelSize? {
        let numbers = viewBox.split(whereSeparator: { $0 == " " || $0 == "," || $0.isWhitespace }).compactMap { Double($0) }
        guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else { return nil }
        return PixelSize(width: max(1, Int(numbers[2].rounded())), height: max(1, Int(numbers[3].rounded())))
    }

    /// Keeps the first element's name and attributes, and where the first error is. (Foundation's parser
    /// recovers from some errors and reports success; the delegate hears of them all the same.)
    private final class RootReader: NSObject, XMLParserDelegate {
        var rootName: String?
        var rootAttributes: [String: String]?
        var errorLine: Int?
        var errorColumn = 0

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard errorLine == nil else { return }
            errorLine = parser.lineNumber
            errorColumn = parser.columnNumber
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            guard rootName == nil else { return }
            rootName = elementName.split(separator: ":").last.map(String.init) ?? elementName
            rootAttributes = attributes
        }
    }
}
