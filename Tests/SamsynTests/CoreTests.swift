import SamsynSupport
import Foundation
import SamsynData
import Testing
@testable import Samsyn

@Suite struct CoreTests {
    @Test func suggestionsFindLikelyTypos() {
        #expect(Suggestion.closest(to: "kurtor", in: ["kurator", "rektor", "mentor"]) == "kurator")
        #expect(Suggestion.closest(to: "socialsekreterare", in: ["kurator"]) == nil)
        #expect(Suggestion.editDistance("frånvaro", "franvaro") == 1)
    }

    @Test func linkPathsAreNormalised() {
        #expect(LinkSyntax.normalise("rutiner/../roller/./rektor.md") == "roller/rektor.md")
        #expect(LinkSyntax.normalise("../utanfor.md") == nil)
        #expect(LinkSyntax.normalise("a//b/../../c.md") == "c.md" && LinkSyntax.normalise("/rutiner/å.md") == "rutiner/å.md")
        #expect(LinkSyntax.relativePath(from: "rutiner", to: "roller/rektor.md") == "../roller/rektor.md")
        #expect(LinkSyntax.relativePath(from: "rutiner", to: "rutiner/sip.md") == "sip.md")
    }

    @Test func externalLinksAreRecognised() {
        for external in ["https://skolverket.se", "mailto:kurator@exempel.se", "tel:+4611123456", "//cdn.example"] {
            #expect(LinkSyntax.isExternal(external), "\(external)")
        }
        for relative in ["rektor.md", "../roller/rektor.md#ansvar", "#steg-3", "a/b:c.md"] {
            #expect(!LinkSyntax.isExternal(relative), "\(relative)")
        }
        #expect(LinkSyntax.splitFragment("sip%20plan.md#m%C3%B6te") == ("sip plan.md", "möte"))
    }

    @Test func reviewDatesAddMonthsAndClampToTheMonthsLastDay() {
        #expect(LocalDate("2024-05-15")!.adding(months: 12) == LocalDate("2025-05-15"))
        #expect(LocalDate("2024-01-31")!.adding(months: 1) == LocalDate("2024-02-29"))
        #expect(LocalDate("2024-11-30")!.adding(months: 3) == LocalDate("2025-02-28"))
        #expect(LocalDate("2024-02-30") == nil)
        #expect(LocalDate("2000-02-29") != nil && LocalDate("2100-02-29") == nil && LocalDate("2023-02-29") == nil, "the Gregorian leap years")
        #expect(LocalDate("2024-04-31") == nil && LocalDate("2024-12-31") != nil && LocalDate("2024-13-01") == nil)
        #expect(LocalDate("24-02-10") == nil)
    }

    @Test func translationLanguageComesFromTheFileName() {
        #expect(ContentFileName.translationLanguage(of: "vardnadshavare/franvaro.ar.md") == "ar")
        #expect(ContentFileName.translationLanguage(of: "vardnadshavare/franvaro.fa-AF.md") == "fa-AF")
        #expect(ContentFileName.translationLanguage(of: "vardnadshavare/franvaro.md") == nil)
        #expect(ContentFileName.translationLanguage(of: "rapport/arsrapport.2024.md") == nil)
        #expect(ContentFileName.translationLanguage(of: "franvaro.sv-123.md") == "sv-123")
        #expect(ContentFileName.translationLanguage(of: "franvaro.fa-.md") == nil)
        #expect(ContentFileName.translationLanguage(of: "franvaro.fa-AF-x.md") == nil)
        #expect(ContentFileName.translationLanguage(of: "franvaro.Fa.md") == nil)
        #expect(ContentFileName.translationLanguage(of: "franvaro.fa-ABCDEFGHI.md") == nil)
        #expect(ContentFileName.translationLanguage(of: "a.b.en.md") == nil)
        #expect(ContentFileName.translationLanguage(of: "en.md") == nil)
    }

    @Test func frontMatterIsSplitFromTheBody() {
        var log = DiagnosticLog()
        let source = PageSource.split("---\ntitle: A\n---\n\nText\n", path: "x.md", log: &log)
        #expect(source?.yaml == "title: A\n")
        #expect(source?.bodyFirstLine == 4)
        #expect(source?.body == "\nText\n")
        #expect(!log.hasErrors)
    }

    @Test func frontMatterEndsOnlyAtAMarkerLine() {
        var log = DiagnosticLog()
        // Lines with letters beyond ASCII are no markers; a marker may have spaces (also
        // Unicode's) around it.
        let source = PageSource.split("---\ntitle: Rutin för frånvaro – kort\nsummary: ---ö\n \u{00A0}--- \t\nText\n", path: "x.md", log: &log)
        #expect(source?.yaml == "title: Rutin för frånvaro – kort\nsummary: ---ö\n")
        #expect(source?.body == "Text\n")
        #expect(!log.hasErrors)
    }

    @Test func sourceFilesAreReadWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = String(repeating: "Närvaro ", count: 20_000) // larger than one read
        try Data(("\u{FEFF}" + text).utf8).write(to: folder.appendingPathComponent("a.md"))
        try Data([0x61, 0xFF]).write(to: folder.appendingPathComponent("b.md"))
        var log = DiagnosticLog()
        #expect(SourceFile.readText(atPath: folder.path + "/a.md", path: "a.md", log: &log) == text, "without the byte order mark")
        #expect(SourceFile.readText(atPath: folder.path + "/b.md", path: "b.md", log: &log) == nil)
        #if os(Linux)
        // A file larger than fstat says (Linux gives /proc files the size 0) is read to its end.
        #expect(SourceFile.readText(atPath: "/proc/self/status", path: "status", log: &log)?.contains("VmRSS") == true)
        #endif
        #expect(SourceFile.readText(atPath: folder.path + "/c.md", path: "c.md", log: &log) == nil)
        #expect(SourceFile.readText(atPath: folder.path, path: "folder", log: &log) == nil)
        #expect(log.sorted.map(\.description) == [
            "b.md:1:2: error: the file is not UTF-8 (byte 0xFF); save it as UTF-8",
            "c.md: error: file not found",
            "folder: error: this is a folder, not an ordinary file; Samsyn reads only ordinary files: remove it or put the file in its place",
        ])
    }

    @Test func aFileThatCannotBeWrittenSaysWhereAndWhy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-write-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var writer = OutputWriter(outputDirectory: folder)
        try writer.begin("webb")
        // A file where a page's folder should be.
        let files = [OutputFile(path: "rutiner", contents: Data("x".utf8)), OutputFile(path: "rutiner/a/index.html", contents: Data("y".utf8))]
        #expect {
            try writer.write(files, to: "webb")
        } throws: { error in
            let description = (error as? LocalizedError)?.errorDescription ?? ""
            return description.hasSuffix("/rutiner/a: Not a directory")
        }
        try writer.write([OutputFile(path: "sok/index.html", contents: Data("Sök".utf8))], to: "webb")
        try writer.commit()
        #expect(try String(contentsOf: folder.appendingPathComponent("webb/sok/index.html"), encoding: .utf8) == "Sök")
    }

    @Test func aScalarIsAcceptedWhereAListIsExpected() throws {
        var log = DiagnosticLog()
        let yaml = try #require(YAMLSource("owner: rektor\nroles: kurator\nreviewed: 2024-05-01\n", path: "x.md", firstLine: 2, log: &log))
        let routine = try #require(yaml.read(RoutineFrontMatter.init, log: &log))
        #expect(routine.roles?.values == ["kurator"])
        #expect(routine.reviewed == LocalDate("2024-05-01"))
    }

    /// Front matter is read from the YAML tree directly; Yams' Codable decoder, which it
    /// replaced, is the reference for values and errors.
    @Test func frontMatterIsReadAsYamsDecoderReadsIt() throws {
        struct CommonReference: Decodable { var title: String; var summary: String?; var audience: OneOrMany<String>? }
        struct RoutineReference: Decodable { var owner: String; var roles: OneOrMany<String>?; var reviewed: LocalDate; var review_every: Int? }
        try expectSameReading(of: [
            "title: A\nsummary: B\naudience: [guardians, staff]", "title: ~\nsummary: ~\naudience: staff", "title:\nsummary:\naudience:",
            "title: [a, b]", "title: {a: b}", "summary: x", "title: A\naudience: [a, [b]]", "title: A\naudience: {x: y}",
            "title: 'null'\nsummary: 'null'\naudience: ['~', null]", "title: 12\nsummary: 3.5\naudience: true", "", "title: A\nsummary: [x]",
        ], as: CommonFrontMatter.init, CommonReference.self) { fields, reference in
            fields?.title == reference?.title && fields?.summary == reference?.summary && fields?.audience?.values == reference?.audience?.values
        }
        try expectSameReading(of: [
            "owner: r\nreviewed: 2024-05-01\nreview_every: 6", "owner: r\nreviewed: 2024-02-30", "owner: r\nreviewed: 2024-05-01\nreview_every: sex",
            "owner: r\nreviewed: 2024-05-01\nreview_every: 0x10", "owner: r\nreviewed: 2024-05-01\nreview_every: [1]",
            "owner: r\nroles: []\nreviewed: 2024-05-01\nreview_every: ~", "reviewed: 2024-05-01", "owner: r\nreviewed: ~", "owner: r\nreviewed: [2024-05-01]",
        ], as: RoutineFrontMatter.init, RoutineReference.self) { fields, reference in
            fields?.owner == reference?.owner && fields?.roles?.values == reference?.roles?.values
                && fields?.reviewed == reference?.reviewed && fields?.review_every == reference?.review_every
        }
    }

    /// Reads each text with `read` and decodes it as `Reference`: the same diagnostics, and values `same` finds equal.
    private func expectSameReading<Fields, Reference: Decodable>(
        of texts: [String], as read: (FrontMatterFields) throws -> Fields, _ reference: Reference.Type, same: (Fields?, Reference?) -> Bool
    ) throws {
        for text in texts {
            var decodedLog = DiagnosticLog(), readLog = DiagnosticLog()
            let yaml = try #require(YAMLSource(text, path: "x.md", firstLine: 2, resolver: YAMLSource.textResolver, log: &decodedLog))
            let decoded = yaml.decode(Reference.self, log: &decodedLog)
            let fields = yaml.read(read, log: &readLog)
            #expect(readLog.sorted.map(\.description) == decodedLog.sorted.map(\.description), "\(text)")
            #expect(same(fields, decoded), "\(text)")
        }
    }

    @Test func yamlLocationsAreFileLines() throws {
        var log = DiagnosticLog()
        let yaml = try #require(YAMLSource("title: A\nroles: [a, b]\n", path: "x.md", firstLine: 2, log: &log))
        #expect(yaml.location(of: [PlainKey("roles"), IndexKey(1)]) == SourceLocation(path: "x.md", line: 3, column: 12))
    }

    @Test func lixCountsWordsSentencesAndLongWords() {
        // 8 words, 2 sentences, 1 word longer than six letters: 8 / 2 + 100 * 1 / 8.
        let readability = Readability.of(text: "Jag går till skolan. Eleven är frånvarande idag.")
        #expect(readability.words == 8)
        #expect(readability.sentences == 2)
        #expect(readability.lix == 16.5)
        #expect(readability.longestSentences == ["Jag går till skolan.", "Eleven är frånvarande idag."], "longest first, ties in text order")
        // Each line is a sentence of its own, and dashes are no words.
        #expect(Readability.of(text: "Rubrik – med streck\nFörsta punkten").sentences == 2)
        #expect(Readability.of(text: "Rubrik – med streck").words == 3)
    }

    @Test func parallelMapKeepsOrder() {
        #expect(Parallel.map(1000) { $0 * 2 } == (0..<1000).map { $0 * 2 })
        #expect(Parallel.map(0) { $0 } == [])
    }

    @Test func diagnosticsPrintLikeACompilers() {
        let diagnostic = Diagnostic(.error, "unknown role 'kurtor'", at: SourceLocation(path: "content/a.md", line: 7, column: 9))
        #expect(diagnostic.description == "content/a.md:7:9: error: unknown role 'kurtor'")
        #expect(Diagnostic(.warning, "x", at: SourceLocation(path: "content")).description == "content: warning: x")
    }
}
