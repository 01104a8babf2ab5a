import Foundation

/// `samsyn init`: a new site in a folder, from the default templates and the starter
/// content (`starter/content/` in the repository, `/usr/share/samsyn/` when installed):
/// the municipality's name in site.yml, today's date where a page needs one, and
/// `[FYLL I: …]` wherever only the municipality can say what is true.
public struct SiteStarter: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case notEmpty(String)
        case emptyName
        case noStarterFiles(searched: [String])
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case .notEmpty(let folder):
                "the folder '\(folder)' is not empty; choose a new folder, or add --force to add the site's files beside what is "
                    + "there (no file that exists is replaced)"
            case .emptyName: "--name is the municipality's name, such as --name \"Hudiksvalls kommun\""
            case .noStarterFiles(let searched):
                "the default templates and starter pages were not found (looked in \(searched.joined(separator: ", "))); "
                    + "set SAMSYN_SHARE to the folder that holds templates/ and starter/"
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// The folder holding `templates/` and `starter/content/`.
    public let share: URL

    public init(share: URL) {
        self.share = share
    }

    /// Where the templates and starter pages are: `SAMSYN_SHARE`, the installed
    /// `../share/samsyn` beside the binary, or the repository a development build runs from.
    public static func locate(executable: URL? = Bundle.main.executableURL,
                              environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<SiteStarter, Failure> {
        var candidates: [URL] = []
        if let share = environment["SAMSYN_SHARE"], !share.isEmpty { candidates.append(URL(fileURLWithPath: share)) }
        if let binary = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            candidates.append(binary.deletingLastPathComponent().appendingPathComponent("share/samsyn"))
            var folder = binary
            for _ in 0..<6 {
                candidates.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        let found = candidates.first { folder in
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("templates/base.mustache").path)
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent("starter/content/site.yml").path)
        }
        return found.map { .success(SiteStarter(share: $0)) } ?? .failure(.noStarterFiles(searched: candidates.map(\.path)))
    }

    /// Writes the new site into `folder` and returns the files written, relative to it.
    /// A folder with anything in it is refused unless `force`, and then no file that
    /// exists is replaced.
    public func create(in folder: URL, name: String, today: LocalDate, force: Bool) throws(Failure) -> [String] {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .emptyName }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if !existing.isEmpty, !force { throw .notEmpty(folder.path) }
        var written: [String] = []
        for (source, relative) in files() {
            let destination = folder.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: destination.path) { continue }
            do {
                try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                var data = try Data(contentsOf: source)
                if relative.hasPrefix("content/"), let text = String(data: data, encoding: .utf8) {
                    data = Data(Self.fill(text, name: name, today: today).utf8)
                }
                try data.write(to: destination)
            } catch {
                throw .cannotWrite(destination.path, error.localizedDescription)
            }
            written.append(relative)
        }
        return written
    }

    /// The municipality's name (as a YAML double-quoted string's content: the starter
    /// writes it only there), today and this year.
    static func fill(_ text: String, name: String, today: LocalDate) -> String {
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return text.replacingOccurrences(of: "%KOMMUN%", with: quoted)
            .replacingOccurrences(of: "%IDAG%", with: today.description)
            .replacingOccurrences(of: "%ÅR%", with: String(today.year))
    }

    /// Every file to copy, with its path in the new site: the templates, then the content.
    private func files() -> [(URL, String)] {
        func walk(_ root: URL, into prefix: String) -> [(URL, String)] {
            guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
            return enumerator.compactMap { item -> (URL, String)? in
                guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                      !url.lastPathComponent.hasPrefix(".") else { return nil }
                let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
                return (url, prefix + relative)
            }.sorted { $0.1 < $1.1 }
        }
        return walk(share.appendingPathComponent("templates"), into: "templates/") + walk(share.appendingPathComponent("starter/content"), into: "content/")
    }
}
