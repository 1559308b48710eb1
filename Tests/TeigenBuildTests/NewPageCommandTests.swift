import Foundation
import Testing
@testable import TeigenBuild
import TeigenCore

/// `teigen new page` and `teigen new site`, run as the real command.
@Suite struct NewPageCommandTests {
    /// A new starter site (`teigen new site`, with `arguments`) in a temporary folder.
    func starter(_ arguments: [String] = []) throws -> URL {
        let folder = Fixtures.temporaryFolder()
        let run = try Command.run(["new", "site", "mysite"] + arguments, in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        return folder.appendingPathComponent("mysite")
    }

    func text(_ project: URL, _ path: String) -> String? {
        try? String(contentsOf: project.appendingPathComponent(path), encoding: .utf8)
    }

    /// The text with today's date (whatever it is) written as DATE.
    func withoutDate(_ text: String?) -> String? {
        text?.replacing(#/\d{4}-\d{2}-\d{2}/#, with: "DATE")
    }

    @Test func aPathWithOrWithoutContentOrTheSiteFolderLandsInContent() throws {
        let project = try starter()
        try FileManager.default.removeItem(at: project.appendingPathComponent("site/archetypes"))
        for (argument, file) in [
            ("posts/second-post.md", "site/content/posts/second-post.md"), ("content/posts/third.md", "site/content/posts/third.md"),
            ("site/content/notes/4.md", "site/content/notes/4.md"), ("./about.md", "site/content/about.md"),
            ("./content/notes/5.md", "site/content/notes/5.md"), ("./site/content/notes/6.md", "site/content/notes/6.md"),
            ("報告/_index.md", "site/content/報告/_index.md"),
        ] {
            let run = try Command.run(["new", "page", argument], in: project)
            #expect(run.status == 0, "\(argument): \(run.standardError)")
            #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(file).path), "\(argument)")
        }
        #expect(withoutDate(text(project, "site/content/posts/second-post.md")) == "---\ntitle: \"Second Post\"\ndate: DATE\ndraft: true\n---\n\n")
        #expect(withoutDate(text(project, "site/content/報告/_index.md")) == "---\ntitle: \"報告\"\ndate: DATE\ndraft: true\n---\n\n")
        // An absolute path inside the content folder is taken as it is.
        let absolute = project.appendingPathComponent("site/content/posts/abs.md").path
        #expect(try Command.run(["new", "page", absolute], in: project).status == 0)
        #expect(FileManager.default.fileExists(atPath: absolute))
    }

    @Test func aPathOutsideTheContentFolderIsRefused() throws {
        let project = try starter()
        let before = try Fixtures.tree(project)
        for (argument, shown) in [
            ("../x.md", "site/x.md"), ("content/../../x.md", "x.md"), ("site/static/x.md", "site/static/x.md"), ("site/x.md", "site/x.md"),
            ("/tmp/teigen-outside.md", "/tmp/teigen-outside.md"),
        ] {
            let run = try Command.run(["new", "page", argument], in: project)
            #expect(run.status == 1, "\(argument)")
            #expect(run.standardError == "\(argument): error: \(shown) is outside site/content/: pages live in the content folder "
                + "('teigen new page posts/first.md' writes site/content/posts/first.md)\n")
        }
        #expect(try Command.run(["new", "page", "posts/x.txt"], in: project).standardError == "posts/x.txt: error: a page's file name must end in .md (posts/x.txt)\n")
        #expect(try Command.run(["new", "page", "posts/first.md"], in: project).standardError == "posts/first.md: error: site/content/posts/first.md exists already\n")
        #expect(try Fixtures.tree(project) == before)
    }

    @Test func archetypesComeFromTheSiteThenTheThemeBySectionOrKind() async throws {
        let project = try starter()
        let archetypes = project.appendingPathComponent("site/archetypes")
        let themeArchetypes = project.appendingPathComponent("theme/archetypes")
        try FileManager.default.createDirectory(at: themeArchetypes, withIntermediateDirectories: true)
        try Data("---\ntitle: {{title}}\ndate: {{date}}\nsummary: 記事\n---\n\n# {{title}}\n".utf8).write(to: archetypes.appendingPathComponent("posts.md"))
        try Data("+++\ntitle = {{title}}\ndate = {{date}}\nschemaType = \"Report\"\n+++\n\n本文。\n".utf8).write(to: themeArchetypes.appendingPathComponent("report.md"))
        try Data("{\n  \"title\": {{title}},\n  \"date\": \"{{date}}\"\n}\n".utf8).write(to: themeArchetypes.appendingPathComponent("posts.md"))
        try Data("{\n  \"title\": {{title}},\n  \"date\": \"{{date}}\"\n}\n".utf8).write(to: themeArchetypes.appendingPathComponent("notes.md"))
        // The section's archetype of the site wins over the theme's and over default.md.
        #expect(try Command.run(["new", "page", "posts/say-\"hi\".md"], in: project).status == 0)
        #expect(withoutDate(text(project, "site/content/posts/say-\"hi\".md")) == "---\ntitle: \"Say \\\"hi\\\"\"\ndate: DATE\nsummary: 記事\n---\n\n# \"Say \\\"hi\\\"\"\n")
        // --kind names one, looked up in the site, then the theme.
        #expect(try Command.run(["new", "page", "--kind", "report", "reports/2024.md"], in: project).status == 0)
        #expect(withoutDate(text(project, "site/content/reports/2024.md")) == "+++\ntitle = \"2024\"\ndate = DATE\nschemaType = \"Report\"\n+++\n\n本文。\n")
        // Without a section archetype in the site, its default.md comes before the theme's section archetype.
        #expect(try Command.run(["new", "page", "notes/a.md"], in: project).status == 0)
        #expect(withoutDate(text(project, "site/content/notes/a.md")) == "---\ntitle: \"A\"\ndate: DATE\ndraft: true\n---\n\n")
        try FileManager.default.removeItem(at: archetypes.appendingPathComponent("default.md"))
        #expect(try Command.run(["new", "page", "notes/b.md"], in: project).status == 0)
        #expect(withoutDate(text(project, "site/content/notes/b.md")) == "{\n  \"title\": \"B\",\n  \"date\": \"DATE\"\n}\n")
        // An unknown kind is an error naming what there is.
        let unknown = try Command.run(["new", "page", "--kind", "memo", "memos/a.md"], in: project)
        #expect(unknown.status == 1)
        #expect(unknown.standardError == "memos/a.md: error: no archetype 'memo': looked for site/archetypes/memo.md and theme/archetypes/memo.md "
            + "(archetypes there: notes, posts, report)\n")
        // Every page made builds, whatever the archetype's front matter format.
        let output = project.appendingPathComponent("public")
        let options = BuildOptions(sourceDirectory: project.appendingPathComponent("site"), includeDrafts: true)
        _ = try await SiteBuilder(options: options, output: output).build()
        for page in ["posts/say-hi/index.html", "reports/2024/index.html", "notes/a/index.html", "notes/b/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(page)")
        }
    }

    @Test(arguments: [
        ([], "ja", "2024年3月1日", "公開", "最初の投稿｜新しいサイト", "本文へ移動", "ページが見つかりません", "本文の参照箇所へ戻る 1"),
        (["--lang", "ja"], "ja", "2024年3月1日", "公開", "最初の投稿｜新しいサイト", "本文へ移動", "ページが見つかりません", "本文の参照箇所へ戻る 1"),
        (["--lang", "en"], "en", "1 Mar 2024", "Published", "First post | My Teigen site", "Skip to the content", "Page not found", "Back to reference 1"),
    ])
    func theStarterSpeaksItsLanguage(
        arguments: [String], language: String, date: String, published: String, title: String, skip: String, notFound: String, backlink: String
    ) async throws {
        let project = try starter(arguments)
        let output = project.appendingPathComponent("public")
        let product = try await SiteBuilder(options: BuildOptions(sourceDirectory: project.appendingPathComponent("site")), output: output).build()
        #expect(product.warnings.isEmpty, "\(product.warnings.map(\.header))")
        let post = try String(contentsOf: output.appendingPathComponent("posts/first/index.html"), encoding: .utf8)
        #expect(post.contains("<html lang=\"\(language)\">"))
        #expect(post.contains("<title>\(title)</title>"))
        #expect(post.contains("\(published) <time datetime=\"2024-03-01\">\(date)</time>"))
        #expect(post.contains(">\(skip)</a>"))
        #expect(post.contains("aria-label=\"\(backlink)\""))
        let list = try String(contentsOf: output.appendingPathComponent("posts/index.html"), encoding: .utf8)
        #expect(list.contains("</a> <time datetime=\"2024-03-01\">\(date)</time>"))
        let missing = try String(contentsOf: output.appendingPathComponent("404.html"), encoding: .utf8)
        #expect(missing.contains("<h1>\(notFound)</h1>"))
    }

    @Test func aStarterInAnotherLanguageIsRefused() throws {
        let run = try Command.run(["new", "site", "mysite", "--lang", "fr"], in: Fixtures.temporaryFolder())
        #expect(run.status != 0)
        #expect(run.standardError.contains("--lang must be one of en, ja (got 'fr')"))
    }

    @Test func aStarterTakesASecondLanguageWithoutTemplateWork() async throws {
        let project = try starter()
        let site = project.appendingPathComponent("site")
        let config = site.appendingPathComponent("config.yaml")
        try (try String(contentsOf: config, encoding: .utf8) + "languages:\n  - code: ja\n  - code: en\n    title: My site\n    dateFormat: \"d MMM yyyy\"\n")
            .write(to: config, atomically: true, encoding: .utf8)
        try "---\ntitle: First post\ndate: 2024-03-01\n---\n\nIn English.\n".write(
            to: site.appendingPathComponent("content/posts/first.en.md"), atomically: true, encoding: .utf8)
        let output = project.appendingPathComponent("public")
        let product = try await SiteBuilder(options: BuildOptions(sourceDirectory: site), output: output).build()
        #expect(product.warnings.isEmpty, "\(product.warnings.map(\.header))")
        let english = try String(contentsOf: output.appendingPathComponent("en/posts/first/index.html"), encoding: .utf8)
        #expect(english.contains("<html lang=\"en\">") && english.contains("Published <time datetime=\"2024-03-01\">1 Mar 2024</time>"))
        #expect(english.contains("<link rel=\"alternate\" hreflang=\"ja\" href=\"https://example.org/posts/first/\">"))
        #expect(english.contains("<a href=\"/posts/first/\" hreflang=\"ja\" lang=\"ja\">日本語</a>"))
    }

    @Test func aStarterShowsAPagesTagsAndTheirPages() async throws {
        let project = try starter(["--lang", "en"])
        let site = project.appendingPathComponent("site")
        try "---\ntitle: Tagged\ndate: 2024-03-01\ntags: [Swift, CJK]\n---\n\nText.\n".write(
            to: site.appendingPathComponent("content/posts/tagged.md"), atomically: true, encoding: .utf8)
        let output = project.appendingPathComponent("public")
        _ = try await SiteBuilder(options: BuildOptions(sourceDirectory: site), output: output).build()
        let page = try String(contentsOf: output.appendingPathComponent("posts/tagged/index.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"/tags/swift/\">Swift</a>"), "\(page)")
        let term = try String(contentsOf: output.appendingPathComponent("tags/swift/index.html"), encoding: .utf8)
        #expect(term.contains("<a href=\"/posts/tagged/\">Tagged</a>"), "\(term)")
    }
}
