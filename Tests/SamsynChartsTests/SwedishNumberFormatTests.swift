import Testing
@testable import SamsynCharts

@Suite struct SwedishNumberFormatTests {
    @Test func thousandsAreSeparatedByANoBreakSpace() {
        #expect(SwedishNumberFormat.format(2956) == "2\u{00A0}956")
        #expect(SwedishNumberFormat.format(1_234_567) == "1\u{00A0}234\u{00A0}567")
        #expect(SwedishNumberFormat.format(956) == "956")
    }

    @Test func decimalsUseAComma() {
        #expect(SwedishNumberFormat.format(4.58, decimals: 2) == "4,58")
        #expect(SwedishNumberFormat.format(2.8, decimals: 2) == "2,80")
        #expect(SwedishNumberFormat.format(0.05, decimals: 1) == "0,1")
    }

    @Test func percentHasANoBreakSpaceBeforeTheSign() {
        #expect(SwedishNumberFormat.percent(13.6) == "13,6\u{00A0}%")
    }

    @Test func negativeNumbersUseTheMinusSign() {
        #expect(SwedishNumberFormat.format(-1.76, decimals: 2) == "\u{2212}1,76")
        #expect(SwedishNumberFormat.format(-0.001, decimals: 1) == "0,0")
    }
}
