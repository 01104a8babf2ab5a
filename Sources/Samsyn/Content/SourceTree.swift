import Foundation
import SamsynSupport

/// Everything under `content/` and `templates/`, looked at before anything is read: what
/// the readers would skip silently or could not read is reported here, so that no page,
/// data file or asset goes missing from a build that says it succeeded.
///
/// - A named pipe, socket or device is an error (opening one could wait forever).
/// - A folder or file that cannot be read is an error.
/// - A symbolic link is followed only to an ordinary file inside the site folder; one that
///   points outside it (its text would be published), to a folder (it could loop), or
///   nowhere is an error.
/// - A file ending in `.MD` or another spelling of `.md` is a warning: only `.md` is read.
struct SourceTree {
    struct File {
        /// Relative to the site folder: `content/rutiner/x.md`.
        var path: String
        var absolutePath: String
    }

    static let folders = ["content", "templates"]

    /// The page files, relative to content/ and sorted: every `.md` but those in hidden
    /// folders or files and in the folders that hold other things (`content/data/`).
    var pageFiles: [String] {
        files.compactMap { file -> String? in
            guard file.path.hasPrefix("content/"), file.path.hasSuffix(".md") else { return nil }
            let relative = String(file.path.dropFirst("content/".count))
            let parts = relative.split(separator: "/")
            guard !parts.contains(where: { $0.hasPrefix(".") }), parts.count == 1 || !ContentFileName.nonPageFolders.contains(String(parts[0])) else { return nil }
            return relative
        }.sorted()
    }

    /// The files under a folder of the site (`content/data`), each with its path relative
    /// to that folder, sorted by it.
    func files(under folder: String) -> [(relative: String, file: File)] {
        let prefix = folder + "/"
        return files.compactMap { file in file.path.hasPrefix(prefix) ? (String(file.path.dropFirst(prefix.count)), file) : nil }
            .sorted { $0.relative < $1.relative }
    }

    /// The ordinary files (and links to them inside the site), sorted.
    private(set) var files: [File] = []
    /// Every name walked, folders included, for checks on names.
    private(set) var names: [(path: String, isFolder: Bool)] = []

    init(sourceDirectory: URL, log: inout DiagnosticLog) {
        let root = sourceDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        for folder in Self.folders {
            var info = stat()
            guard lstat(root + "/" + folder, &info) == 0 else { continue }
            walk(root + "/" + folder, relative: folder, root: root, log: &log)
        }
    }

    private mutating func walk(_ folder: String, relative: String, root: String, log: inout DiagnosticLog) {
        guard let directory = opendir(folder) else {
            log.error("cannot read the folder: \(String(cString: strerror(errno))); its files would be missing from the site",
                      at: SourceLocation(path: relative))
            return
        }
        var entries: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { entries.append(name) }
        }
        closedir(directory)
        for name in entries.sorted() {
            let absolute = folder + "/" + name, path = relative + "/" + name
            var info = stat()
            guard lstat(absolute, &info) == 0 else { continue } // removed meanwhile
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                names.append((path, true))
                walk(absolute, relative: path, root: root, log: &log)
                continue
            }
            names.append((path, false))
            if type == S_IFLNK, !followableLink(absolute, path: path, root: root, log: &log) { continue }
            if type != S_IFLNK, let kind = FileBytes.kind(ofMode: info.st_mode) {
                log.error(FileBytes.notOrdinaryMessage(kind), at: SourceLocation(path: path))
                continue
            }
            if access(absolute, R_OK) != 0 {
                log.error("cannot read the file: \(String(cString: strerror(errno)))", at: SourceLocation(path: path))
                continue
            }
            if name.lowercased().hasSuffix(".md"), !name.hasSuffix(".md") {
                log.warning("Samsyn reads pages from files ending in '.md' only, so this file is left out; rename it to end in '.md'",
                            at: SourceLocation(path: path))
            }
            files.append(File(path: path, absolutePath: absolute))
        }
    }

    /// A link to an ordinary file inside the site folder; anything else is reported.
    private func followableLink(_ absolute: String, path: String, root: String, log: inout DiagnosticLog) -> Bool {
        guard let resolved = realpath(absolute, nil) else {
            log.error("this symbolic link points nowhere; remove it or put the file in its place", at: SourceLocation(path: path))
            return false
        }
        let target = String(cString: resolved)
        free(resolved)
        guard target.hasPrefix(root + "/") else {
            log.error("this symbolic link points outside the site folder (to \(target)); Samsyn publishes only what is in the site: copy the file in instead",
                      at: SourceLocation(path: path))
            return false
        }
        var info = stat()
        guard stat(target, &info) == 0, FileBytes.kind(ofMode: info.st_mode) == nil else {
            log.error("this symbolic link points to a folder or to something that is not an ordinary file; Samsyn follows links only to files",
                      at: SourceLocation(path: path))
            return false
        }
        return true
    }
}
