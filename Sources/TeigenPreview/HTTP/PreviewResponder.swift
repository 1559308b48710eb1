import Foundation
import HTTPTypes
import Hummingbird

/// Answers every request from the in-memory site: pages (with the live-reload script), assets,
/// redirects, the `404.html` page, and the server's own endpoints under `<basePath>__teigen/`.
///
/// Only `GET` and `HEAD` are allowed. Paths are decoded and checked by `RequestPath`, and only looked
/// up as keys of the snapshot: nothing outside it can ever be served.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SiteStore
    let hub: LiveReloadHub
    /// Where to log each request (`--verbose`), if anywhere.
    var requestLog: PreviewConsole?

    func respond(to request: Request, context: Context) async throws -> Response {
        let response = await answer(request)
        requestLog?.info("\(request.method) \(request.uri.path) \(response.status.code)")
        return response
    }

    private func answer(_ request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            var response = FileResponse.text("405 Method Not Allowed", status: .methodNotAllowed, request: request)
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        guard let path = try? RequestPath(encoded: request.uri.path) else {
            return FileResponse.text("400 Bad Request", status: .badRequest, request: request)
        }
        let status = await store.status
        let root = RequestPath(segments: [], hasTrailingSlash: true)
        for prefix in [status.site?.base ?? root, root] where path.starts(with: prefix) {
            let rest = path.dropping(prefix)
            if rest.segments.first == LiveReloadScript.folder {
                return await endpoint(rest, request: request)
            }
        }
        guard let site = status.site else {
            return errorPage(for: path, request: request, status: status)
        }
        guard !path.hasEmptySegment else {
            return notFound(site: site, status: status, request: request)
        }
        guard path.starts(with: site.base) else {
            if path.segments.isEmpty {
                return FileResponse.redirect(to: site.base.encoded, status: .found)
            }
            return notFound(site: site, status: status, request: request)
        }
        let rest = path.dropping(site.base)
        if rest.segments.isEmpty && !rest.hasTrailingSlash {
            return FileResponse.redirect(to: site.base.encoded + query(of: request), status: .movedPermanently)
        }
        if rest.hasTrailingSlash {
            let key = rest.segments.isEmpty ? "index.html" : rest.key + "/index.html"
            return serve(key, site: site, status: status, request: request, within: rest)
        }
        if site.files[rest.key] != nil {
            return serve(rest.key, site: site, status: status, request: request, within: rest)
        }
        if site.files[rest.key + "/index.html"] != nil {
            let location = site.base.appending(rest.asDirectory).encoded + query(of: request)
            return FileResponse.redirect(to: location, status: .movedPermanently)
        }
        return notFound(site: site, status: status, request: request, within: rest)
    }

    /// Serves an output file, adding the live-reload script to HTML. `within` is the request's path under the
    /// base path, which chooses the not-found page when there is no such file.
    private func serve(_ key: String, site: ServedSite, status: SiteStatus, request: Request, within: RequestPath) -> Response {
        guard let data = site.files[key], let tag = site.tags[key] else {
            return notFound(site: site, status: status, request: request, within: within)
        }
        let contentType = ContentType.forPath(key)
        if contentType == ContentType.html {
            let page = LiveReloadScript.inject(into: data, build: status.build, basePath: site.basePath)
            return FileResponse(body: page, contentType: contentType, tag: tag.variant(status.build)).response(to: request)
        }
        return FileResponse(body: data, contentType: contentType, tag: tag).response(to: request)
    }

    /// The site's `404.html` with status 404, or plain text when the site has none. For a path in the folder
    /// of one of a multilingual site's languages (`/en/…`), that language's not-found page (`en/404.html`).
    private func notFound(site: ServedSite, status: SiteStatus, request: Request, within path: RequestPath? = nil) -> Response {
        let language = path.flatMap { $0.segments.count > 1 || $0.hasTrailingSlash ? $0.segments.first : nil }.map { $0 + "/404.html" }
        guard let page = language.flatMap({ site.files[$0] }) ?? site.files["404.html"] else {
            return FileResponse.text("404 Not Found", status: .notFound, request: request)
        }
        let body = LiveReloadScript.inject(into: page, build: status.build, basePath: site.basePath)
        return FileResponse(body: body, contentType: ContentType.html, tag: EntityTag(opaque: ""), status: .notFound)
            .response(to: request)
    }

    /// While no build succeeded: for pages, a page saying that the site is being built (`503`) or why
    /// it could not be (`500`); `503` for anything else.
    private func errorPage(for path: RequestPath, request: Request, status: SiteStatus) -> Response {
        let wantsHTML = path.hasTrailingSlash || ContentType.isHTML(path.key) || (request.headers[.accept] ?? "").contains("text/html")
        guard wantsHTML else {
            let message = status.isBuilding ? "503 The site is being built" : "503 The site could not be built: see the terminal"
            var response = FileResponse.text(message, status: .serviceUnavailable, request: request)
            if status.isBuilding { response.headers[.retryAfter] = "1" }
            return response
        }
        let page = LiveReloadScript.inject(into: ErrorPage.html(for: status.failure, text: status.text), build: status.build, basePath: "/")
        var response = FileResponse(
            body: page, contentType: ContentType.html, tag: EntityTag(opaque: ""),
            status: status.isBuilding ? .serviceUnavailable : .internalServerError
        ).response(to: request)
        if status.isBuilding { response.headers[.retryAfter] = "1" }
        return response
    }

    /// `__teigen/events` and `__teigen/live-reload.js`.
    private func endpoint(_ rest: RequestPath, request: Request) async -> Response {
        guard rest.segments.count == 2, !rest.hasTrailingSlash else {
            return FileResponse.text("404 Not Found", status: .notFound, request: request)
        }
        switch rest.segments[1] {
        case LiveReloadScript.eventsName:
            return await events(request)
        case LiveReloadScript.fileName:
            let script = Data(LiveReloadScript.source.utf8)
            return FileResponse(body: script, contentType: ContentType.forPath(LiveReloadScript.fileName), tag: EntityTag(content: script))
                .response(to: request)
        default:
            return FileResponse.text("404 Not Found", status: .notFound, request: request)
        }
    }

    /// The server-sent event stream of one page.
    private func events(_ request: Request) async -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        guard request.method == .get else {
            return Response(status: .ok, headers: headers)
        }
        let events = await hub.subscribe()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await event in events {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// `?query` when the request had a query made of visible ASCII only, else nothing.
    private func query(of request: Request) -> String {
        guard let query = request.uri.query, !query.isEmpty,
            query.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "#" })
        else { return "" }
        return "?" + query
    }
}
