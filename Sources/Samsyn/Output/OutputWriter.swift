import Foundation
import SamsynSupport

/// Writes built targets so that a reader never sees a half-written site: each target is
/// written in full beside its folder, then exchanged with it in one atomic step.
///
/// One build at a time writes into an output folder: the first `begin` takes a lock on
/// `<output>/.samsyn.lock` (released by the kernel if the build is killed), and a second
/// build waits for it, saying so.
struct OutputWriter: Sendable {
    let outputDirectory: URL
    private let token = ProcessInfo.processInfo.processIdentifier
    private var staged: [(final: URL, staging: URL)] = []
    private var createdOutputDirectory = false
    /// The open lock file, from the first `begin` until `commit` or `discard`.
    private var lock: Int32 = -1

    init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory
    }

    static let lockName = ".samsyn.lock"

    /// Starts writing a target beside its folder; nothing a reader sees changes yet.
    mutating func begin(_ name: String) throws {
        let fileManager = FileManager.default
        if staged.isEmpty, !fileManager.fileExists(atPath: outputDirectory.path) {
            try fileManager.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
            createdOutputDirectory = true
        }
        if lock < 0 { try takeLock() }
        removeLeftovers(of: [name])
        staged.append((outputDirectory.appendingPathComponent(name), outputDirectory.appendingPathComponent(".\(name).new-\(token)")))
    }

    /// Writes files of a target begun before. Pages are written as they are rendered, on
    /// every core at once, so a large site never has to fit in memory. Written with
    /// open/write on path strings, without Foundation's URL and Data on the way.
    func write(_ files: [OutputFile], to target: String) throws {
        guard let staging = staged.first(where: { $0.final.lastPathComponent == target })?.staging.path else { return }
        for file in files {
            let path = staging + "/" + file.path
            if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                try WriteError.from { try FileBytes.makeFolder(String(path[..<slash])) }
            }
            try WriteError.from { try file.contents.withUnsafeBytes { try FileBytes.write($0, toPath: path) } }
        }
    }

    /// A file or folder of the output that could not be made, with the system's reason.
    struct WriteError: LocalizedError {
        var errorDescription: String?

        init(path: String, code: Int32) {
            errorDescription = "\(path): \(String(cString: strerror(code)))"
        }

        /// The problem `FileBytes` reports, as an error a build's log can show.
        static func from(_ body: () throws -> Void) throws {
            do { try body() } catch let problem as FileBytes.Problem { throw WriteError(errorDescription: problem.message) }
        }

        private init(errorDescription: String) {
            self.errorDescription = errorDescription
        }
    }

    private mutating func takeLock() throws {
        let path = outputDirectory.appendingPathComponent(Self.lockName).path
        lock = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { throw WriteError(path: path, code: errno) }
        if flock(lock, LOCK_EX | LOCK_NB) == 0 { return }
        FileHandle.standardError.write(Data("Another samsyn build is writing into \(outputDirectory.path); waiting for it to finish.\n".utf8))
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else { throw WriteError(path: path, code: errno) }
        }
    }

    /// Once only: a second `close` could close a descriptor another thread has opened since.
    private mutating func releaseLock() {
        if lock >= 0 { close(lock) }
        lock = -1
    }

    /// Everything is written: only now is the previous output replaced, target by target,
    /// each in one atomic exchange of the two folders (Linux's `renameat2` with
    /// `RENAME_EXCHANGE`), so that at no instant is a target missing or part old, part new,
    /// whenever the build is killed. Where the file system cannot exchange, two renames.
    mutating func commit() throws {
        defer { releaseLock() }
        let fileManager = FileManager.default
        for (final, staging) in staged {
            if fileManager.fileExists(atPath: final.path) {
                if Self.exchange(staging.path, final.path) {
                    // The staging name now holds the previous target.
                    Self.remove(staging)
                    continue
                }
                let old = outputDirectory.appendingPathComponent(".\(final.lastPathComponent).old-\(token)")
                try fileManager.moveItem(at: final, to: old)
                try fileManager.moveItem(at: staging, to: final)
                Self.remove(old)
            } else {
                try fileManager.moveItem(at: staging, to: final)
            }
        }
    }

    /// Exchanges two folders atomically; false where the file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        return renameat2(atCurrentDirectory, a, atCurrentDirectory, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Removes a folder tree, its page folders on every core rather than one file at a time.
    private static func remove(_ folder: URL) {
        let fileManager = FileManager.default
        guard let sections = try? fileManager.contentsOfDirectory(atPath: folder.path) else { return }
        let entries = sections.flatMap { section -> [String] in
            let path = folder.appendingPathComponent(section).path
            let children = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
            return children.map { path + "/" + $0 }
        }
        _ = Parallel.map(entries.count) { index in
            // A page's folder holds its index.html alone: two calls instead of a tree walk.
            let folder = entries[index]
            if unlink(folder + "/index.html") == 0, rmdir(folder) == 0 { return }
            try? FileManager.default.removeItem(atPath: folder)
        }
        try? fileManager.removeItem(at: folder)
    }

    /// The build failed: the staged targets go, the previous output stays as it was (and an
    /// output folder this build made, empty again, goes too).
    mutating func discard() {
        for (_, staging) in staged { try? FileManager.default.removeItem(at: staging) }
        if createdOutputDirectory { try? FileManager.default.removeItem(at: outputDirectory) }
        releaseLock()
    }

    /// Staging folders a killed build left behind (`.webb.new-1234`, `.webb.old-1234`).
    private func removeLeftovers(of targets: [String]) {
        let fileManager = FileManager.default
        let entries = (try? fileManager.contentsOfDirectory(atPath: outputDirectory.path)) ?? []
        for entry in entries where targets.contains(where: { entry.hasPrefix(".\($0).new-") || entry.hasPrefix(".\($0).old-") }) {
            try? fileManager.removeItem(at: outputDirectory.appendingPathComponent(entry))
        }
    }
}

#if os(Linux)
/// glibc's `renameat2` (2.28 and later; `_GNU_SOURCE`, which the Glibc module does not set).
@_silgen_name("renameat2")
private func renameat2(_ oldDirectory: Int32, _ oldPath: UnsafePointer<CChar>, _ newDirectory: Int32, _ newPath: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
private let atCurrentDirectory: Int32 = -100 // AT_FDCWD
private let renameExchange: UInt32 = 1 << 1   // RENAME_EXCHANGE
#endif
