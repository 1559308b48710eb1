import Foundation
import HTTPTypes
import Hummingbird

/// The response for some bytes, honouring `HEAD`, `If-None-Match` (`304`) and `Range` (`206`, `416`).
struct FileResponse: Sendable {
    var body: Data
    var contentType: String
    var tag: EntityTag
    /// `.ok` for files; `.notFound` (or another error) for error pages, which ignore conditions and ranges.
    var status: HTTPResponse.Status = .ok

    /// Builds the response to `request`.
    func response(to request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        guard status == .ok else {
            headers[.contentLength] = String(body.count)
            return Response(status: status, headers: headers, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        headers[.eTag] = tag.description
        headers[.acceptRanges] = "bytes"
        if let ifNoneMatch = request.headers[.ifNoneMatch], tag.isMatched(byIfNoneMatch: ifNoneMatch) {
            headers[.contentType] = nil
            headers[.contentLength] = String(body.count)
            return Response(status: .notModified, headers: headers)
        }
        var range = ByteRange(header: request.headers[.range], length: body.count)
        if let ifRange = request.headers[.ifRange], !tag.isMatched(byIfRange: ifRange) {
            range = .whole
        }
        let status: HTTPResponse.Status
        let bytes: Data
        switch range {
        case .whole:
            status = .ok
            bytes = body
        case .part(let part):
            status = .partialContent
            bytes = body.subdata(in: (body.startIndex + part.lowerBound)..<(body.startIndex + part.upperBound))
            headers[.contentRange] = "bytes \(part.lowerBound)-\(part.upperBound - 1)/\(body.count)"
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(body.count)"
            headers[.contentType] = ContentType.plainText
            let message = Data("416 Range Not Satisfiable\n".utf8)
            headers[.contentLength] = String(message.count)
            return Response(status: .rangeNotSatisfiable, headers: headers, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: message)))
        }
        headers[.contentLength] = String(bytes.count)
        if request.method == .head {
            return Response(status: status, headers: headers)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A plain-text response (`404`, `400`, `405`, …).
    static func text(_ message: String, status: HTTPResponse.Status, request: Request) -> Response {
        FileResponse(body: Data((message + "\n").utf8), contentType: ContentType.plainText, tag: EntityTag(opaque: ""), status: status)
            .response(to: request)
    }

    /// A redirect to `location` (already percent-encoded).
    static func redirect(to location: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = "0"
        return Response(status: status, headers: headers)
    }
}

extension HTTPField.Name {
    /// `X-Content-Type-Options`.
    static var xContentTypeOptions: HTTPField.Name { HTTPField.Name("X-Content-Type-Options")! }
}
