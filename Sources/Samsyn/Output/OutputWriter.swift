import Foundation

/// Writes built targets so that a reader never sees a half-written site: each target is
/// written in full beside its folder, then swapped in with two renames.
struct OutputWriter {
    let outputDirectory: URL

    func write(_ targets: [(name: String, files: [OutputFile])]) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        let token = ProcessInfo.processInfo.processIdentifier
        removeLeftovers(of: targets.map(\.name))
        var staged: [(final: URL, staging: URL)] = []
        do {
            for (name, files) in targets {
                let staging = outputDirectory.appendingPathComponent(".\(name).new-\(token)")
                try? fileManager.removeItem(at: staging)
                for file in files {
                    let url = staging.appendingPathComponent(file.path)
                    try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try file.contents.write(to: url)
                }
                staged.append((outputDirectory.appendingPathComponent(name), staging))
            }
        } catch {
            for (_, staging) in staged { try? fileManager.removeItem(at: staging) }
            throw error
        }
        // Everything is written: only now is the previous output replaced.
        for (final, staging) in staged {
            let old = outputDirectory.appendingPathComponent(".\(final.lastPathComponent).old-\(token)")
            if fileManager.fileExists(atPath: final.path) {
                try fileManager.moveItem(at: final, to: old)
            }
            try fileManager.moveItem(at: staging, to: final)
            try? fileManager.removeItem(at: old)
        }
    }

    /// Staging folders a killed build left behind (`.webb.new-1234`, `.webb.old-1234`).
    private func removeLeftovers(of targets: [String]) {
        let fileManager = FileManager.default
        let entries = (try? fileManager.contentsOfDirectory(atPath: outputDirectory.path)) ?? []
        for entry in entries where targets.contains(where: { entry.hasPrefix(".\($0).new-") || entry.hasPrefix(".\($0).old-") }) {
            try? fileManager.removeItem(at: outputDirectory.appendingPathComponent(entry))
        }
    }

    /// The files under `directory`, as output files rooted at `prefix` (theme assets).
    static func files(in directory: URL, prefix: String) -> [OutputFile] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [OutputFile] = []
        while let path = enumerator.nextObject() as? String {
            let url = directory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  let data = FileManager.default.contents(atPath: url.path)
            else { continue }
            files.append(OutputFile(path: prefix + path, contents: data))
        }
        return files.sorted { $0.path < $1.path }
    }
}
