import Foundation

/// A page file cut into its YAML front matter and its Markdown body.
struct PageSource {
    var yaml: String
    /// The file line on which the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    static func split(_ text: String, path: String, log: inout DiagnosticLog) -> PageSource? {
        let start = SourceLocation(path: path, line: 1, column: 1)
        if text.allSatisfy(\.isWhitespace) {
            log.error("the file is empty; a page starts with front matter between two '---' lines, with at least a title", at: start)
            return nil
        }
        // Only the front matter is cut into lines, on its UTF-8 bytes: a page's body may be long.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            lineNumber += 1
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            if lineNumber == 1 {
                guard isMarker(line, "---") else {
                    log.error("the page has no front matter; start it with a line '---', then 'title: …', then '---'", at: start)
                    return nil
                }
                yamlStart = next
            } else if isMarker(line, "---") || isMarker(line, "...") {
                return PageSource(
                    yaml: String(text[yamlStart!..<lineStart]),
                    yamlFirstLine: 2,
                    body: String(text[next...]),
                    bodyFirstLine: lineNumber + 1
                )
            }
            lineStart = next
        }
        log.error("the front matter opened on line 1 is never closed; end it with a line '---'", at: start)
        return nil
    }

    /// Whether the line is `marker` with only spaces or tabs around it (Unicode's other
    /// spaces too, on the rare line that is not ASCII).
    private static func isMarker(_ line: Substring, _ marker: String) -> Bool {
        // Any other ASCII byte (a letter, a colon) rules the line out at once: front matter
        // lines with Swedish letters took Foundation's slow path for nothing.
        guard line.utf8.allSatisfy({ $0 >= 0x80 || $0 == 0x20 || $0 == 0x09 || marker.utf8.contains($0) }) else { return false }
        guard line.utf8.allSatisfy({ $0 < 0x80 }) else { return line.trimmingCharacters(in: .whitespaces) == marker }
        let bytes = line.utf8.drop { $0 == 0x20 || $0 == 0x09 }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == 0x20 || bytes[bytes.index(before: end)] == 0x09 { end = bytes.index(before: end) }
        return bytes[..<end].elementsEqual(marker.utf8)
    }
}

/// The front matter every page has. Front matter is read with `YAMLSource.textResolver`,
/// which knows no true/false: a Bool field here would need `YAMLSource.resolver`. Each
/// kind's fields are read in the order written here, and the first error stops the
/// reading, as decoding did.
struct CommonFrontMatter {
    var title: String
    var summary: String?
    var audience: OneOrMany<String>?
    /// The page this one is the easy-to-read version of.
    var easy_read_of: String?

    static let keys: Set<String> = ["title", "summary", "audience", "easy_read_of"]

    init(_ fields: FrontMatterFields) throws {
        title = try fields.text("title")
        summary = try fields.optionalText("summary")
        audience = try fields.optionalList("audience")
        easy_read_of = try fields.optionalText("easy_read_of")
    }
}

struct RoutineFrontMatter {
    var owner: String
    var roles: OneOrMany<String>?
    var reviewed: LocalDate
    var review_every: Int?

    static let keys: Set<String> = ["owner", "roles", "reviewed", "review_every", "step_labels"]

    init(_ fields: FrontMatterFields) throws {
        owner = try fields.text("owner")
        roles = try fields.optionalList("roles")
        reviewed = try fields.date("reviewed")
        review_every = try fields.optionalInt("review_every")
    }
}

struct RoleFrontMatter {
    var organisation: String?

    static let keys: Set<String> = ["organisation"]

    init(_ fields: FrontMatterFields) throws {
        organisation = try fields.optionalText("organisation")
    }
}

struct InterventionFrontMatter {
    var level: String?
    var recipients: OneOrMany<String>?
    var absence: OneOrMany<String>?
    var delivered_by: OneOrMany<String>?

    static let keys: Set<String> = ["level", "for", "absence", "delivered_by"]

    init(_ fields: FrontMatterFields) throws {
        level = try fields.optionalText("level")
        recipients = try fields.optionalList("for")
        absence = try fields.optionalList("absence")
        delivered_by = try fields.optionalList("delivered_by")
    }
}

/// A report's front matter: the year it follows up, and what the document sent to the
/// nämnd carries on its title page.
struct ReportFrontMatter {
    var year: Int?
    var committee: String?
    var case_number: String?
    var date: LocalDate?
    var prepared_by: OneOrMany<String>?
    var decision: OneOrMany<String>?

    static let keys: Set<String> = ["year", "committee", "case_number", "date", "prepared_by", "decision"]

    init(_ fields: FrontMatterFields) throws {
        year = try fields.optionalInt("year")
        committee = try fields.optionalText("committee")
        case_number = try fields.optionalText("case_number")
        date = try fields.optionalDate("date")
        prepared_by = try fields.optionalList("prepared_by")
        decision = try fields.optionalList("decision")
    }
}
