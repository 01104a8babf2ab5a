#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif

/// Whole files read and written with the system's calls on path strings: no `URL` or
/// `Data` on the way, and no read that can block. Every reader of the site's sources and
/// the output writer go through here.
public enum FileBytes {
    /// Why a file could not be read or written, in words for the user.
    public struct Problem: Error, Sendable {
        public var path: String
        public var message: String
    }

    /// What a path is, in words, when it is not an ordinary file.
    public static func kind(ofMode mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFLNK: return "a symbolic link"
        default: return "not an ordinary file"
        }
    }

    public static func notOrdinaryMessage(_ kind: String) -> String {
        "this is \(kind), not an ordinary file; Samsyn reads only ordinary files: remove it or put the file in its place"
    }

    /// The file's bytes, read straight into one array: sized by fstat, with a byte to
    /// spare so that the read which finds the end needs no more room; a file that grew
    /// meanwhile is read on in a larger array. Opened without blocking and checked to be an
    /// ordinary file before it is read: opening a named pipe waits for a writer, and
    /// reading a device may never end.
    public static func read(atPath path: String) -> Result<[UInt8], Problem> {
        func problem(_ message: String) -> Problem { Problem(path: path, message: message) }
        func systemProblem() -> Problem { problem("cannot read the file: \(String(cString: strerror(errno)))") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? problem("file not found") : systemProblem()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(systemProblem()) }
        if let kind = kind(ofMode: info.st_mode) { return .failure(problem(notOrdinaryMessage(kind))) }
        var capacity = Int(info.st_size) + 1
        var bytes: [UInt8] = []
        while true {
            var failed = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = previous.count
                _ = buffer.initialize(fromContentsOf: previous)
                while count < capacity {
                    let result = systemRead(descriptor, buffer.baseAddress! + count, capacity - count)
                    if result < 0, errno == EINTR { continue }
                    if result < 0 { failed = true }
                    if result <= 0 { return }
                    count += result
                }
            }
            if failed { return .failure(systemProblem()) }
            if bytes.count < capacity { return .success(bytes) }
            capacity *= 2
        }
    }

    /// Writes a file whole, creating or truncating it (mode 0666 less the umask, as
    /// Foundation makes files).
    public static func write(_ contents: UnsafeRawBufferPointer, toPath path: String) throws(Problem) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw systemProblem(path) }
        defer { close(descriptor) }
        var offset = 0
        while offset < contents.count {
            let written = systemWrite(descriptor, contents.baseAddress! + offset, contents.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw systemProblem(path)
            }
            offset += written
        }
    }

    /// `mkdir -p` that another thread may race: a folder that appeared meanwhile is fine.
    public static func makeFolder(_ path: String) throws(Problem) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, path != "/" else { throw systemProblem(path) }
        let parent = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        if !parent.isEmpty { try makeFolder(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw systemProblem(path) }
    }

    /// The system's reason for the last failed call, as `path: reason`.
    public static func systemProblem(_ path: String) -> Problem {
        let reason = String(cString: strerror(errno))
        return Problem(path: path, message: "\(path): \(reason)")
    }
}

extension FileBytes.Problem: CustomStringConvertible {
    public var description: String { message }
}
