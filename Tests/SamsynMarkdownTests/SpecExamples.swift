import Foundation
@testable import SamsynMarkdown

/// One example of the cmark-gfm spec files in ../shared/conformance/cmark-gfm/.
struct SpecExample: CustomStringConvertible, Sendable {
    var file: String
    var number: Int
    var line: Int
    var markdown: String
    var expectedHTML: String
    var extensions: [GFMExtension]
    var footnotes: Bool

    var description: String { "\(file) example \(number) (line \(line))" }

    static let fence = String(repeating: "`", count: 32)

    static var conformanceDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/conformance/cmark-gfm")
    }

    /// spec.txt names the extensions an example needs; the other two files run with all of them.
    static func load(_ file: String) throws -> [SpecExample] {
        let text = try String(contentsOf: conformanceDirectory.appendingPathComponent(file), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        var examples: [SpecExample] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix(fence + " example") else { index += 1; continue }
            let tags = line.dropFirst(fence.count + " example".count).split(separator: " ").map(String.init)
            let start = index + 1
            var markdown: [String] = []
            var html: [String] = []
            index += 1
            while index < lines.count, lines[index] != "." { markdown.append(lines[index]); index += 1 }
            index += 1
            while index < lines.count, lines[index] != fence { html.append(lines[index]); index += 1 }
            index += 1
            let extensions = file == "spec.txt"
                ? tags.compactMap(GFMExtension.init(rawValue:))
                : GFMExtension.allCases
            examples.append(SpecExample(
                file: file, number: examples.count + 1, line: start,
                markdown: joinedWithTabs(markdown), expectedHTML: joinedWithTabs(html), extensions: extensions,
                footnotes: tags.contains("footnotes")
            ))
        }
        return examples
    }

    private static func joinedWithTabs(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
    }

    static func all() throws -> [SpecExample] {
        try ["spec.txt", "extensions.txt", "regression.txt"].flatMap(load)
    }
}

/// Debian's `cmark-gfm` command, the reference the wrapper must match.
enum ReferenceCMark {
    static let executable = ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func render(_ markdown: String, extensions: [GFMExtension]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/cmark-gfm")
        process.arguments = ["--unsafe"] + extensions.flatMap { ["-e", $0.rawValue] }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
