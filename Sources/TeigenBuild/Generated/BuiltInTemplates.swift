/// Teigen's own templates of the files it writes besides pages: `robots.txt`, `sitemap.xml` and `atom.xml` (every
/// Atom feed). A theme or a site overrides one with a template of the same name (`theme/templates/atom.xml.mustache`,
/// `site/templates/robots.txt.mustache`); the values they get are described at ``Sitemap`` and ``AtomFeed``, with
/// the `site` of the language (the default's for the sitemap and `robots.txt`).
enum BuiltInTemplates {
    /// The templates by name.
    static let all: [String: String] = ["robots.txt": robots, "sitemap.xml": sitemap, "atom.xml": atom]

    static let robots = """
        User-agent: *
        Allow: /

        Sitemap: {{{robots.sitemapURL}}}

        """

    static let sitemap = """
        <?xml version="1.0" encoding="utf-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{{#sitemap.hasAlternates}} xmlns:xhtml="http://www.w3.org/1999/xhtml"{{/sitemap.hasAlternates}}>
        {{#sitemap.entries}}
          <url>
            <loc>{{loc}}</loc>
        {{#lastmod}}
            <lastmod>{{.}}</lastmod>
        {{/lastmod}}
        {{#alternates}}
            <xhtml:link rel="alternate" hreflang="{{hreflang}}" href="{{href}}"/>
        {{/alternates}}
          </url>
        {{/sitemap.entries}}
        </urlset>

        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{feed.language}}">
          <title>{{feed.title}}</title>
          <link href="{{feed.url}}"/>
          <link rel="self" href="{{feed.feedURL}}"/>
          <id>{{feed.url}}</id>
          <updated>{{feed.updated}}</updated>
        {{#feed.author}}
          <author><name>{{.}}</name></author>
        {{/feed.author}}
          <generator>Teigen</generator>
        {{#feed.entries}}
          <entry>
            <title>{{title}}</title>
            <link href="{{url}}"/>
            <id>{{url}}</id>
            <updated>{{updated}}</updated>
        {{#published}}
            <published>{{.}}</published>
        {{/published}}
            <summary>{{summary}}</summary>
            <content type="html">{{content}}</content>
          </entry>
        {{/feed.entries}}
        </feed>

        """
}
