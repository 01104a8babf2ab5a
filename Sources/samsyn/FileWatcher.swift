#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Reports changed files under some folders, through Linux's inotify: no polling, so an
/// edit is seen within a millisecond. Changes that come together (an editor writing a
/// temporary file and renaming it) are reported as one batch.
final class FileWatcher: @unchecked Sendable {
    private let root: URL
    private let descriptor: Int32
    /// Watch descriptor to folder, relative to `root`. Only the watcher's thread uses it.
    private var folders: [Int32: String] = [:]
    private static let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)

    /// - Parameter folders: folders relative to `root`, watched with everything below them.
    init?(root: URL, folders: [String]) {
        self.root = root
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for folder in folders { watch(folder) }
    }

    deinit { close(descriptor) }

    /// Calls `changed` with each batch of changed paths (relative to `root`), on a thread
    /// of its own, until the process ends.
    func start(_ changed: @escaping @Sendable (Set<String>) -> Void) {
        let thread = Thread { [self] in
            while true {
                var batch = readEvents(timeout: -1)
                // A few milliseconds more for the rest of a save.
                while true {
                    let more = readEvents(timeout: 3)
                    if more.isEmpty { break }
                    batch.formUnion(more)
                }
                if !batch.isEmpty { changed(batch) }
            }
        }
        thread.start()
    }

    private func watch(_ folder: String) {
        let path = root.appendingPathComponent(folder).path
        let wd = inotify_add_watch(descriptor, path, Self.events)
        guard wd >= 0 else { return }
        folders[wd] = folder
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for entry in entries where !entry.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + entry, isDirectory: &isDirectory), isDirectory.boolValue {
                watch(folder + "/" + entry)
            }
        }
    }

    /// The paths of the events that arrive within `timeout` milliseconds (-1: wait).
    private func readEvents(timeout: Int32) -> Set<String> {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeout) > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var paths = Set<String>()
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = bytes.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = bytes[nameStart..<nameStart + Int(event.len)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + Int(event.len)
                guard let folder = folders[event.wd], !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
                let path = folder + "/" + name
                if event.mask & UInt32(IN_ISDIR) != 0 {
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch(path) }
                }
                paths.insert(path)
            }
        }
        return paths
    }
}
