import Foundation

/// What `samsyn init` leaves for a municipality to fill in: `[FYLL I: …]` in site.yml or
/// a page, and base URLs under the reserved `.invalid` domain. Each one is a warning at
/// its place, so `samsyn build` says what is left and `--strict` refuses to publish: a
/// site must never go out naming the wrong municipality or claiming an accessibility
/// assessment that was not made.
enum PlaceholderCheck {
    static let marker = "[FYLL I"

    /// Whether the text holds `[FYLL I` in any case, looked for byte by byte: every page is
    /// scanned, and Foundation's case-insensitive search cost a quarter of reading 10,000 pages.
    static func isPlaceholder(_ text: String) -> Bool {
        let marker = Array("[FYLL I".utf8)
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= marker.count else { return false }
            for start in 0...(bytes.count - marker.count) where bytes[start] == UInt8(ascii: "[") {
                var matches = true
                for offset in 1..<marker.count {
                    let byte = bytes[start + offset]
                    // ASCII letters fold to upper case; the space matches itself.
                    if (byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte) != marker[offset] { matches = false; break }
                }
                if matches { return true }
            }
            return false
        } ?? (text.range(of: Self.marker, options: [.caseInsensitive]) != nil) // not contiguous: the slow way
    }

    /// A warning at every `[FYLL I: …]` in a file's text.
    static func scan(_ text: String, path: String, firstLine: Int = 1, log: inout DiagnosticLog) {
        guard isPlaceholder(text) else { return }
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
