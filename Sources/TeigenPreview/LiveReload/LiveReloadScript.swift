import Foundation
import TeigenCore

/// The browser side of live reload, and its injection into HTML responses.
///
/// The page gets one external `<script src>` (no inline code, so a `script-src 'self'` Content
/// Security Policy allows it); the script styles its overlay through the CSSOM, which `style-src`
/// does not restrict. It listens to `__teigen/events` under the base path:
/// - `hello`: reload when the page comes from another build (missed events, server restart);
/// - `reload`: reload;
/// - `css`: fetch the page again and swap the changed `<link rel=stylesheet>` elements for the new
///   ones (new fingerprinted name, new `integrity`), removing each old one once its successor loaded;
/// - `error`: show the build error over the page.
/// `EventSource` reconnects by itself; if it gives up, the script opens a new one. Hidden tabs close
/// their stream (browsers allow about six HTTP/1.1 connections per host) and reconnect when shown,
/// reloading if they missed a build.
enum LiveReloadScript {
    /// The folder, under the base path, of the server's own endpoints.
    static let folder = "__teigen"
    /// The script's file name under `folder`.
    static let fileName = "live-reload.js"
    /// The event stream's name under `folder`.
    static let eventsName = "events"

    /// The overlay's stylesheet, in its shadow root (page styles cannot reach it), and the stylesheet
    /// of the server's own pages (`ErrorPage`), which use the same markup: opaque, light or dark as the
    /// reader's system is, readable from 320 px wide up.
    static let overlayStyle = """
        :host{all:initial}
        .panel{position:fixed;inset:0;z-index:2147483647;overflow:auto;overscroll-behavior:contain;box-sizing:border-box;\
        padding:16px;background:#fff;color:#1b1b1b;-webkit-text-size-adjust:100%;\
        font:16px/1.7 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP",sans-serif}
        .head{display:flex;align-items:flex-start;gap:12px;margin:0 0 8px}
        .title{flex:1;margin:0;padding-top:6px;font-size:20px;line-height:1.4;font-weight:700;color:#b3261e;min-width:0;overflow-wrap:anywhere}
        .hide{flex:none;min-width:44px;min-height:44px;padding:0 14px;border:1px solid #767676;border-radius:6px;\
        background:transparent;color:inherit;font:inherit;font-size:15px;cursor:pointer}
        .title.busy{color:inherit}
        .hint{margin:0 0 16px;max-width:42em}
        .diagnostic{margin:0 0 16px;border-left:4px solid #c62828;background:#fbeaea;color:#1b1b1b}
        .where{margin:0;padding:10px 12px 4px;overflow-wrap:anywhere;color:#8a1c1c;\
        font:600 14px/1.5 ui-monospace,SFMono-Regular,Menlo,"Noto Sans Mono CJK JP",monospace}
        pre{margin:0;padding:4px 12px 10px;overflow-x:auto;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,"Noto Sans Mono CJK JP",monospace}
        @media (prefers-color-scheme:dark){.panel{background:#16181d;color:#e6e6e6}.title{color:#ffb4ab}\
        .diagnostic{background:#2b1d1f;color:#e6e6e6;border-left-color:#ff6f61}.where{color:#ffb4ab}.hide{border-color:#9a9a9a}}
        """

    /// The JavaScript source.
    static let source = #"""
        (()=>{"use strict";
        const me=document.currentScript,base=me.dataset.base;let build=me.dataset.build,es;
        const data=e=>JSON.parse(e.data);
        const links=d=>[...d.querySelectorAll('link[rel~="stylesheet"]')];
        const path=h=>new URL(h,location.href).pathname;
        const node=(tag,cls,text)=>{const n=document.createElement(tag);if(cls)n.className=cls;if(text!=null)n.textContent=text;return n};
        function hide(){const o=document.getElementById("teigen-error");if(o)o.remove()}
        function diagnostics(f){return(f.diagnostics&&f.diagnostics.length?f.diagnostics:[{text:f.message}]).map(d=>{
        const part=node("section","diagnostic"),cut=d.text.indexOf("\n");
        part.append(node("p","where",cut<0?d.text:d.text.slice(0,cut)));
        if(cut>=0)part.append(node("pre",null,d.text.slice(cut+1)));return part})}
        function overlay(f){if(document.documentElement.dataset.teigen==="building")return location.reload();
        const shown=document.getElementById("teigen-message");if(shown)return shown.replaceChildren(...diagnostics(f));
        let host=document.getElementById("teigen-error");
        if(!host){host=document.createElement("div");host.id="teigen-error";const root=host.attachShadow({mode:"open"});
        const sheet=new CSSStyleSheet();sheet.replaceSync(\#(jsonString(overlayStyle)));root.adoptedStyleSheets=[sheet];
        document.documentElement.append(host)}
        const own=(f.texts||{})[document.documentElement.lang],t=own||f.text||{},panel=node("div","panel"),head=node("div","head");
        panel.lang=(own&&own.lang)||f.lang||"en";panel.setAttribute("role","alertdialog");panel.setAttribute("aria-modal","true");
        panel.setAttribute("aria-labelledby","title");
        const title=node("h2","title",t.rebuildFailed||"Teigen could not rebuild the site");title.id="title";
        const button=node("button","hide",t.hide||"Hide");button.type="button";button.onclick=hide;
        head.append(title,button);panel.append(head,node("p","hint",t.rebuildFailedHint||""),...diagnostics(f));
        host.shadowRoot.replaceChildren(panel);button.focus()}
        function swap(map){fetch(location.href,{cache:"no-store"}).then(r=>r.text()).then(t=>{
        const now=links(document),next=links(new DOMParser().parseFromString(t,"text/html"));
        if(now.length!==next.length)return location.reload();
        now.forEach((old,i)=>{if(!(path(old.href) in map))return;
        const fresh=document.importNode(next[i],true),u=new URL(fresh.getAttribute("href"),location.href);
        if(u.pathname===path(old.href)){u.searchParams.set("teigen",build);fresh.href=u.href}
        fresh.onload=fresh.onerror=()=>old.remove();old.after(fresh)})}).catch(()=>location.reload())}
        function connect(){es=new EventSource(base+"__teigen/events");
        es.addEventListener("hello",e=>{if(data(e).build!==build)location.reload()});
        es.addEventListener("reload",()=>location.reload());
        es.addEventListener("css",e=>{const d=data(e);build=d.build;swap(d.stylesheets)});
        es.addEventListener("error",e=>overlay(data(e)));
        es.onerror=()=>{if(es.readyState===2)setTimeout(connect,1000)}}
        document.addEventListener("keydown",e=>{if(e.key==="Escape")hide()});
        document.addEventListener("visibilitychange",()=>{if(document.hidden)es.close();else if(es.readyState===2)connect()});
        connect()})();
        """#

    /// A JavaScript string literal (JSON) holding `text`.
    static func jsonString(_ text: String) -> String {
        let data = try? JSONEncoder().encode([text])
        return String(decoding: data ?? Data("[\"\"]".utf8), as: UTF8.self).dropFirst().dropLast().description
    }

    /// The script's URL path under `basePath`.
    static func scriptPath(basePath: String) -> String {
        basePath + folder + "/" + fileName
    }

    /// The `<script>` element added to pages built by `build`.
    static func tag(build: String, basePath: String) -> String {
        "<script src=\"\(HTMLText.escape(scriptPath(basePath: basePath)))\" data-base=\"\(HTMLText.escape(basePath))\" data-build=\"\(HTMLText.escape(build))\"></script>"
    }

    /// Adds the script element before the last `</body>` (any case), or at the end when there is none.
    static func inject(into html: Data, build: String, basePath: String) -> Data {
        let tag = Data(tag(build: build, basePath: basePath).utf8)
        guard let index = lastClosingBody(in: html) else {
            return html + tag
        }
        var result = Data(capacity: html.count + tag.count)
        result.append(html[html.startIndex..<index])
        result.append(tag)
        result.append(html[index...])
        return result
    }

    /// The index of the last `</body` in the bytes, comparing ASCII letters without case.
    private static func lastClosingBody(in html: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        let bytes = [UInt8](html)
        guard bytes.count >= needle.count else { return nil }
        var start = bytes.count - needle.count
        while start >= 0 {
            var matched = true
            for offset in 0..<needle.count {
                var byte = bytes[start + offset]
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte += 32 }
                if byte != needle[offset] {
                    matched = false
                    break
                }
            }
            if matched { return html.index(html.startIndex, offsetBy: start) }
            start -= 1
        }
        return nil
    }
}
