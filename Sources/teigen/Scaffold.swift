/// The files of `teigen new site`: a small site and a minimal theme that build at once.
enum Scaffold {
    static let files: [(String, String)] = [
        ("site/config.yaml", """
            title: My Teigen site
            description: A site built with Teigen.
            baseURL: https://example.org/
            language: en
            author: Me
            dateFormat: "d MMM yyyy"
            menus:
              main:
                - name: Home
                  page: _index.md
                - name: Posts
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
            title: Welcome
            ---

            This is the home page. Edit `site/content/_index.md`.

            """),
        ("site/content/posts/_index.md", """
            ---
            title: Posts
            ---

            """),
        ("site/content/posts/first.md", """
            ---
            title: First post
            date: 2024-03-01
            ---

            Hello from Teigen, with a footnote.[^1]

            [^1]: Footnotes work out of the box.

            """),
        ("theme/templates/base.mustache", """
            <!DOCTYPE html>
            <html lang="{{site.language}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{page.title}} | {{site.title}}</title>
            <link rel="stylesheet" href="{{#asset}}css/style.css{{/asset}}" integrity="{{#integrity}}css/style.css{{/integrity}}">
            </head>
            <body>
            <header><a href="{{site.basePath}}">{{site.title}}</a>
            <nav><ul>{{#site.menus.main}}<li><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{name}}</a></li>{{/site.menus.main}}</ul></nav>
            </header>
            <main>
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
            <ul>{{#page.pages}}<li><a href="{{url}}">{{title}}</a> {{date}}</li>{{/page.pages}}</ul>
            {{/main}}{{/base}}

            """),
        ("theme/templates/page.mustache", """
            {{<base}}{{$main}}<article><h1>{{page.title}}</h1>
            {{#page.hasDate}}<p><time datetime="{{page.dateISO}}">{{page.date}}</time></p>{{/page.hasDate}}
            {{{page.content}}}
            </article>
            {{/main}}{{/base}}

            """),
        ("theme/templates/404.mustache", """
            {{<base}}{{$main}}<h1>Page not found</h1>
            <p><a href="{{site.basePath}}">Back to the home page</a></p>
            {{/main}}{{/base}}

            """),
        ("theme/assets/css/style.css", """
            body { font-family: system-ui, sans-serif; line-height: 1.7; max-width: 40rem; margin: 0 auto; padding: 1rem; }
            nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; }

            """),
    ]
}
