import Foundation

/// What `samsyn init` leaves for a municipality to fill in: `[FYLL I: …]` in site.yml or
/// a page, and base URLs under the reserved `.invalid` domain. Each one is a warning at
/// its place, so `samsyn build` says what is left and `--strict` refuses to publish: a
/// site must never go out naming the wrong municipality or claiming an accessibility
/// assessment that was not made.
enum PlaceholderCheck {
    static let marker = "[FYLL I"

    static func isPlaceholder(_ text: String) -> Bool {
        text.range(of: marker, options: [.caseInsensitive]) != nil
    }

    /// A warning at every `[FYLL I: …]` in a file's text.
    static func scan(_ text: String, path: String, firstLine: Int = 1, log: inout DiagnosticLog) {
        guard text.range(of: marker, options: [.caseInsensitive]) != nil else { return }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let found = rest.range(of: marker, options: [.caseInsensitive]) {
                let end = line[found.lowerBound...].firstIndex(of: "]").map { line.index(after: $0) } ?? line.endIndex
                let column = line.distance(from: line.startIndex, to: found.lowerBound) + 1
                log.warning("'\(line[found.lowerBound..<end])' is a placeholder: replace it before publishing (--strict refuses to build with it)",
                            at: SourceLocation(path: path, line: firstLine + index, column: column))
                rest = line[end...]
            }
        }
    }

    /// `https://www.fyll-i.invalid/` and the like: an address no site is published at.
    static func isPlaceholderURL(_ url: URL) -> Bool {
        (url.host ?? "").lowercased().hasSuffix(".invalid")
    }
}
