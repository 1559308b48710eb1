/// The files of `teigen new site`: a small site in one language (`--lang ja|en`) and a minimal theme that build
/// at once. The theme's words are in both languages (`theme/i18n/ja.yaml`, `en.yaml`), and its templates already
/// write hreflang links and a language switcher, so that adding a second language (`languages:` in
/// `config.yaml`, `about.en.md` beside `about.md`) needs no template work.
enum Scaffold {
    /// A starter site's own words in one language: everything the site (not the theme) says.
    struct Words {
        var language: String
        var title: String
        var description: String
        var author: String
        /// How the site writes dates (an ICU pattern): `2024年3月1日`, `1 Mar 2024`.
        var dateFormat: String
        var home: String
        var posts: String
        var welcome: String
        var homeText: String
        var firstPost: String
        var firstPostText: String
        var footnote: String
    }

    /// The languages `teigen new site --lang` makes a starter in.
    static let languages: [String: Words] = [
        "en": Words(
            language: "en", title: "My Teigen site", description: "A site built with Teigen.", author: "Me", dateFormat: "d MMM yyyy",
            home: "Home", posts: "Posts", welcome: "Welcome", homeText: "This is the home page. Edit `site/content/_index.md`.",
            firstPost: "First post", firstPostText: "Hello from Teigen, with a footnote.[^1]", footnote: "Footnotes work out of the box."),
        "ja": Words(
            language: "ja", title: "新しいサイト", description: "Teigen で作ったサイトです。", author: "作成者", dateFormat: "yyyy年M月d日",
            home: "ホーム", posts: "投稿", welcome: "ようこそ", homeText: "ここはホームページです。`site/content/_index.md` を編集してください。",
            firstPost: "最初の投稿", firstPostText: "Teigen からこんにちは。脚注も使えます。[^1]", footnote: "脚注はそのまま使えます。"),
    ]

    /// Every file of a starter whose site speaks `words.language`.
    static func files(_ words: Words) -> [(String, String)] {
        site(words) + theme
    }

    static func site(_ words: Words) -> [(String, String)] {
        [
            ("site/config.yaml", """
                title: \(words.title)
                description: \(words.description)
                baseURL: https://example.org/
                language: \(words.language)
                author: \(words.author)
                dateFormat: "\(words.dateFormat)"
                menus:
                  main:
                    - name: \(words.home)
                      page: _index.md
                    - name: \(words.posts)
                      page: posts/_index.md

                """),
            ("site/archetypes/default.md", """
                ---
                title: {{title}}
                date: {{date}}
                draft: true
                ---


                """),
            ("site/content/_index.md", """
                ---
                title: \(words.welcome)
                ---

                \(words.homeText)

                """),
            ("site/content/posts/_index.md", """
                ---
                title: \(words.posts)
                ---

                """),
            ("site/content/posts/first.md", """
                ---
                title: \(words.firstPost)
                date: 2024-03-01
                ---

                \(words.firstPostText)

                [^1]: \(words.footnote)

                """),
        ]
    }

    /// The theme, the same for every language.
    static let theme: [(String, String)] = [
        ("theme/i18n/en.yaml", """
            # The theme's words in English, used in templates as {{#t}}key{{/t}}; site/i18n/en.yaml may override any.
            docTitle: "{{page.title}} | {{site.title}}"
            skipLink: Skip to the content
            menu: Menu
            languages: Languages
            published: Published
            notFound:
              title: Page not found
              home: Back to the home page

            """),
        ("theme/i18n/ja.yaml", """
            # The theme's words in Japanese, used in templates as {{#t}}key{{/t}}; site/i18n/ja.yaml may override any.
            docTitle: "{{page.title}}｜{{site.title}}"
            skipLink: 本文へ移動
            menu: メニュー
            languages: 言語
            published: 公開
            notFound:
              title: ページが見つかりません
              home: ホームへ戻る

            """),
        ("theme/templates/base.mustache", """
            <!DOCTYPE html>
            <html lang="{{site.language}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{#t}}docTitle{{/t}}</title>
            <link rel="stylesheet" href="{{#asset}}css/style.css{{/asset}}" integrity="{{#integrity}}css/style.css{{/integrity}}">
            {{#page.alternates}}
            <link rel="alternate" hreflang="{{hreflang}}" href="{{href}}">
            {{/page.alternates}}
            </head>
            <body>
            <a class="skip-link" href="#main">{{#t}}skipLink{{/t}}</a>
            <header><a href="{{#relLangURL}}/{{/relLangURL}}">{{site.title}}</a>
            <nav aria-label="{{#t}}menu{{/t}}"><ul>{{#site.menus.main}}<li><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a></li>{{/site.menus.main}}</ul></nav>
            {{#site.isMultilingual}}
            <nav aria-label="{{#t}}languages{{/t}}"><ul>{{#page.otherLanguages}}<li><a href="{{url}}" hreflang="{{code}}" lang="{{code}}">{{name}}</a></li>{{/page.otherLanguages}}</ul></nav>
            {{/site.isMultilingual}}
            </header>
            <main id="main">
            {{$main}}{{/main}}
            </main>
            </body>
            </html>

            """),
        ("theme/templates/home.mustache", """
            {{<base}}{{$main}}<h1>{{page.title}}</h1>
            {{{page.content}}}
            {{/main}}{{/base}}

            """),
        ("theme/templates/section.mustache", """
            {{<base}}{{$main}}<h1>{{page.title}}</h1>
            {{{page.content}}}
            <ul>{{#page.pages}}<li><a href="{{url}}">{{title}}</a> <time datetime="{{dateISO}}">{{date}}</time></li>{{/page.pages}}</ul>
            {{/main}}{{/base}}

            """),
        ("theme/templates/page.mustache", """
            {{<base}}{{$main}}<article><h1>{{page.title}}</h1>
            {{#page.hasDate}}<p>{{#t}}published{{/t}} <time datetime="{{page.dateISO}}">{{page.date}}</time></p>{{/page.hasDate}}
            {{{page.content}}}
            {{#page.taxonomyList}}<p>{{title}}: {{#terms}}<a href="{{url}}">{{title}}</a> {{/terms}}</p>{{/page.taxonomyList}}
            </article>
            {{/main}}{{/base}}

            """),
        ("theme/templates/404.mustache", """
            {{<base}}{{$main}}<h1>{{#t}}notFound.title{{/t}}</h1>
            <p><a href="{{#relLangURL}}/{{/relLangURL}}">{{#t}}notFound.home{{/t}}</a></p>
            {{/main}}{{/base}}

            """),
        ("theme/assets/css/style.css", """
            body { font-family: system-ui, sans-serif; line-height: 1.7; max-width: 40rem; margin: 0 auto; padding: 1rem; }
            :lang(ja) body { line-height: 1.9; line-break: strict; }
            nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; }
            .skip-link { position: absolute; left: -100vw; }
            .skip-link:focus { left: 1rem; }

            """),
    ]
}
