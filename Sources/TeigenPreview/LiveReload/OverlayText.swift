/// The fixed words of the preview's own pages and of the error overlay, in the site's language.
///
/// Every string sits in `table`, by language and key, so that a later change can take them from a
/// theme's `i18n/LANG.yaml` (the keys would be `preview.<key>`) instead. Japanese for `ja` (and
/// `ja-JP`, …), English otherwise. Diagnostics themselves stay in English, as the terminal prints them.
struct OverlayText: Sendable, Hashable {
    /// What each string is for.
    enum Key: String, CaseIterable, Sendable, Hashable, Encodable {
        /// The overlay's title: a rebuild failed while a good build is served.
        case rebuildFailed
        /// Under it: what to do, and what the page shows meanwhile.
        case rebuildFailedHint
        /// The title of the page served while no build has succeeded.
        case buildFailed
        /// Under it: what to do.
        case buildFailedHint
        /// The title of the page served while the first build runs.
        case building
        /// Under it: what happens next.
        case buildingHint
        /// The button that hides the overlay.
        case hide
    }

    /// The strings of each language, by BCP 47 primary language subtag.
    static let table: [String: [Key: String]] = [
        "en": [
            .rebuildFailed: "Teigen could not rebuild the site",
            .rebuildFailedHint: "Fix the error and save: the page reloads by itself. Until then it shows the last good build.",
            .buildFailed: "The site could not be built",
            .buildFailedHint: "Fix the error and save: this page reloads by itself.",
            .building: "Building the site…",
            .buildingHint: "This page reloads by itself when the build is done.",
            .hide: "Hide",
        ],
        "ja": [
            .rebuildFailed: "サイトを再ビルドできませんでした",
            .rebuildFailedHint: "エラーを直して保存すると、ページは自動で再読み込みされます。それまでは最後に成功したビルドを表示しています。",
            .buildFailed: "サイトをビルドできませんでした",
            .buildFailedHint: "エラーを直して保存すると、このページは自動で再読み込みされます。",
            .building: "サイトをビルドしています…",
            .buildingHint: "ビルドが終わると、このページは自動で再読み込みされます。",
            .hide: "閉じる",
        ],
    ]

    /// The language of the strings (`en`, `ja`), for `lang` attributes.
    let language: String

    /// The strings for a site's `language` (`ja`, `ja-JP`, `en-GB`, …); English for any language the
    /// table does not have.
    init(language: String) {
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        self.language = Self.table[primary] == nil ? "en" : primary
    }

    /// The string for `key`.
    subscript(key: Key) -> String {
        Self.table[language]?[key] ?? Self.table["en"]![key]!
    }

    /// Every string by key name, for the overlay's JSON.
    var strings: [String: String] {
        Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, self[$0]) })
    }
}
