import Foundation

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

    /// The JavaScript source.
    static let source = #"""
        (()=>{"use strict";
        const me=document.currentScript,base=me.dataset.base;let build=me.dataset.build,es;
        const data=e=>JSON.parse(e.data);
        const links=d=>[...d.querySelectorAll('link[rel~="stylesheet"]')];
        const path=h=>new URL(h,location.href).pathname;
        function overlay(f){let o=document.getElementById("teigen-error");
        if(!o){o=document.createElement("div");o.id="teigen-error";
        Object.assign(o.style,{position:"fixed",inset:"0",zIndex:"2147483647",overflow:"auto",padding:"2rem",
        background:"rgba(24,24,24,.95)",color:"#eee",font:"14px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace"});
        document.documentElement.append(o)}
        const h=document.createElement("div");h.textContent="Teigen could not rebuild the site";
        Object.assign(h.style,{font:"bold 16px system-ui,sans-serif",marginBottom:"1rem"});
        const p=document.createElement("pre");p.textContent=f.message;
        Object.assign(p.style,{margin:"0",whiteSpace:"pre-wrap",color:"#ff8a80"});o.replaceChildren(h,p)}
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
        document.addEventListener("visibilitychange",()=>{if(document.hidden)es.close();else if(es.readyState===2)connect()});
        connect()})();
        """#

    /// The script's URL path under `basePath`.
    static func scriptPath(basePath: String) -> String {
        basePath + folder + "/" + fileName
    }

    /// The `<script>` element added to pages built by `build`.
    static func tag(build: String, basePath: String) -> String {
        "<script src=\"\(escape(scriptPath(basePath: basePath)))\" data-base=\"\(escape(basePath))\" data-build=\"\(escape(build))\"></script>"
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

    /// Escapes text for an HTML attribute value or element content.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
