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
    static func scanInputs(sourceDirectory: URL, log: inout DiagnosticLog) {
        for folder in ["content", "templates"] {
            walk(sourceDirectory.path + "/" + folder, relative: folder, log: &log)
        }
    }

    /// Files whose bytes are not text.
    static let binaryExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "woff", "woff2", "ttf", "otf", "eot", "pdf", "zip", "mp3", "mp4", "webm"]

    private static func walk(_ folder: String, relative: String, log: inout DiagnosticLog) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var entries: [(name: String, isFolder: Bool, isFile: Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0 else { continue }
            entries.append((name, (info.st_mode & S_IFMT) == S_IFDIR, (info.st_mode & S_IFMT) == S_IFREG))
        }
        for entry in entries.sorted(by: { $0.name < $1.name }) {
            let path = relative + "/" + entry.name
            for match in PersonalIdentityNumberScanner.matches(in: entry.name) {
                log.error("the name of this \(entry.isFolder ? "folder" : "file") holds what looks like a personal identity number "
                          + "(\(match.text.dropLast(4))XXXX); \(message)", at: SourceLocation(path: path))
            }
            if entry.isFolder {
                walk(folder + "/" + entry.name, relative: path, log: &log)
            } else if entry.isFile, !isReadElsewhere(path), !binaryExtensions.contains((entry.name as NSString).pathExtension.lowercased()),
                      let data = FileManager.default.contents(atPath: folder + "/" + entry.name), !data.prefix(8192).contains(0) {
                scan(TextDecoding.decode(data).text, path: path, log: &log)
            }
        }
    }

    /// Pages (read by `ContentLoader`) and CSV files (read by `TableReader`) are scanned
    /// where they are read, with the positions of their fields.
    private static func isReadElsewhere(_ path: String) -> Bool {
        if path.hasPrefix(DataStore.folder + "/") { return path.lowercased().hasSuffix(".csv") }
        return path.hasPrefix("content/") && path.hasSuffix(".md")
    }

    /// The files a target is made of, as they will be written: a number that only the
    /// rendering puts together is reported at the page it comes from, or at the output file.
    static func scanOutput(_ files: [OutputFile], target: String, log: inout DiagnosticLog) {
        for file in files {
            let text = String(decoding: file.contents, as: UTF8.self)
            for match in PersonalIdentityNumberScanner.matches(in: text) {
                let found = "(\(match.text.dropLast(4))XXXX)"
                if let source = file.source {
                    log.error("the page as built holds what looks like a personal identity number \(found), put together from parts "
                              + "of its text (emphasis, a link, an entity or a chart); \(message)", at: SourceLocation(path: source))
                } else {
                    log.error("the built file holds what looks like a personal identity number \(found); \(message)",
                              at: location(ofCharacter: match.offset, in: text, path: target + "/" + file.path))
                }
            }
        }
    }
}
