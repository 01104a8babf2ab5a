/// The tags of a Mustache template with their positions, read the way Mustache reads them
/// (set-delimiter tags included), for the checks swift-mustache cannot make itself: which
/// partials a template includes (a cycle would recurse until the stack overflows) and how
/// deep its sections nest (a parse of thousands of nested sections would too).
struct MustacheTag: Equatable {
    /// `#`, `^`, `/`, `>`, `<`, `$`, `&`, `{`, `!`, `=`, or a space for a variable.
    var kind: Character
    var name: String
    var line: Int
    var column: Int

    /// Tags that open a section closed by `{{/name}}`.
    var opensSection: Bool { "#^$<".contains(kind) }

    static func tags(in text: String) -> [MustacheTag] {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var tags: [MustacheTag] = []
        var index = 0, line = 1, lineStart = 0
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count && bytes[position..<(position + pattern.count)].elementsEqual(pattern)
        }
        // Columns in characters, as editors count them (UTF-8 bytes that start one), counted
        // on from the last tag of the line: a long line of tags must not cost its square.
        var counted = (position: 0, column: 1)
        func column(of position: Int) -> Int {
            if counted.position < lineStart { counted = (lineStart, 1) }
            counted.column += bytes[counted.position..<position].count { $0 & 0xC0 != 0x80 }
            counted.position = position
            return counted.column
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                index += 1
                line += 1
                lineStart = index
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            let startLine = line, startColumn = column(of: index)
            var contentStart = index + open.count
            var closing = close
            // `{{{name}}}` closes with a third brace.
            if open == Array("{{".utf8), contentStart < bytes.count, bytes[contentStart] == UInt8(ascii: "{") {
                closing = Array("}}}".utf8)
                contentStart += 1
            }
            var end = contentStart
            while end < bytes.count, !matches(closing, at: end) {
                if bytes[end] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = end + 1
                }
                end += 1
            }
            guard end < bytes.count else { break } // unclosed: swift-mustache reports it
            var content = String(decoding: bytes[contentStart..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            var kind: Character = closing.count == 3 ? "{" : " "
            if kind == " ", let first = content.first, "#^/><$&!=".contains(first) {
                kind = first
                content.removeFirst()
            }
            if kind == "=" {
                let parts = content.dropLast(content.hasSuffix("=") ? 1 : 0).split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 {
                    open = Array(parts[0].utf8)
                    close = Array(parts[1].utf8)
                }
            }
            tags.append(MustacheTag(kind: kind, name: content.trimmingCharacters(in: .whitespaces), line: startLine, column: startColumn))
            index = end + closing.count
        }
        return tags
    }
}
