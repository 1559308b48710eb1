/// Why the preview server could not start or keep running.
public enum PreviewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another program listens on the address already.
    case addressInUse(host: String, port: Int)
    /// The server could not listen on the address for another reason.
    case cannotListen(host: String, port: Int, reason: String)
    /// A folder could not be watched for changes.
    case cannotWatch(path: String, reason: String)

    /// The message for the terminal, after `error: `.
    public var description: String {
        switch self {
        case .addressInUse(let host, let port):
            return "port \(port) on \(host) is already in use; stop the other server or pick another port with --port (--port 0 picks a free one)"
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        case .cannotWatch(let path, let reason):
            return path.isEmpty ? "cannot watch for changes: \(reason)" : "cannot watch \(path) for changes: \(reason)"
        }
    }
}
