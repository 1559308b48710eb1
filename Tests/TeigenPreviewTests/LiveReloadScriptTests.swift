import Foundation
import Testing

@testable import TeigenPreview

/// Runs the browser script under Node with a few DOM stand-ins, when Node is installed.
@Suite("The live-reload script in a JavaScript engine", .enabled(if: NodeRuntime.path != nil))
struct LiveReloadScriptTests {

    @Test("hello, reload, css swap (new name and integrity; same name re-fetched), error overlay in the site's language")
    func behaviour() async throws {
        let folder = try TemporaryFolder()
        let harness = folder.url.appendingPathComponent("harness.js")
        try (Self.stubs + "eval(" + LiveReloadScript.jsonString(LiveReloadScript.source) + ");\n" + Self.checks)
            .write(to: harness, atomically: true, encoding: .utf8)
        let node = try await ChildProcess.run(URL(fileURLWithPath: try #require(NodeRuntime.path)), arguments: [harness.path])
        #expect(node.status == 0, "\(node)")
        #expect(node.standardOutput.contains("harness done"), "\(node)")
    }

    static let stubs = #"""
        let reloads = 0, appended = [], sources = [], overlays = [], focused = null;
        const documentListeners = {}, byId = {};
        class Element {
          constructor(tag) { this.tag = tag; this.children = []; this.attributes = {}; this.textContent = ""; this.removed = false; }
          append(...nodes) { this.children.push(...nodes); }
          replaceChildren(...nodes) { this.children = nodes; }
          setAttribute(name, value) { this.attributes[name] = value; }
          attachShadow() { this.shadowRoot = new Element("#shadow-root"); return this.shadowRoot; }
          focus() { focused = this; }
          remove() { this.removed = true; if (byId[this.id] === this) delete byId[this.id]; }
        }
        const texts = (node) => node.children.length ? node.children.flatMap(texts) : [node.textContent];
        global.CSSStyleSheet = class { replaceSync(text) { this.text = text; } };
        const check = (ok, what) => { if (!ok) { console.log("FAILED: " + what); process.exitCode = 1; } };
        class Link {
          constructor(href, integrity) { this.href = href; this.attrs = { href, integrity }; this.removed = false; }
          getAttribute(name) { return this.attrs[name]; }
          after(node) { appended.push(node); }
          remove() { this.removed = true; }
        }
        const current = [new Link("http://h/teigen/css/style.1111aaaa.css", "sha384-old"), new Link("http://h/teigen/css/print.css")];
        const nextDocument = { querySelectorAll: () => [new Link("/teigen/css/style.2222bbbb.css", "sha384-new"), new Link("/teigen/css/print.css")] };
        global.location = { href: "http://h/teigen/page/", reload() { reloads++; } };
        global.document = {
          currentScript: { dataset: { base: "/teigen/", build: "s-1" } },
          querySelectorAll: () => current,
          importNode: (node) => new Link(node.attrs.href, node.attrs.integrity),
          getElementById: (id) => byId[id] || null,
          createElement: (tag) => new Element(tag),
          documentElement: { dataset: {}, append(node) { overlays.push(node); if (node.id) byId[node.id] = node; } },
          hidden: false,
          addEventListener(name, f) { documentListeners[name] = f; },
        };
        global.DOMParser = class { parseFromString() { return nextDocument; } };
        global.fetch = async () => ({ text: async () => "<html></html>" });
        const listeners = {};
        global.EventSource = class {
          constructor(url) { sources.push(url); this.readyState = 1; }
          addEventListener(name, f) { listeners[name] = f; }
          close() { this.readyState = 2; }
        };
        const fire = (name, data) => listeners[name]({ data: JSON.stringify(data) });

        """#

    static let checks = #"""
        check(sources[0] === "/teigen/__teigen/events", "listens under the base path");
        fire("hello", { build: "s-1" }); check(reloads === 0, "same build on connect: no reload");
        fire("hello", { build: "s-9" }); check(reloads === 1, "another build on connect: reload");
        fire("reload", { build: "s-2" }); check(reloads === 2, "reload event: reload");
        fire("css", { build: "s-3", stylesheets: { "/teigen/css/style.1111aaaa.css": "/teigen/css/style.2222bbbb.css" } });
        setTimeout(() => {
          check(appended.length === 1, "only the changed stylesheet is swapped");
          const fresh = appended[0] || { attrs: {} };
          check(fresh.href === "/teigen/css/style.2222bbbb.css", "new fingerprinted name: " + fresh.href);
          check(fresh.attrs.integrity === "sha384-new", "new integrity");
          check(!current[0].removed, "old stylesheet kept until the new one loads");
          if (fresh.onload) fresh.onload();
          check(current[0].removed, "old stylesheet removed once the new one loaded");
          check(reloads === 2, "no reload for stylesheets");
          appended = [];
          fire("css", { build: "s-4", stylesheets: { "/teigen/css/print.css": "/teigen/css/print.css" } });
          setTimeout(() => {
            check(appended.length === 1 && String(appended[0].href).includes("?teigen=s-4"), "a stylesheet keeping its name is fetched again");
            const diagnostic = "content/a.md:2:8: error: oops\n  title: [oops\n         ^";
            const japanese = { rebuildFailed: "サイトを再ビルドできませんでした", rebuildFailedHint: "エラーを直して保存すると…", hide: "閉じる" };
            fire("error", { build: "s-4", message: diagnostic, diagnostics: [{ text: diagnostic }], lang: "ja", text: japanese });
            check(reloads === 2, "no reload on error");
            check(overlays.length === 1, "the overlay is shown");
            const host = overlays[0] || new Element("none");
            const panel = (host.shadowRoot || new Element("none")).children[0] || new Element("none");
            check(panel.lang === "ja", "the overlay is marked with the site's language: " + panel.lang);
            check(panel.attributes.role === "alertdialog", "the overlay is announced as an alert dialog");
            const shown = texts(panel);
            check(shown.includes("サイトを再ビルドできませんでした"), "the title in the site's language: " + shown);
            check(shown.includes("content/a.md:2:8: error: oops"), "the location and message: " + shown);
            check(shown.includes("  title: [oops\n         ^"), "the source line and caret, as the terminal shows them: " + shown);
            check(focused && focused.textContent === "閉じる", "the hide button, in the site's language, has the focus");
            const style = ((host.shadowRoot || {}).adoptedStyleSheets || [{}])[0].text || "";
            check(style.includes(".panel{position:fixed;inset:0;") && style.includes("background:#fff"), "an opaque panel over the page");
            check(style.includes("@media (prefers-color-scheme:dark)"), "a dark variant");
            fire("error", { build: "s-4", message: "error: the build was stopped after 60 s", diagnostics: [] });
            check(overlays.length === 1, "a later error replaces the overlay's content");
            const later = texts(host.shadowRoot.children[0]);
            check(later.includes("error: the build was stopped after 60 s"), "a message without diagnostics: " + later);
            check(later.includes("Teigen could not rebuild the site") && host.shadowRoot.children[0].lang === "en", "English without the words");
            documentListeners.keydown({ key: "Escape" });
            check(host.removed, "Escape hides the overlay");
            document.documentElement.lang = "en";
            const english = { rebuildFailed: "The site could not be rebuilt", hide: "Hide", lang: "en" };
            fire("error", { build: "s-4", message: diagnostic, lang: "ja", text: japanese, texts: { ja: { ...japanese, lang: "ja" }, en: english } });
            const again = (overlays[overlays.length - 1].shadowRoot || new Element("none")).children[0] || new Element("none");
            check(again.lang === "en" && texts(again).includes("The site could not be rebuilt"), "an English page's overlay speaks English: " + texts(again));
            document.documentElement.lang = "fr";
            fire("error", { build: "s-4", message: diagnostic, lang: "ja", text: japanese, texts: { ja: { ...japanese, lang: "ja" }, en: english } });
            const other = (overlays[overlays.length - 1].shadowRoot || new Element("none")).children[0] || new Element("none");
            check(other.lang === "ja" && texts(other).includes("サイトを再ビルドできませんでした"), "a page in none of the site's languages gets the default's: " + texts(other));
            documentListeners.keydown({ key: "Escape" });
            document.documentElement.lang = undefined;
            document.documentElement.dataset.teigen = "error";
            byId["teigen-message"] = new Element("div");
            const overlaysBefore = overlays.length;
            fire("error", { build: "s-4", message: "content/b.md:1:1: error: other" });
            check(texts(byId["teigen-message"]).includes("content/b.md:1:1: error: other") && overlays.length === overlaysBefore, "the error page shows a newer error in place");
            document.documentElement.dataset.teigen = "building";
            fire("error", { build: "s-4", message: "content/b.md:1:1: error: other" });
            check(reloads === 3, "the page of a first build that failed reloads to show the error page");
            document.documentElement.dataset.teigen = undefined;
            fire("hello", { build: "s-4" }); check(reloads === 3, "after a css swap the page knows its new build");
            document.hidden = true; documentListeners.visibilitychange();
            check(sources.length === 1, "a hidden tab does not reconnect");
            document.hidden = false; documentListeners.visibilitychange();
            check(sources.length === 2, "a tab shown again reconnects");
            console.log("harness done");
          }, 20);
        }, 20);

        """#
}

/// Where Node is installed, if it is.
enum NodeRuntime {
    static let path = ["/usr/bin/node", "/usr/local/bin/node", "/opt/homebrew/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
}
