import Testing
@testable import SamsynData

@Suite struct PersonalIdentityNumberScannerTests {
    @Test(arguments: ["121212-1212", "19121212-1212", "191212121212", "1212121212", "811228-9874", "701063-2391"])
    func findsValidNumbers(_ number: String) {
        #expect(PersonalIdentityNumberScanner.matches(in: "Elev \(number) har frånvaro.").map(\.text) == [number])
    }

    @Test(arguments: [
        "121212-1213",      // wrong check digit
        "2012-2014",        // a span of years
        "121312-1212",      // month 13
        "1212121213",       // ten digits, wrong check digit
        "08-123 456 78",    // a phone number
        "4,58 % 2,82 %",
    ])
    func ignoresWhatIsNotOne(_ text: String) {
        #expect(PersonalIdentityNumberScanner.matches(in: text).isEmpty)
    }

    @Test func reportsWhereTheNumberStands() {
        let matches = PersonalIdentityNumberScanner.matches(in: "åäö 121212-1212")
        #expect(matches == [.init(text: "121212-1212", offset: 4)])
    }

    @Test func samordningsnummerHasSixtyAddedToTheDay() {
        #expect(PersonalIdentityNumberScanner.isValid(date: "701063", serial: "2391"))
        #expect(!PersonalIdentityNumberScanner.isValid(date: "701093", serial: "2391"))
    }
}
