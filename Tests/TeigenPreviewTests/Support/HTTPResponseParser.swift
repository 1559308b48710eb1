import Foundation

/// Decodes an HTTP/1.1 response as its bytes arrive: head, then a body delimited by
/// `Content-Length`, chunked encoding or the end of the connection.
struct HTTPResponseParser {
    /// The version of the status line (`HTTP/1.1`).
    private(set) var version: String?
    private(set) var status: Int?
    private(set) var headers: [String: String] = [:]
    /// The decoded body so far.
    private(set) var body: [UInt8] = []
    /// Whether the whole body arrived.
    private(set) var isComplete = false
    /// Bytes after a complete response with a `Content-Length`: the start of the next one.
    private(set) var leftover: [UInt8] = []

    private var pending: [UInt8] = []
    private var chunked = false
    private var contentLength: Int?

    mutating func feed(_ bytes: [UInt8]) {
        pending += bytes
        if status == nil {
            guard let end = Self.find([13, 10, 13, 10], in: pending) else { return }
            let head = String(decoding: pending[..<end], as: UTF8.self)
            pending.removeFirst(end + 4)
            var lines = head.components(separatedBy: "\r\n")
            let statusLine = lines.removeFirst().split(separator: " ")
            version = statusLine.first.map(String.init)
            status = statusLine.count > 1 ? Int(statusLine[1]) : 0
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            chunked = headers["transfer-encoding"]?.lowercased() == "chunked"
            contentLength = headers["content-length"].flatMap { Int($0) }
        }
        if chunked {
            while !isComplete, let lineEnd = Self.find([13, 10], in: pending) {
                let sizeText = String(decoding: pending[..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                    isComplete = true
                    return
                }
                if size == 0 {
                    isComplete = true
                    return
                }
                guard pending.count >= lineEnd + 2 + size + 2 else { return }
                body += pending[(lineEnd + 2)..<(lineEnd + 2 + size)]
                pending.removeFirst(lineEnd + 2 + size + 2)
            }
        } else if let contentLength {
            let taken = min(pending.count, contentLength - body.count)
            body += pending[..<taken]
            leftover += pending[taken...]
            pending = []
            if body.count >= contentLength { isComplete = true }
        } else {
            body += pending
            pending = []
        }
    }

    /// Marks the end of the connection (which ends a body of unknown length).
    mutating func finish() {
        isComplete = true
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
