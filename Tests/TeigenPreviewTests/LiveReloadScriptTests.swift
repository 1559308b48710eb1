import Foundation
import Testing

@testable import TeigenPreview

/// Runs the browser script under Node with a few DOM stand-ins, when Node is installed.
@Suite("The live-reload script in a JavaScript engine", .enabled(if: NodeRuntime.path != nil))
struct LiveReloadScriptTests {

    @Test("hello, reload, css swap (new name and integrity; same name re-fetched), error overlay")
    func behaviour() async throws {
        let folder = try TemporaryFolder()
        let harness = folder.url.appendingPathComponent("harness.js")
        try (Self.stubs + "eval(" + Self.jsonString(LiveReloadScript.source) + ");\n" + Self.checks).write(to: harness, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(NodeRuntime.path))
        process.arguments = [harness.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while process.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("harness done"), "\(text)")
    }

    static func jsonString(_ text: String) -> String {
        let data = try? JSONEncoder().encode([text])
        return String(decoding: data ?? Data("[\"\"]".utf8), as: UTF8.self).dropFirst().dropLast().description
    }

    static let stubs = #"""
        let reloads = 0, appended = [], sources = [], overlays = [];
        const documentListeners = {};
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
          getElementById: () => null,
          createElement: () => ({ style: {}, replaceChildren(...children) { this.children = children; } }),
          documentElement: { append(node) { overlays.push(node); } },
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
            fire("error", { build: "s-4", message: "content/a.md:2:8: error: oops" });
            check(reloads === 2, "no reload on error");
            check(overlays.length === 1, "the overlay is shown");
            const texts = (overlays[0] && overlays[0].children || []).map((child) => child.textContent);
            check(texts.some((text) => text === "content/a.md:2:8: error: oops"), "the overlay shows the message: " + texts);
            fire("hello", { build: "s-4" }); check(reloads === 2, "after a css swap the page knows its new build");
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
