/// The fixed words of one language, by key (`skipLink`, `footnote.backlink`): Teigen's own words for the
/// HTML it writes itself (``builtIn(language:)``), under the theme's `i18n/LANG.yaml`, under the site's
/// `i18n/LANG.yaml` (the site's win). Templates read it with `{{#t}}key{{/t}}`; the Markdown conversion
/// (footnote back-links, heading anchors) and the preview's error overlay read it by key.
///
/// ```swift
/// var table = I18nTable.builtIn(language: "ja")
/// table.add(["skipLink": "本文へ移動"])
/// table["footnote.backlink"]   // "本文の参照箇所へ戻る"
/// ```
public struct I18nTable: Sendable, Hashable {
    /// The language of the words (a BCP 47 tag).
    public let language: String
    /// Every word by key.
    public private(set) var strings: [String: String]

    public init(language: String, strings: [String: String] = [:]) {
        self.language = language
        self.strings = strings
    }

    /// The words for `key`, if the table has them.
    public subscript(key: String) -> String? {
        strings[key]
    }

    /// Adds `strings` over the table's own (a later layer wins).
    public mutating func add(_ strings: [String: String]) {
        self.strings.merge(strings) { _, new in new }
    }

    /// Teigen's own words in `language`: Japanese for `ja` (and `ja-JP`, …), English for any other language.
    public static func builtIn(language: String) -> I18nTable {
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return I18nTable(language: language, strings: primary == "ja" ? japanese : english)
    }

    /// Teigen's keys, each with what it is for: the words of the HTML Teigen writes itself, and of the preview
    /// server's own pages and error overlay.
    public static let builtInKeys: [String: String] = [
        "heading.anchor": "the words before a heading's title in its self-link's aria-label",
        "footnote.backlink": "the words before the reference number in a footnote back-link's aria-label",
        "preview.rebuildFailed": "the preview overlay's title: a rebuild failed while a good build is served",
        "preview.rebuildFailedHint": "under it: what to do, and what the page shows meanwhile",
        "preview.buildFailed": "the title of the preview's page while no build has succeeded",
        "preview.buildFailedHint": "under it: what to do",
        "preview.building": "the title of the preview's page while the first build runs",
        "preview.buildingHint": "under it: what happens next",
        "preview.hide": "the button that hides the overlay",
    ]

    static let english: [String: String] = [
        "heading.anchor": "Link to this section",
        "footnote.backlink": "Back to reference",
        "preview.rebuildFailed": "Teigen could not rebuild the site",
        "preview.rebuildFailedHint": "Fix the error and save: the page reloads by itself. Until then it shows the last good build.",
        "preview.buildFailed": "The site could not be built",
        "preview.buildFailedHint": "Fix the error and save: this page reloads by itself.",
        "preview.building": "Building the site…",
        "preview.buildingHint": "This page reloads by itself when the build is done.",
        "preview.hide": "Hide",
    ]

    static let japanese: [String: String] = [
        "heading.anchor": "この節へのリンク",
        "footnote.backlink": "本文の参照箇所へ戻る",
        "preview.rebuildFailed": "サイトを再ビルドできませんでした",
        "preview.rebuildFailedHint": "エラーを直して保存すると、ページは自動で再読み込みされます。それまでは最後に成功したビルドを表示しています。",
        "preview.buildFailed": "サイトをビルドできませんでした",
        "preview.buildFailedHint": "エラーを直して保存すると、このページは自動で再読み込みされます。",
        "preview.building": "サイトをビルドしています…",
        "preview.buildingHint": "ビルドが終わると、このページは自動で再読み込みされます。",
        "preview.hide": "閉じる",
    ]
}
