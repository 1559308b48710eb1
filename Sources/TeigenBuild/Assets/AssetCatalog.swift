import Foundation
import TeigenCore

/// The theme's assets: CSS and JS get a content hash in their names (`css/style.3f2a9c1b.css`) and an SRI hash;
/// other files (images, fonts) keep their names.
struct AssetCatalog: Sendable {
    struct Asset: Sendable {
        /// Path under `theme/assets/`.
        var sourcePath: String
        /// Path in the output.
        var outputPath: String
        var integrity: String
        var data: Data
        var displayPath: String
    }

    /// Assets by their path under `theme/assets/`.
    var assets: [String: Asset]

    init(files: [SiteFiles.File]) {
        var assets: [String: Asset] = [:]
        for file in files {
            let digest = SHA384.hash(file.data)
            let integrity = "sha384-" + Data(digest).base64EncodedString()
            var output = file.relativePath
            let ext = (file.relativePath as NSString).pathExtension.lowercased()
            if ext == "css" || ext == "js" {
                let stem = (file.relativePath as NSString).deletingPathExtension
                output = stem + "." + String(SHA384.hex(digest).prefix(8)) + "." + ext
            }
            assets[file.relativePath] = Asset(sourcePath: file.relativePath, outputPath: output, integrity: integrity, data: file.data, displayPath: file.displayPath)
        }
        self.assets = assets
    }

    /// The asset named in a template (leading `/` optional).
    func asset(named name: String) -> Asset? {
        assets[String(name.trimmingCharacters(in: .whitespacesAndNewlines).drop(while: { $0 == "/" }))]
    }

    /// Every `{{#asset}}NAME{{/asset}}` and `{{#integrity}}NAME{{/integrity}}` naming a missing asset, as errors.
    func problems(inTemplate text: String, path: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for tag in ["asset", "integrity"] {
            let open = "{{#\(tag)}}"
            let close = "{{/\(tag)}}"
            var searchStart = text.startIndex
            while let start = text.range(of: open, range: searchStart..<text.endIndex),
                let end = text.range(of: close, range: start.upperBound..<text.endIndex)
            {
                let name = String(text[start.upperBound..<end.lowerBound])
                if !name.contains("{{"), asset(named: name) == nil {
                    let prefix = text[..<start.lowerBound]
                    let line = prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                    let column = prefix.distance(from: prefix.lastIndex(of: "\n").map { prefix.index(after: $0) } ?? prefix.startIndex, to: prefix.endIndex) + 1
                    diagnostics.append(.error(
                        "template refers to asset '\(name)', which is not in theme/assets/", at: SourceLocation(path: path, line: line, column: column), source: text))
                }
                searchStart = end.upperBound
            }
        }
        return diagnostics
    }
}
