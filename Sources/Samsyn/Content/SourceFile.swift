import Foundation

/// Reading source files as text, with a diagnostic for what cannot be read.
enum SourceFile {
    /// The file's text, or nil with an error logged: missing, unreadable, or not UTF-8
    /// (the error points at the first byte that is not).
    static func readText(at url: URL, path: String, log: inout DiagnosticLog) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            log.error(exists ? "cannot read the file" : "file not found", at: SourceLocation(path: path))
            return nil
        }
        return decodeUTF8(data, path: path, log: &log)
    }

    /// Like `readText`, but a missing file is nil without an error.
    static func readOptionalText(at url: URL, path: String, log: inout DiagnosticLog) -> String? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return readText(at: url, path: path, log: &log)
    }

    static func decodeUTF8(_ data: Data, path: String, log: inout DiagnosticLog) -> String? {
        var bytes = [UInt8](data)
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
