import Foundation
import Samsyn
import SamsynData

/// What each fuzz target does with one input. Every target must end normally whatever the
/// input: a crash, a hang (libFuzzer's -timeout), a leak or a broken invariant is a finding.
enum FuzzTarget: String, CaseIterable {
    /// A page: front matter and Markdown, through every check and the rendering of both targets.
    case page
    /// A CSV file read and passed through disclosure control, whose promise is checked.
    case csv
    /// The YAML of a chart block and of a table block over the example's kind of data.
    case blocks
    /// A template (the footer partial every page includes), parsed, checked and rendered.
    case template

    func run(_ bytes: [UInt8]) {
        switch self {
        case .csv: Self.checkDisclosure(bytes)
        case .page: FuzzSite.shared.check(files: ["content/vardnadshavare/fuzz.md": bytes])
        case .blocks:
            let body = Array("---\ntitle: Rapport\naudience: [politicians]\nyear: 2024\n---\n\n```chart\n".utf8) + bytes
                + Array("\n```\n\n```table\n".utf8) + bytes + Array("\n```\n".utf8)
            FuzzSite.shared.check(files: ["content/rapport/fuzz.md": body])
        case .template: FuzzSite.shared.check(files: ["templates/partials/footer.mustache": bytes])
        }
    }

    /// Disclosure control's promise, checked on every table the input makes: no row whose
    /// group is below the limit keeps a value outside its labels, and no grouping of the
    /// rows holds exactly one withheld row.
    static func checkDisclosure(_ bytes: [UInt8]) {
        let reader = TableReader(minCell: 10)
        let plain = reader.read(Data(bytes), name: "fuzz.csv")
        guard let header = plain.table?.columns else { return }
        for groupColumn in header.indices where header[groupColumn].type.isNumeric {
            let schema = TableSchema(groupSize: [header[groupColumn].name])
            guard let table = reader.read(Data(bytes), name: "fuzz.csv", schema: schema).table else { continue }
            let labels = Set(DisclosureControl(minCell: 10).labelColumns(of: table))
            for (row, cells) in table.rows.enumerated() {
                let rawSize = plain.table!.rows[row][groupColumn].number
                guard rawSize == nil || rawSize! < 10 else { continue }
                for (column, cell) in cells.enumerated() where !labels.contains(column) {
                    if case .number = cell { fatalError("row \(row): a value from a small group was published: \(cell)") }
                    if case .text = cell { fatalError("row \(row): a text from a small group was published: \(cell)") }
                }
            }
            // A row is withheld if its group is small or unknown, or if any of its cells is.
            let withheld = table.rows.indices.filter { row in
                let size = plain.table!.rows[row][groupColumn].number
                return size == nil || size! < 10 || table.rows[row].contains { $0.isSuppressed }
            }
            if withheld.count == 1, table.rows.count > 1 {
                fatalError("one withheld row alone in its column: \(withheld)")
            }
        }
    }
}

/// A small site on the memory file system that each input is written into and checked.
/// libFuzzer calls one input at a time, on one thread.
final class FuzzSite: @unchecked Sendable {
    static let shared = FuzzSite()

    let root: URL

    init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        root = URL(fileURLWithPath: base).appendingPathComponent("samsyn-fuzz-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        let templates = ProcessInfo.processInfo.environment["SAMSYN_FUZZ_TEMPLATES"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("templates").path
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try! FileManager.default.copyItem(atPath: templates, toPath: root.appendingPathComponent("templates").path)
        for (path, text) in Self.files { write(path, Array(text.utf8)) }
        atexit { try? FileManager.default.removeItem(at: FuzzSite.shared.root) }
    }

    static let files: [String: String] = [
        "content/site.yml": """
            title: Fuzzkommun
            language: sv
            languages: [sv, en]
            targets:
              intranat:
                audiences: [staff, guardians, politicians]
                base_url: https://intranat.test.se/
              webb:
                audiences: [guardians, politicians]
                base_url: https://www.test.se/
            accessibility:
              organisation: Fuzzkommun
              service: Skolnärvaro
              compliance: delvis
              shortcomings:
                - description: Inga.
                  reason: Inga.
              method: Självskattning.
              assessed: 2026-10-01
              updated: 2026-11-01
              contact:
                email: webb@test.se
              response_time: Två dagar.
            """,
        "content/roller/rektor.md": "---\ntitle: Rektor\norganisation: skola\n---\n\nRektor.\n",
        "content/rutiner/rutin.md": "---\ntitle: Rutin\nowner: rektor\nreviewed: 2026-01-15\naudience: [staff, guardians]\n---\n\n## Arbetsgång\n\n1. [Rektor](../roller/rektor.md) gör.\n",
        "content/vardnadshavare/franvaro.md": "---\ntitle: Frånvaro\naudience: [guardians]\n---\n\n## Om frånvaro\n\nText.\n",
        "content/vardnadshavare/franvaro.en.md": "---\ntitle: Absence\n---\n\nText.\n",
        "content/data/franvaro.csv": "skola;termin;elever;andel_procent\nHaga;VT 2024;120;8,65\nEneby;VT 2024;7;31,79\nDjäkne;VT 2024;45;5,02\nHaga;HT 2024;118;7,10\nEneby;HT 2024;9;27,27\n",
        "content/data/franvaro.yml": "group_size: elever\n",
    ]

    private func write(_ path: String, _ bytes: [UInt8]) {
        let url = root.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: url)
    }

    /// Writes `files` over the site, checks it as `samsyn check` does, and puts the
    /// originals back.
    func check(files: [String: [UInt8]]) {
        var originals: [String: Data?] = [:]
        for (path, bytes) in files {
            originals[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
            write(path, bytes)
        }
        let options = BuildOptions(sourceDirectory: root, outputDirectory: root, writeOutput: false,
                                   today: LocalDate(year: 2026, month: 11, day: 24)!)
        _ = SiteBuilder(options: options).build()
        for (path, original) in originals {
            if let original { write(path, Array(original)) } else { try? FileManager.default.removeItem(at: root.appendingPathComponent(path)) }
        }
    }
}
