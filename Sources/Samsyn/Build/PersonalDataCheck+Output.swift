import Foundation
import SamsynData

/// The check of every built file, in the render step (`RenderPool`), before it reaches the sink.
extension PersonalDataCheck {
    /// The files a target is made of, as they will be written: a number that only the
    /// rendering puts together is reported at the page it comes from, or at the output file.
    static func scanOutput(_ files: [OutputFile], target: String, log: inout DiagnosticLog) {
        // A report's PDF is compressed: its HTML was checked before it was laid out (`ReportDocuments`).
        for file in files where !file.path.hasSuffix(".pdf") {
            // Read on the file's bytes; the text is made only to place a number found.
            let matches = file.contents.withUnsafeBytes { PersonalIdentityNumberScanner.matches(inUTF8: $0.bindMemory(to: UInt8.self)) }
            for match in matches {
                let masked = "(\(match.text.dropLast(4))XXXX)"
                if let source = file.source {
                    log.error("the page as built holds what looks like a personal identity number \(masked), put together from parts "
                              + "of its text (emphasis, a link, an entity or a chart); \(message)", at: SourceLocation(path: source))
                } else {
                    let text = String(decoding: file.contents, as: UTF8.self)
                    let offset = String(decoding: file.contents.prefix(match.byteOffset), as: UTF8.self).count
                    log.error("the built file holds what looks like a personal identity number \(masked); \(message)",
                              at: location(ofCharacter: offset, in: text, path: target + "/" + file.path))
                }
            }
        }
    }
}
