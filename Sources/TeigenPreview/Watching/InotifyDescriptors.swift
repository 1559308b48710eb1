#if os(Linux)
import Glibc

/// The file descriptors of one watch: the inotify instance and a pipe that wakes the reader thread up
/// when the watch should stop. Closed when the last owner (reader thread, stream) lets go.
final class InotifyDescriptors: Sendable {
    /// The inotify instance, non-blocking.
    let inotify: Int32
    /// Read end of the wake-up pipe, polled by the reader thread.
    let wakeRead: Int32
    /// Write end of the wake-up pipe.
    let wakeWrite: Int32

    /// Opens an inotify instance and the wake-up pipe.
    init() throws(PreviewError) {
        let inotify = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotify >= 0 else {
            throw .cannotWatch(path: "", reason: "inotify_init1: \(String(cString: strerror(errno)))")
        }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            let reason = String(cString: strerror(errno))
            close(inotify)
            throw .cannotWatch(path: "", reason: "pipe: \(reason)")
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        self.inotify = inotify
        self.wakeRead = pipeEnds[0]
        self.wakeWrite = pipeEnds[1]
    }

    /// Asks the reader thread to remove its watches and stop.
    func requestStop() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    deinit {
        close(inotify)
        close(wakeRead)
        close(wakeWrite)
    }
}
#endif
