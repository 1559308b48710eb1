import TeigenCore

/// The one rule that gives a file of `content/` or `data/` its language, on a site with `languages:`: the
/// last dot-separated part of the file's name before its extension names its language when it has the
/// shape of a language tag (`about.en.md`, `proposals/_index.en.md`, `data/members.en.yaml`); a file
/// without one is in the default language. `about.en.md` is then the English translation of `about.md`
/// beside it. On a site without `languages:` names mean nothing more than they say.
///
/// ```swift
/// let rule = LanguageSuffix(languages: config.languages, isOn: config.hasLanguageList)
/// try rule.read("proposals/1.en.md")   // ("en", "proposals/1.md")
/// ```
public struct LanguageSuffix: Sendable {
    /// The site's languages, the default first.
    public let languages: [Language]
    /// Whether suffixes are read (the site has `languages:`).
    public let isOn: Bool

    public init(languages: [Language], isOn: Bool) {
        self.languages = languages
        self.isOn = isOn
    }

    /// A file's language and its path without the suffix.
    public struct Reading: Sendable, Hashable {
        /// The language's code, as `languages:` spells it.
        public var language: String
        /// The path with the suffix taken out (`proposals/1.md` for `proposals/1.en.md`).
        public var path: String
        /// Whether the name carried the suffix.
        public var hasSuffix: Bool
    }

    /// The suffix of `path` that has the shape of a language tag, and `path` without it; nil when it has none.
    public static func split(_ path: String) -> (code: String, path: String)? {
        let nameStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[nameStart...]
        guard let extensionDot = name.lastIndex(of: "."), extensionDot > name.startIndex else { return nil }
        let stem = name[..<extensionDot]
        guard let suffixDot = stem.lastIndex(of: "."), suffixDot > stem.startIndex else { return nil }
        let code = stem[stem.index(after: suffixDot)...]
        guard Language.isTagShaped(code) else { return nil }
        return (String(code), String(path[..<suffixDot]) + String(name[extensionDot...]))
    }

    /// The language of the file at `path` (relative to `content/` or `data/`).
    /// - Throws: `UnknownLanguage` when the name carries a language suffix that is not one of the site's.
    public func read(_ path: String) throws(UnknownLanguage) -> Reading {
        let fallback = Reading(language: languages.first?.code ?? "", path: path, hasSuffix: false)
        guard isOn, let (code, stripped) = Self.split(path) else { return fallback }
        guard let language = languages.first(where: { $0.code.lowercased() == code.lowercased() }) else {
            throw UnknownLanguage(code: code, known: languages.map(\.code))
        }
        return Reading(language: language.code, path: stripped, hasSuffix: true)
    }

    /// A language suffix that `languages:` does not list.
    public struct UnknownLanguage: Error, Sendable {
        public let code: String
        public let known: [String]

        /// The message of the error about the file `name`.
        public func message(for name: String) -> String {
            "'\(name)' ends in the language suffix '.\(code)', but '\(code)' is not in 'languages' of config.yaml "
                + "(\(known.joined(separator: ", "))): add it there, or rename the file"
        }
    }
}
