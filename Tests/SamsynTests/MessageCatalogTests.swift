import Foundation
import Testing
@testable import Samsyn

/// Messages in the editor's language: Swedish where the locale is Swedish, from one catalog
/// (Tests/messages/test_catalog.py checks that it holds every message the code writes).
@Suite struct MessageCatalogTests {
    @Test func theLanguageFollowsTheLocaleAsPOSIXReadsIt() {
        #expect(MessageLanguage.from(environment: ["LANG": "sv_SE.UTF-8"]) == .sv)
        #expect(MessageLanguage.from(environment: ["LANG": "sv_SE.UTF-8", "LC_ALL": "en_GB.UTF-8"]) == .en)
        #expect(MessageLanguage.from(environment: ["LC_MESSAGES": "sv_FI", "LANG": "en_US"]) == .sv)
        #expect(MessageLanguage.from(environment: ["LANG": "C.UTF-8"]) == .en)
        #expect(MessageLanguage.from(environment: [:]) == .en)
    }

    @Test func aMessageIsTranslatedWithItsValuesAndEndings() {
        #expect(MessageCatalog.translate("unknown role 'kurtor' (did you mean 'kurator'?)", to: .sv)
            == "okänd roll 'kurtor' (menade du 'kurator'?)")
        #expect(MessageCatalog.translate("unknown role 'kurtor' (did you mean 'kurator'?)", to: .en)
            == "unknown role 'kurtor' (did you mean 'kurator'?)")
        // A message inside a message (the YAML parser's, in plain words) is translated too.
        #expect(MessageCatalog.translate("invalid YAML: the file has a tab in its indentation, which YAML does not allow; indent with spaces instead", to: .sv)
            == "ogiltig YAML: filen har en tabb i indraget, vilket YAML inte tillåter; dra in med mellanslag i stället")
        #expect(MessageCatalog.translate("the routine was due for review on 2026-10-20 (reviewed 2025-10-20, every 12 months); "
            + "review it with its owner 'rektor' and update 'reviewed'", to: .sv)
            == "rutinen skulle ha granskats senast 2026-10-20 (granskad 2025-10-20, med 12 månaders mellanrum); granska den med den ansvariga rollen 'rektor' och uppdatera 'reviewed'")
        // Something the catalog does not know is printed as written, not lost.
        #expect(MessageCatalog.translate("a message nobody wrote", to: .sv) == "a message nobody wrote")
    }

    @Test func theSeverityWordsKeepTheFormEditorsJumpTo() {
        let diagnostic = Diagnostic(.error, "unknown indicator 'x'", at: SourceLocation(path: "content/a.md", line: 3, column: 7))
        #expect(diagnostic.text(in: .sv) == "content/a.md:3:7: fel: okänd indikator 'x'")
        #expect(diagnostic.text(in: .en) == "content/a.md:3:7: error: unknown indicator 'x'")
        #expect(Diagnostic(.warning, "unknown indicator 'x'", at: SourceLocation(path: "a")).text(in: .sv) == "a: varning: okänd indikator 'x'")
    }
}
