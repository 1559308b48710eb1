#if os(Linux)
import Glibc

/// The loop of the watcher's thread: waits (in `poll`, never spinning) for inotify events or for
/// the stop request, turns events into `FileChange`s, and watches new folders as they appear.
struct InotifyReader {
    let descriptors: InotifyDescriptors
    var table: WatchTable
    let roots: [String]
    let continuation: AsyncStream<FileChange>.Continuation

    /// Runs until a stop is requested or the descriptor fails; then removes the watches and ends the stream.
    mutating func run() {
        var polled = [
            pollfd(fd: descriptors.inotify, events: Int16(POLLIN), revents: 0),
            pollfd(fd: descriptors.wakeRead, events: Int16(POLLIN), revents: 0),
        ]
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        running: while true {
            let ready = poll(&polled, nfds_t(polled.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if polled[1].revents != 0 { break }
            let events = polled[0].revents
            if events & Int16(POLLIN) != 0 {
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(descriptors.inotify, $0.baseAddress, $0.count) }
                    if count > 0 {
                        handle(buffer.prefix(count))
                    } else if count < 0 && errno == EINTR {
                        continue
                    } else {
                        break  // EAGAIN: drained
                    }
                }
            } else if events != 0 {
                break running  // POLLERR, POLLNVAL
            }
        }
        table.removeAll()
        continuation.finish()
    }

    /// Decodes a buffer of `struct inotify_event` records.
    private mutating func handle(_ bytes: ArraySlice<UInt8>) {
        let headerSize = 16  // wd, mask, cookie, len: four 32-bit fields
        var records: [(watch: Int32, mask: UInt32, name: String)] = []
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset + headerSize <= raw.count {
                let watch = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameEnd = min(raw.count, offset + headerSize + length)
                let nameBytes = raw[(offset + headerSize)..<nameEnd].prefix { $0 != 0 }
                records.append((watch, mask, String(decoding: nameBytes, as: UTF8.self)))
                offset += headerSize + length
            }
        }
        for record in records {
            handle(watch: record.watch, mask: record.mask, name: record.name)
        }
    }

    private mutating func handle(watch: Int32, mask: UInt32, name: String) {
        func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }

        if has(IN_Q_OVERFLOW) {
            for root in roots { continuation.yield(FileChange(path: root, kind: .overflow, isDirectory: true)) }
            return
        }
        if has(IN_IGNORED) {
            table.forget(watch)
            return
        }
        guard let folder = table[watch] else { return }
        if name.isEmpty {
            // The watched folder itself went away; its parent reports that, except for a root.
            if (has(IN_DELETE_SELF) || has(IN_MOVE_SELF)) && roots.contains(folder) {
                continuation.yield(FileChange(path: folder, kind: .deleted, isDirectory: true))
            }
            return
        }
        let isDirectory = has(IN_ISDIR)
        if isDirectory ? TemporaryFileFilter.isIgnoredFolder(name: name) : TemporaryFileFilter.isIgnored(name: name) {
            return
        }
        let path = folder + "/" + name
        if has(IN_CREATE) || has(IN_MOVED_TO) {
            let kind: FileChange.Kind = has(IN_CREATE) ? .created : .movedHere
            continuation.yield(FileChange(path: path, kind: kind, isDirectory: isDirectory))
            if isDirectory {
                var found: [FileChange]? = []
                try? table.addRecursively(path, report: &found)
                for change in found ?? [] { continuation.yield(change) }
            }
        } else if has(IN_MOVED_FROM) {
            if isDirectory { table.removeTree(path) }
            continuation.yield(FileChange(path: path, kind: .movedAway, isDirectory: isDirectory))
        } else if has(IN_DELETE) {
            continuation.yield(FileChange(path: path, kind: .deleted, isDirectory: isDirectory))
        } else if has(IN_MODIFY) || has(IN_CLOSE_WRITE) || has(IN_ATTRIB) {
            guard !isDirectory else { return }  // a folder's own attributes do not matter
            continuation.yield(FileChange(path: path, kind: .modified))
        }
    }
}
#endif
