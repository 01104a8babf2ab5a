import Testing
@testable import SamsynData

@Suite struct PeriodTests {
    @Test func swedishSchoolPeriodsAreReadAndWrittenOneWay() {
        #expect(Period("2025")?.description == "2025")
        #expect(Period("2024/25")?.description == "2024/25")
        #expect(Period("2024/2025")?.description == "2024/25")
        #expect(Period("1999/00")?.description == "1999/00")
        #expect(Period("HT 2024")?.description == "HT 2024")
        #expect(Period("ht 2024") == Period("Hösten 2024"))
        #expect(Period("VT 2025") == Period("våren 2025"))
        #expect(Period("v 45-48 2012")?.description == "v 45-48 2012")
        #expect(Period("vecka 10 2013")?.description == "v 10 2013")
        #expect(Period("2025-05-15")?.kind == .date)
        #expect(Period("2025-03")?.kind == .month)
    }

    @Test func whatIsNotAPeriodIsNone() {
        for text in ["", "HT", "2024/26", "2024/2026", "VT 20255", "v 48-45 2012", "v 0 2012", "v 54 2012", "2025-02-30", "2025-13",
                     "1066", "HT 2024 extra", "tjugohundra", "２０２５", "2024-5-1"] {
            #expect(Period(text) == nil, "\(text)")
        }
    }

    @Test func periodsLieOnATimeAxisByTheirRealDates() throws {
        let vt = try #require(Period("VT 2013")), ht = try #require(Period("HT 2013")), next = try #require(Period("VT 2014"))
        #expect(vt < ht && ht < next)
        // A term apart is half a year apart; the autumn term starts in August.
        #expect(abs((next.midpoint - vt.midpoint) - 1) < 1e-9)
        #expect(abs(ht.start - (2013 + 7.0 / 12)) < 1e-9)
        // Norrköping's measurements: weeks 45-48 and 10-13 are some four months apart.
        let autumn = try #require(Period("v 45-48 2012")), spring = try #require(Period("v 10-13 2013"))
        #expect((0.3...0.4).contains(spring.midpoint - autumn.midpoint))
        #expect(try #require(Period("2012/13")).midpoint > autumn.midpoint)
    }
}
