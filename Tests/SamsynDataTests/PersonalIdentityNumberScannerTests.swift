import Testing
@testable import SamsynData

@Suite struct PersonalIdentityNumberScannerTests {
    @Test(arguments: ["121212-1212", "19121212-1212", "191212121212", "1212121212", "811228-9874", "701063-2391", "121212+1212"])
    func findsValidNumbers(_ number: String) {
        #expect(PersonalIdentityNumberScanner.matches(in: "Elev \(number) har frånvaro.").map(\.text) == [number])
    }

    /// Every way found to write 19121212-1212 so that a reader still sees it.
    @Test(arguments: [
        "19121212 1212",                   // a space
        "19121212\u{00A0}1212",            // a no-break space
        "19121212\u{202F}1212",            // a narrow no-break space
        "19121212\u{2013}1212",            // an en dash
        "19121212\u{2011}1212",            // a non-breaking hyphen
        "19121212\u{2212}1212",            // a minus sign
        "19121212 - 1212",                 // spaces around the dash
        "19121212-\n1212",                 // broken over a line
        "1912\n    1212-1212",             // broken over an indented line
        "19121212-**1212**",               // emphasis
        "1912_1212_-1212",
        "19121212-<em>1212</em>",          // a tag
        "1912<span class=\"x\">1212</span>-1212",
        "19121212&#45;1212",               // an entity for the dash
        "1912121&#50;-1212",               // an entity for a digit
        "1912121&#x32;-1212",
        "19121212&ndash;1212",
        "19121212&nbsp;1212",
        "19121212\\-1212",                 // a Markdown escape
        "1912121\\x32-1212",               // YAML escapes
        "1912121\\u0032-1212",
        "19121212\\_1212",
        "１９１２１２１２－１２１２",            // full-width digits and dash
        "١٩١٢١٢١٢-١٢١٢",                   // Arabic-Indic digits
        "۱۹۱۲۱۲۱۲-۱۲۱۲",                   // Persian digits
        "1912\u{200B}1212-1212",           // a zero-width space
        "19121\u{00AD}212-1212",           // a soft hyphen
        "1912&shy;1212-1212",
        "19121212-12\u{2060}12",           // a word joiner
        "\u{200F}19121212-1212",           // a right-to-left mark
        "`19121212-1212`",
    ])
    func findsNumbersHoweverTheyAreWritten(_ text: String) {
        let found = PersonalIdentityNumberScanner.matches(in: "Elev: \(text), frånvaro.")
        #expect(found.map { String($0.text.prefix(8)) } == ["19121212"], "\(text)")
    }

    @Test(arguments: [
        "121212-1213",      // wrong check digit
        "2012-2014",        // a span of years
        "121312-1212",      // month 13
        "1212121213",       // ten digits, wrong check digit
        "08-123 456 78",    // a phone number
        "4,58 % 2,82 %",
        "1 212 121 212",    // a large number with spaces between thousands
        "<td>191212</td><td>12</td><td>1212</td>",  // cells of a table are apart
        "17121212-1212",    // no such century
        "2012 2013 2014 2015", // years in a row
        "tel. 070-121 21 21",
    ])
    func ignoresWhatIsNotOne(_ text: String) {
        #expect(PersonalIdentityNumberScanner.matches(in: text).isEmpty, "\(text)")
    }

    @Test func reportsWhereTheNumberStands() {
        let matches = PersonalIdentityNumberScanner.matches(in: "åäö 121212-1212")
        #expect(matches == [.init(text: "121212-1212", offset: 4)])
    }

    @Test func findsANumberInATagsAttributes() {
        #expect(PersonalIdentityNumberScanner.matches(in: "<a title=\"19121212-1212\">x</a>").count == 1)
    }

    @Test func findsEveryNumber() {
        #expect(PersonalIdentityNumberScanner.matches(in: "121212-1212 och 811228-9874").map(\.text) == ["121212-1212", "811228-9874"])
    }

    @Test func samordningsnummerHasSixtyAddedToTheDay() {
        #expect(PersonalIdentityNumberScanner.isValid(date: [7, 0, 1, 0, 6, 3], serial: [2, 3, 9, 1]))
        #expect(!PersonalIdentityNumberScanner.isValid(date: [7, 0, 1, 0, 9, 3], serial: [2, 3, 9, 1]))
    }
}
