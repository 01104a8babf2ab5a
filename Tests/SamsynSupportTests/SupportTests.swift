import Foundation
import SamsynSupport
import Testing

@Suite struct SupportTests {
    @Test func swedishLettersFoldEveryFormOfALetterAlike() {
        func folded(_ text: String) -> String {
            let bytes = Array(text.utf8)
            precondition(bytes.count == 2 && bytes[0] == 0xC3)
            return SwedishLetters.asciiLetter(afterC3: bytes[1]).map { String(UnicodeScalar($0)) } ?? "?"
        }
        #expect("åäÅÄáàâ".map { folded(String($0)) }.joined() == "aaaaaaa")
        #expect("öÖóòôøØ".map { folded(String($0)) }.joined() == "ooooooo")
        #expect("éÉèêë".map { folded(String($0)) }.joined() == "eeeee")
        #expect("üÜúù".map { folded(String($0)) }.joined() == "uuuu")
        #expect("íìï".map { folded(String($0)) }.joined() == "iii")
        // Letters left to the general path.
        #expect(folded("ß") == "?")
        #expect(folded("Þ") == "?")
    }

    @Test func placeholdersAreFilledOnceAndUnknownOnesStay() {
        #expect(Placeholders.fill("{count} värden av {total}", ["count": "3", "total": "12"]) == "3 värden av 12")
        // A value is not searched for placeholders: the result does not depend on the order.
        #expect(Placeholders.fill("{a} {b}", ["a": "{b}", "b": "{a}"]) == "{b} {a}")
        #expect(Placeholders.fill("{okänd} och { och }", ["n": "5"]) == "{okänd} och { och }")
        #expect(Placeholders.fill("åäö {n}", ["n": "5"]) == "åäö 5")
    }

    @Test func markupEscapesTheFiveCharactersAndNothingElse() {
        #expect(Markup.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(Markup.escape("åtgärd") == "åtgärd")
    }

    @Test func suggestionsNameOnlyALikelyTypo() {
        #expect(Suggestion.message("unknown role 'kurtor'", for: "kurtor", in: ["kurator", "rektor"])
            == "unknown role 'kurtor' (did you mean 'kurator'?)")
        #expect(Suggestion.closest(to: "socialsekreterare", in: ["kurator"]) == nil)
    }

    @Test func fileBytesReadsOrdinaryFilesWholeAndRefusesTheRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samsyn-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/a/b/c.txt"
        try FileBytes.makeFolder(folder.path + "/a/b")
        let text = String(repeating: "rad med åäö\n", count: 10_000)
        try Array(text.utf8).withUnsafeBytes { try FileBytes.write($0, toPath: path) }
        #expect(try FileBytes.read(atPath: path).get() == Array(text.utf8))

        guard case .failure(let missing) = FileBytes.read(atPath: folder.path + "/nothing") else { Issue.record("read a missing file"); return }
        #expect(missing.message == "file not found")
        guard case .failure(let folderProblem) = FileBytes.read(atPath: folder.path + "/a") else { Issue.record("read a folder"); return }
        #expect(folderProblem.message.contains("a folder, not an ordinary file"))
        let fifo = folder.path + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        // Opening a named pipe with no writer must not block.
        guard case .failure(let pipeProblem) = FileBytes.read(atPath: fifo) else { Issue.record("read a pipe"); return }
        #expect(pipeProblem.message.contains("named pipe"))
        #expect(throws: FileBytes.Problem.self) { try [UInt8]().withUnsafeBytes { try FileBytes.write($0, toPath: folder.path + "/none/x") } }
    }
}
