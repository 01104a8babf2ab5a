import Foundation
import SamsynSupport

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
        switch FileBytes.read(atPath: filePath) {
        case .success(let bytes): return bytes
        case .failure(let problem):
            log.error(problem.message, at: SourceLocation(path: path))
            return nil
        }
    }

    static func readData(atPath filePath: String, path: String, log: inout DiagnosticLog) -> Data? {
        readBytes(atPath: filePath, path: path, log: &log).map { Data($0) }
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
