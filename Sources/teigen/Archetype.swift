import Foundation

/// The model of a new page (Hugo's archetype): a page whose `{{title}}` and `{{date}}` are filled in.
struct Archetype {
    /// The archetype's text.
    var text: String
    /// Where it came from, as shown to the user.
    var origin: String

    /// What a page is made from when no archetype is found: a draft with a title and a date.
    static let builtIn = Archetype(text: "---\ntitle: {{title}}\ndate: {{date}}\ndraft: true\n---\n\n", origin: "the built-in archetype")

    /// The archetype for a page: with `kind`, `archetypes/KIND.md` of the site, then of the theme (an error when
    /// neither has it); otherwise the section's (`archetypes/posts.md`), then `default.md`, in the site and
    /// then in the theme, as Hugo looks them up; the built-in one when there is none.
    static func find(kind: String?, section: String?, site: URL, theme: URL) throws(NewPageProblem) -> Archetype {
        let folders = [site.appendingPathComponent("archetypes"), theme.appendingPathComponent("archetypes")]
        if let kind {
            guard !kind.isEmpty, !kind.contains("/"), !kind.hasPrefix(".") else { throw NewPageProblem("--kind must be the name of an archetype (got '\(kind)')") }
            for folder in folders {
                if let archetype = try load(folder.appendingPathComponent(kind + ".md")) { return archetype }
            }
            let known = folders.flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
            }
            throw NewPageProblem(
                "no archetype '\(kind)': looked for \(folders.map { PagePath.shown($0) + "/" + kind + ".md" }.joined(separator: " and "))"
                    + (known.isEmpty ? "" : " (archetypes there: \(Set(known).sorted().joined(separator: ", ")))"))
        }
        for folder in folders {
            for name in [section, "default"].compactMap({ $0 }) {
                if let archetype = try load(folder.appendingPathComponent(name + ".md")) { return archetype }
            }
        }
        return builtIn
    }

    private static func load(_ file: URL) throws(NewPageProblem) -> Archetype? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw NewPageProblem("cannot read the archetype \(PagePath.shown(file)) as UTF-8 text")
        }
        return Archetype(text: text, origin: PagePath.shown(file))
    }

    /// The new page: `{{title}}` becomes the title as a double-quoted string, which YAML, TOML and JSON all read
    /// the same way, and `{{date}}` the date.
    func page(title: String, date: String) -> String {
        text.replacingOccurrences(of: "{{title}}", with: Self.quoted(title)).replacingOccurrences(of: "{{date}}", with: date)
    }

    /// `text` in double quotes with `"`, `\` and control characters escaped, as YAML, TOML and JSON strings.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
