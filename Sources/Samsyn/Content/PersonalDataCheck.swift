import Foundation
import SamsynData

/// A personal identity number anywhere stops the build (DESIGN.md): in any input file or
/// file name, and in what the build makes of them, which may join parts that are harmless
/// apart (a link's text after a number, an entity, a template's two values side by side).
enum PersonalDataCheck {
    static let message = "personal data must never be published"

    /// Reports every number in `text`, at its line and column.
    static func scan(_ text: String, path: String, log: inout DiagnosticLog) {
        for match in PersonalIdentityNumberScanner.matches(in: text) {
            log.error("this looks like a personal identity number (\(match.text.dropLast(4))XXXX); \(message)",
                      at: location(ofCharacter: match.offset, in: text, path: path))
        }
    }

    static func location(ofCharacter offset: Int, in text: String, path: String) -> SourceLocation {
        let prefix = text.prefix(offset)
        let line = prefix.count { $0 == "\n" } + 1
        let column = prefix.count - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
        return SourceLocation(path: path, line: line, column: column)
    }

    /// Every file and folder name under content/ and templates/, and the text of every file
    /// there that the content loader and the data store do not read themselves (sidecars,
    /// site.yml, interface text, templates, scripts and styles, anything else).
    static func scanInputs(_ tree: SourceTree, log: inout DiagnosticLog) {
        for (path, isFolder) in tree.names {
            let name = String(path.split(separator: "/").last ?? "")
            for match in PersonalIdentityNumberScanner.matches(in: name) {
                let masked = match.text.dropLast(4)
                log.error(isFolder ? "the name of this folder holds what looks like a personal identity number (\(masked)XXXX); \(message)"
                                   : "the name of this file holds what looks like a personal identity number (\(masked)XXXX); \(message)",
                          at: SourceLocation(path: path))
            }
        }
        for file in tree.files where !isReadElsewhere(file.path) {
            let fileExtension = (file.path as NSString).pathExtension.lowercased()
            guard !binaryExtensions.contains(fileExtension), let bytes = SourceFile.readBytes(atPath: file.absolutePath, path: file.path, log: &log),
                  !bytes.prefix(8192).contains(0) else { continue }
            scan(TextDecoding.decode(Data(bytes)).text, path: file.path, log: &log)
        }
    }

    /// Files whose bytes are not text.
    static let binaryExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "woff", "woff2", "ttf", "otf", "eot", "pdf", "zip", "mp3", "mp4", "webm"]

    /// Pages (read by `ContentLoader`) and CSV files (read by `TableReader`) are scanned
    /// where they are read, with the positions of their fields.
    private static func isReadElsewhere(_ path: String) -> Bool {
        if path.hasPrefix("content/\(ContentFileName.dataFolder)/") { return path.lowercased().hasSuffix(".csv") }
        return path.hasPrefix("content/") && path.hasSuffix(".md")
    }
}
