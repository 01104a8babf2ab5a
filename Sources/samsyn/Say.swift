import Foundation
import Samsyn

/// A message of the command line in the editor's language: written in English here and
/// translated through the same catalog as the diagnostics (`MessageCatalog`).
func say(_ english: String, _ language: MessageLanguage) -> String {
    MessageCatalog.translate(english, to: language)
}

/// `error: …` (`fel: …`) on standard error.
func printError(_ english: String, _ language: MessageLanguage) {
    FileHandle.standardError.write(Data("\(language == .sv ? "fel" : "error"): \(say(english, language))\n".utf8))
}
