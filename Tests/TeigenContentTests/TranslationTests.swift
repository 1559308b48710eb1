import Testing
import TeigenCore
@testable import TeigenContent

/// Languages in the content graph: each page's language from its file name, URLs per language, sections,
/// neighbours and breadcrumbs within a language, and the translation edges with their four errors.
@Suite struct TranslationTests {
    static let languages = [Language(code: "ja", name: "日本語"), Language(code: "en", name: "English", isDefault: false)]

    func page(_ path: String, _ front: String = "") throws -> SourcePage {
        try SourcePage.parse("---\ntitle: \(path)\n\(front)---\n", contentPath: path, sourcePath: "content/" + path)
    }

    func graph(_ pages: [SourcePage], drafts: Bool = false) throws -> ContentGraph {
        try ContentGraph.build(pages, languages: Self.languages, languageSuffixes: true, includeDrafts: drafts)
    }

    /// The first error's header of building `pages`.
    func error(_ pages: [SourcePage]) -> String? {
        do {
            _ = try graph(pages)
            return nil
        } catch let error as DiagnosticError {
            return error.diagnostics.first?.header
        } catch {
            return "\(error)"
        }
    }

    @Test func suffixesGiveLanguagesURLsAndTranslations() throws {
        let graph = try graph([
            try page("_index.md"), try page("_index.en.md"), try page("proposals/_index.md"), try page("proposals/1.md", "weight: 1\n"),
            try page("proposals/2.md", "weight: 2\n"), try page("proposals/1.en.md", "weight: 1\n"), try page("proposals/2.en.md", "weight: 2\n"),
            try page("about.md"), try page("about.en.md", "slug: about-us\n"),
        ])
        let pages = Dictionary(uniqueKeysWithValues: graph.pages.enumerated().map { ($1.contentPath, $0) })
        #expect(graph.pages[pages["proposals/1.en.md"]!].url == "/en/proposals/1/")
        #expect(graph.pages[pages["proposals/1.en.md"]!].outputPath == "en/proposals/1/index.html")
        #expect(graph.pages[pages["about.en.md"]!].url == "/en/about-us/")
        #expect(graph.pages[pages["_index.en.md"]!].url == "/en/")
        #expect(graph.pages[pages["_index.en.md"]!].kind == .home)
        #expect(graph.pages[pages["proposals/1.en.md"]!].language == "en")
        #expect(graph.pages[pages["proposals/1.md"]!].language == "ja")
        // Translations are edges both ways.
        #expect(graph.translations(of: pages["proposals/1.md"]!) == [pages["proposals/1.en.md"]!])
        #expect(graph.translations(of: pages["proposals/1.en.md"]!) == [pages["proposals/1.md"]!])
        #expect(graph.translation(of: pages["about.md"]!, in: "en") == pages["about.en.md"]!)
        // An implicit English section for proposals/ (no _index.en.md), listing the English pages only.
        let english = graph.section("proposals", in: "en")!
        #expect(english.pageIndices == [pages["proposals/1.en.md"]!, pages["proposals/2.en.md"]!])
        #expect(graph.pages[english.pageIndex].url == "/en/proposals/")
        #expect(graph.translation(of: english.pageIndex, in: "ja") == pages["proposals/_index.md"]!)
        #expect(graph.section("proposals")!.pageIndices == [pages["proposals/1.md"]!, pages["proposals/2.md"]!])
        // Neighbours and breadcrumbs stay within the language.
        #expect(graph.next(of: pages["proposals/1.en.md"]!) == pages["proposals/2.en.md"]!)
        #expect(graph.previous(of: pages["proposals/1.en.md"]!) == nil)
        #expect(graph.ancestors(of: pages["proposals/2.en.md"]!).map { graph.pages[$0].url } == ["/en/", "/en/proposals/"])
        #expect(graph.homes == ["ja": pages["_index.md"]!, "en": pages["_index.en.md"]!])
    }

    @Test func everyLanguageHasAHomeAndPagesWithoutTranslationsStandAlone() throws {
        let graph = try graph([try page("_index.md"), try page("news.md")])
        let home = graph.homes["en"]!
        #expect(graph.pages[home].url == "/en/")
        #expect(graph.pages[home].isImplicit)
        #expect(graph.translations(of: graph.indexByContentPath["news.md"]!).isEmpty)
        #expect(graph.translations(of: home) == [graph.indexByContentPath["_index.md"]!])
    }

    @Test func translationKeyLinksPagesWhosePathsDiffer() throws {
        let graph = try graph([
            try page("_index.md"), try page("members/鈴木達治郎.md", "translationKey: suzuki\n"),
            try page("members/tatsujiro-suzuki.en.md", "translationKey: suzuki\n"),
        ])
        let japanese = graph.indexByContentPath["members/鈴木達治郎.md"]!
        let english = graph.indexByContentPath["members/tatsujiro-suzuki.en.md"]!
        #expect(graph.translations(of: japanese) == [english])
        #expect(graph.pages[english].url == "/en/members/tatsujiro-suzuki/")
    }

    @Test func aTranslationOfADraftIsPublishedAlone() throws {
        let graph = try graph([try page("_index.md"), try page("a.md", "draft: true\n"), try page("a.en.md")])
        #expect(graph.indexByContentPath["a.md"] == nil)
        #expect(graph.translations(of: graph.indexByContentPath["a.en.md"]!).isEmpty)
    }

    @Test func withoutLanguagesNamesMeanWhatTheySay() throws {
        let graph = try ContentGraph.build([try page("_index.md"), try page("notes.en.md")], includeDrafts: false)
        #expect(graph.pages[graph.indexByContentPath["notes.en.md"]!].url == "/notesen/")
        #expect(graph.homes.count == 1)
    }

    @Test func translationWithoutOriginal() {
        #expect(error([try! page("_index.md"), try! page("news.en.md")])
            == "content/news.en.md:1:1: error: content/news.en.md is the en translation of 'news.md', which does not exist: a translation "
            + "needs its original in the default language (ja) beside it, or the original's translationKey")
        #expect(error([try! page("_index.md"), try! page("x.en.md", "translationKey: nothing\n")])
            == "content/x.en.md:3:1: error: translationKey 'nothing' links this en page to no page of the default language (ja): "
            + "give its original the same translationKey")
    }

    @Test func languageSuffixNotInLanguages() {
        #expect(error([try! page("_index.md"), try! page("about.md"), try! page("about.fr.md")])
            == "content/about.fr.md:1:1: error: 'about.fr.md' ends in the language suffix '.fr', but 'fr' is not in 'languages' of config.yaml "
            + "(ja, en): add it there, or rename the file")
    }

    @Test func twoFilesClaimTheSameTranslation() {
        #expect(error([try! page("_index.md"), try! page("about.md"), try! page("about.ja.md")])
            == "content/about.md:1:1: error: two files are the ja page 'about.md': content/about.ja.md and content/about.md; keep one")
        #expect(error([
            try! page("_index.md"), try! page("about.md", "translationKey: about\n"), try! page("about.en.md"),
            try! page("intro.en.md", "translationKey: about\n"),
        ]) == "content/intro.en.md:3:1: error: two files are the en translation of content/about.md: content/about.en.md and content/intro.en.md; keep one")
    }

    @Test func translationKeyCollision() {
        #expect(error([try! page("_index.md"), try! page("a.md", "translationKey: k\n"), try! page("b.md", "translationKey: k\n")])
            == "content/b.md:3:1: error: translationKey 'k' is also the translationKey of content/a.md: two pages of one language cannot "
            + "be translations of each other; give each its own translationKey")
    }

    @Test func suffixRule() {
        #expect(LanguageSuffix.split("proposals/1.en.md")! == ("en", "proposals/1.md"))
        #expect(LanguageSuffix.split("_index.pt-BR.md")! == ("pt-BR", "_index.md"))
        #expect(LanguageSuffix.split("members.en.yaml")! == ("en", "members.yaml"))
        #expect(LanguageSuffix.split("v1.2.md") == nil)
        #expect(LanguageSuffix.split("report.final.md") == nil)
        #expect(LanguageSuffix.split("en.md") == nil)
        #expect(LanguageSuffix.split("dir.en/a.md") == nil)
    }
}
