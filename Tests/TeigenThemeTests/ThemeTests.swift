import Testing
import TeigenCore
@testable import TeigenTheme

@Suite struct ThemeTests {
    @Test func rendersWithInheritancePartialsEscapingAndLambdas() throws {
        let theme = try Theme(
            templates: [
                "base": "<title>{{page.title}}</title>{{> partials/nav}}<main>{{$main}}{{/main}}</main>",
                "partials/nav": "<nav>{{#site.menus}}<a href=\"{{url}}\">{{name}}</a>{{/site.menus}}</nav>",
                "page": "{{<base}}{{$main}}{{{page.content}}}<a href=\"{{#relURL}}/x/{{/relURL}}\">x</a>{{/main}}{{/base}}",
            ],
            paths: [:])
        let shared = SharedContext(values: [:], lambdas: ["relURL": TemplateLambda { "/sub" + $0 }])
        let html = theme.render(
            "page",
            context: TemplateContext(
                shared: shared,
                own: [
                    "page": .map([("title", .string("<script>")), ("content", .string("<p>本文</p>"))]),
                    "site": .map([("menus", .array([.map([("name", .string("提言")), ("url", .string("/p/"))])]))]),
                ]))
        #expect(html == "<title>&lt;script&gt;</title><nav><a href=\"/p/\">提言</a></nav><main><p>本文</p><a href=\"/sub/x/\">x</a></main>")
    }

    /// A page's own `site` (its menus) completes the shared one rather than hiding it; `data` comes from
    /// the shared values alone; a lambda receives its section's text and its result is rendered as a template.
    @Test func ownValuesLieOverTheSharedOnes() throws {
        let theme = try Theme(
            templates: ["page": "{{site.title}}|{{#site.menus}}{{name}}{{/site.menus}}|{{#site}}{{title}}{{/site}}|{{data.n}}|{{#up}}{{site.title}}{{/up}}"],
            paths: [:])
        let shared = SharedContext(
            values: [
                "site": .map([("title", .string("提言")), ("menus", .string("shared menus are hidden"))]),
                "data": .map([("n", .int(3))]),
            ],
            lambdas: ["up": TemplateLambda { "<" + $0 + ">" }])
        let context = TemplateContext(shared: shared, own: ["site": .map([("menus", .array([.map([("name", .string("本文"))])]))])])
        #expect(theme.render("page", context: context) == "提言|本文|提言|3|<提言>")
    }

    /// Known results are written as they are, or rendered when they hold tags, without calling the function;
    /// other texts go to the function, whose result is rendered.
    @Test func knownLambdaResultsAreWrittenAsTheyAre() throws {
        let theme = try Theme(
            templates: ["page": "{{#asset}}a.css{{/asset}}|{{#asset}}{{name}}.css{{/asset}}|{{#asset}}b{{/asset}}"], paths: [:])
        let asset = TemplateLambda(known: ["a.css": "/x/a.1.css", "b": "<{{name}}>"]) { "/f/" + $0 }
        let context = TemplateContext(shared: SharedContext(values: ["name": .string("n")], lambdas: ["asset": asset]), own: [:])
        #expect(theme.render("page", context: context) == "/x/a.1.css|/f/n.css|<n>")
    }

    @Test func variablesAreFoundWithTheirPositions() throws {
        let theme = try Theme(
            templates: [
                "page": "<p>{{page.title}}</p>\n{{! data.comment }}<ul>{{#site.data.members}}{{{name}}}{{/site.data.members}}</ul>\n{{ uppercased(data.x) }}",
                "partials/a": "{{=<% %>=}}<%# sections %><%/ sections %>",
            ],
            paths: ["page": "t/page.mustache", "partials/a": "t/a.mustache"])
        let found = theme.variables.map { "\($0.template) \($0.path.joined(separator: ".")) \($0.location.description)" }
        #expect(found == [
            "page page.title t/page.mustache:1:6", "page site.data.members t/page.mustache:2:27", "page name t/page.mustache:2:49",
            "page data.x t/page.mustache:3:15", "partials/a sections t/a.mustache:1:16",
        ])
        let members = try #require(theme.variables.first { $0.path.last == "members" })
        #expect(members.location(ofPart: 1).column == 32)
    }

    @Test func literalSectionsAreWhatLambdasReceive() throws {
        let theme = try Theme(
            templates: ["page": "<link href=\"{{#asset}}css/a.css{{/asset}}\">\n{{#asset}}{{name}}.css{{/asset}}{{#other}}x{{/other}}"],
            paths: ["page": "t/page.mustache"])
        let sections = theme.literalSections(named: "asset")
        #expect(sections.map(\.text) == ["css/a.css"])
        #expect(sections.first?.location.description == "t/page.mustache:1:13")
    }

    @Test func readsFollowsPartialsAndParents() throws {
        let theme = try Theme(
            templates: [
                "base": "{{$main}}{{/main}}{{> partials/nav}}", "partials/nav": "{{#site}}{{#sections}}{{title}}{{/sections}}{{/site}}",
                "page": "{{<base}}{{$main}}{{page.title}}{{/main}}{{/base}}", "404": "{{page.title}}",
            ],
            paths: [:])
        #expect(theme.reads("sections", from: "page"))
        #expect(!theme.reads("sections", from: "404"))
        #expect(theme.templatesUsed(by: "page") == ["base", "page", "partials/nav"])
    }

    @Test func syntaxErrorHasTemplatePosition() {
        #expect {
            try Theme(templates: ["page": "<h1>\n{{#page}}\n</h1>"], paths: ["page": "theme/templates/page.mustache"])
        } throws: { error in
            let header = (error as? DiagnosticError)?.diagnostics.first?.header ?? ""
            return header.hasPrefix("theme/templates/page.mustache:") && header.contains("error: template syntax error: section is never closed")
        }
    }

    /// Values are escaped byte by byte, in every template and partial, and inside a parent's blocks: a quote or
    /// bracket followed by a combining mark is escaped too (swift-mustache's own escaping, by `Character`, left
    /// `"` + U+0301 as it was, ending the attribute); first and last lines are written as the file has them.
    @Test func valuesAreEscapedByteByByte() throws {
        let theme = try Theme(
            templates: [
                "base": "{{! first line }}\n<meta content=\"{{v}}\">{{$b}}{{/b}}\n{{> p}}",
                "p": "<p title='{{v}}'>{{{v}}}</p>\n",
                "page": "{{<base}}{{$b}}[{{v}}]{{/b}}{{/base}}",
            ],
            paths: [:])
        let value = "a\"\u{301} onfocus=alert(1) <b>&'\u{301}"
        let html = theme.render("page", context: TemplateContext(shared: SharedContext(values: ["v": .string(value)], lambdas: [:]), own: [:]))
        let escaped = "a&quot;\u{301} onfocus=alert(1) &lt;b&gt;&amp;&#39;\u{301}"
        #expect(html.unicodeScalars.elementsEqual("<meta content=\"\(escaped)\">[\(escaped)]\n<p title='\(escaped)'>\(value)</p>\n".unicodeScalars))
    }

    /// The line of a syntax error is the file's, not the compiled text's (which starts with the escaping pragma).
    @Test func syntaxErrorLineIsTheFilesLine() {
        do {
            _ = try Theme(templates: ["page": "<h1>\n\n{{/x}}\n"], paths: ["page": "t/page.mustache"])
            Issue.record("no error")
        } catch {
            #expect(error.diagnostics.map(\.header) == ["t/page.mustache:3:4: error: template syntax error: section closed with a different name than it was opened with"])
        }
    }

    @Test func partialLoopIsAnError() {
        #expect {
            try Theme(templates: ["a": "x{{> b}}", "b": "{{> a}}"], paths: ["a": "t/a.mustache", "b": "t/b.mustache"])
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.map(\.header) == ["t/b.mustache:1:1: error: templates include each other in a loop: a → b → a"]
        }
    }

    @Test func missingPartialIsAnError() {
        #expect {
            try Theme(templates: ["a": "{{> partials/none}}"], paths: ["a": "t/a.mustache"])
        } throws: { error in
            (error as? DiagnosticError)?.diagnostics.first?.header
                == "t/a.mustache:1:1: error: template includes 'partials/none', which does not exist (looked for theme/templates/partials/none.mustache)"
        }
    }

    @Test func lookupOrder() {
        let lookup = TemplateLookup()
        #expect(lookup.candidates(kind: .page, layout: nil, sections: ["proposals"]) == ["proposals/page", "page"])
        #expect(lookup.candidates(kind: .section, layout: nil, sections: ["a", "b"]) == ["b/section", "a/section", "section"])
        #expect(lookup.candidates(kind: .home, layout: nil, sections: []) == ["home", "section"])
        #expect(lookup.candidates(kind: .page, layout: "wide", sections: ["a"]) == ["wide"])
    }
}
