import Foundation

/// Reading source files as text, with a diagnostic for what cannot be read.
enum SourceFile {
    /// The file's text, or nil with an error logged: missing, unreadable, or not UTF-8
    /// (the error points at the first byte that is not).
    static func readText(at url: URL, path: String, log: inout DiagnosticLog) -> String? {
        readText(atPath: url.path, path: path, log: &log)
    }

    /// `readText` for a file system path, so that the content loader makes no URL per page.
    static func readText(atPath filePath: String, path: String, log: inout DiagnosticLog) -> String? {
        guard let bytes = readBytes(atPath: filePath, path: path, log: &log) else { return nil }
        return decodeUTF8(bytes, path: path, log: &log)
    }

    /// The file's bytes, or nil with an error saying why they cannot be read.
    static func readBytes(atPath filePath: String, path: String, log: inout DiagnosticLog) -> [UInt8]? {
        switch readBytes(atPath: filePath) {
        case .success(let bytes): return bytes
        case .failure(let problem):
            log.error(problem.message, at: SourceLocation(path: path))
            return nil
        }
    }

    static func readData(atPath filePath: String, path: String, log: inout DiagnosticLog) -> Data? {
        readBytes(atPath: filePath, path: path, log: &log).map { Data($0) }
    }

    struct ReadProblem: Error {
        var message: String
    }

    static func notOrdinaryMessage(_ kind: String) -> String {
        "this is \(kind), not an ordinary file; Samsyn reads only ordinary files: remove it or put the file in its place"
    }

    /// What a path is, in words, when it is not an ordinary file.
    static func kind(ofMode mode: mode_t) -> String? {
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

    /// The file's bytes, read straight into one array (no `Data` to copy them out of):
    /// sized by fstat, with a byte to spare so that the read which finds the end needs no
    /// more room; a file that grew meanwhile is read on in a larger array. Opened without
    /// blocking and checked to be an ordinary file before it is read: opening a named pipe
    /// waits for a writer, and reading a device may never end.
    static func readBytes(atPath filePath: String) -> Result<[UInt8], ReadProblem> {
        let descriptor = open(filePath, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "file not found" : "cannot read the file: \(String(cString: strerror(errno)))"
            return .failure(ReadProblem(message: reason))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(ReadProblem(message: "cannot read the file: \(String(cString: strerror(errno)))"))
        }
        if let kind = kind(ofMode: info.st_mode) {
            return .failure(ReadProblem(message: notOrdinaryMessage(kind)))
        }
        var capacity = Int(info.st_size) + 1
        var bytes: [UInt8] = []
        while true {
            var failed = false
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = previous.count
                _ = buffer.initialize(fromContentsOf: previous)
                while count < capacity {
                    let result = Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
                    if result < 0, errno == EINTR { continue }
                    if result < 0 { failed = true }
                    if result <= 0 { return }
                    count += result
                }
            }
            if failed { return .failure(ReadProblem(message: "cannot read the file: \(String(cString: strerror(errno)))")) }
            if bytes.count < capacity { return .success(bytes) }
            capacity *= 2
        }
    }

    /// Like `readText`, but a missing file is nil without an error.
    static func readOptionalText(at url: URL, path: String, log: inout DiagnosticLog) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return readText(at: url, path: path, log: &log)
    }

    static func decodeUTF8(_ bytes: [UInt8], path: String, log: inout DiagnosticLog) -> String? {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return bytes.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        }
        let offset = firstInvalidUTF8Offset(bytes)
        let prefix = bytes[..<offset]
        let line = prefix.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        log.error(
            "the file is not UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true))); save it as UTF-8",
            at: SourceLocation(path: path, line: line, column: column)
        )
        return nil
    }

    /// Offset of the first byte that does not start a valid UTF-8 sequence.
    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead & 0xE0 == 0xC0 ? 2 : lead & 0xF0 == 0xE0 ? 3 : lead & 0xF8 == 0xF0 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                  String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return bytes.count
    }
}
