import Foundation
import Testing
@testable import Samsyn

/// Decided actions: front matter, the overdue warning, the page and the overview; and
/// what bad input gives.
@Suite struct ActionTests {
    static func action(title: String = "Närvaroansvarig", status: String = "pågår", deadline: String = "2026-06-30", extra: String = "") -> String {
        """
        ---
        title: \(title)
        audience: [staff, politicians]
        decided: 2025-02-18
        decided_by: Barn- och utbildningsnämnden
        case_number: BUN 2025/0142
        owner: rektor
        deadline: \(deadline)
        status: \(status)
        history:
          - {date: 2025-02-18, status: planerad, note: Beslutat.}
          - {date: 2025-06-10, status: pågår, note: 12 av 18 skolor klara.}
        \(extra)
        ---

        Text.
        """
    }

    @Test func anOpenActionPastItsDeadlineIsAWarningAtTheDeadline() throws {
        let fixture = try LoadedFixture(changing: ["content/atgarder/a.md": Self.action()])
        defer { fixture.remove() }
        var log = DiagnosticLog()
        _ = SiteChecks.run(on: fixture.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        let warning = log.sorted.first { $0.location.path == "content/atgarder/a.md" }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.hasPrefix("the action is 'pågår' but its deadline was 2026-06-30") == true)
        #expect(warning?.location.line == 8)
        // Done, or not yet due: nothing to say.
        for (status, deadline) in [("genomförd", "2026-06-30"), ("avbruten", "2026-06-30"), ("pågår", "2026-12-31")] {
            let done = try LoadedFixture(changing: ["content/atgarder/a.md": Self.action(status: status, deadline: deadline)])
            defer { done.remove() }
            var log = DiagnosticLog()
            _ = SiteChecks.run(on: done.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
            #expect(!log.sorted.contains { $0.location.path == "content/atgarder/a.md" }, "\(status) \(deadline)")
        }
    }

    @Test func thePageShowsStatusHistoryAndOwner() throws {
        let fixture = try LoadedFixture(changing: ["content/atgarder/a.md": Self.action(deadline: "2026-12-31")])
        defer { fixture.remove() }
        let html = try fixture.renderer("intranat").renderPage(try fixture.page("atgarder/a.md"), body: "", flow: nil)
        for text in ["Beslutad åtgärd", "status-ongoing\">pågår", "BUN 2025/0142", "Barn- och utbildningsnämnden", "31 december 2026",
                     "href=\"../../roller/rektor/\"", "Vad som har hänt"] {
            #expect(html.contains(text), "\(text)")
        }
        // Newest first.
        let newest = try #require(html.range(of: "12 av 18 skolor klara")), oldest = try #require(html.range(of: "Beslutat."))
        #expect(newest.lowerBound < oldest.lowerBound)
        #expect(!html.contains("försenad"))
    }

    @Test func theOverviewListsOpenActionsFirstByDeadline() throws {
        let fixture = try LoadedFixture(changing: [
            "content/atgarder/a.md": Self.action(title: "Senare", deadline: "2027-06-30"),
            "content/atgarder/b.md": Self.action(title: "Klar", status: "genomförd", deadline: "2025-12-31"),
            "content/atgarder/c.md": Self.action(title: "Försenad", deadline: "2026-06-30"),
        ])
        defer { fixture.remove() }
        let renderer = try fixture.renderer("intranat")
        let html = renderer.renderSection(try #require(renderer.view.sections.first { $0.name == "atgarder" }))
        let order = ["Försenad", "Senare", "Klar"].map { html.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!, "\(html)")
        #expect(html.contains("3 åtgärder, varav 2 pågår eller är planerade och 1 är försenade."))
    }

    @Test(arguments: [
        ("status: pågår\n", "status: pågå\n", "unknown status 'pågå'; use planerad, pågår, genomförd, avbruten (did you mean 'pågår'?)", 9),
        ("owner: rektor", "owner: rektorn", "unknown role 'rektorn' (did you mean 'rektor'?)", 7),
        ("deadline: 2026-06-30", "deadline: 2026-13-01", "'2026-13-01' is not a date written YYYY-MM-DD", 8),
        ("deadline: 2026-06-30", "deadline: 2024-01-01", "the deadline 2024-01-01 is before the decision 2025-02-18", 8),
        ("status: pågår, note: 12", "status: klar, note: 12", "unknown status 'klar'; use planerad, pågår, genomförd, avbruten", 12),
        ("decided_by: Barn- och utbildningsnämnden\n", "", "a decided action needs 'decided_by'", 2),
    ])
    func badInputIsAnErrorWhereItIsWritten(_ good: String, _ bad: String, _ message: String, _ line: Int) throws {
        let fixture = try LoadedFixture(changing: ["content/atgarder/a.md": Self.action().replacingOccurrences(of: good, with: bad)])
        defer { fixture.remove() }
        var log = fixture.log
        _ = SiteChecks.run(on: fixture.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        let found = log.sorted.first { $0.message == message }
        #expect(found?.location.path == "content/atgarder/a.md" && found?.location.line == line, "\(log.sorted.map { "\($0.location): \($0.message)" })")
    }

    @Test func anActionNamesOnlyIndicatorsThatExist() throws {
        let fixture = try LoadedFixture(changing: ["content/atgarder/a.md": Self.action(extra: "indicators: [ogiltig-franvaro]")])
        defer { fixture.remove() }
        var log = DiagnosticLog()
        _ = SiteChecks.run(on: fixture.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        #expect(log.sorted.contains { $0.message == "unknown indicator 'ogiltig-franvaro'" && $0.location.line == 13 }, "\(log.sorted)")
    }
}

@Suite struct FollowUpBlockTests {
    @Test func aReportListsTheYearsIndicatorTargetsAndTheActionsDecidedByThen() throws {
        let report = "---\ntitle: Rapport\naudience: [staff, politicians]\nyear: 2014\n---\n\n```uppfoljning\n```\n\n```uppfoljning\nyear: 2026\n```\n"
        let fixture = try IndicatorTests.fixture(extra: [
            "content/rapport/r.md": report,
            "content/atgarder/a.md": ActionTests.action(title: "Tidig åtgärd", deadline: "2026-12-31"),
        ])
        defer { fixture.remove() }
        #expect(!fixture.log.hasErrors, "\(fixture.log.sorted)")
        let body = try fixture.renderer("intranat").renderBody(of: try fixture.page("rapport/r.md"), links: [])
        // 2014 (the report's year): no target in 2014 (the fixture's is VT 2015), no action decided by then.
        #expect(body.contains("Inga indikatorer har mål för 2014 och inga åtgärder var beslutade då."), "\(body)")
        #expect(body.contains("Åtgärder beslutade till och med 2026") && body.contains(">Tidig åtgärd</a>") && body.contains("BUN 2025/0142"))
        // A target in 2015 not yet measured.
        let twenty15 = "---\ntitle: R\naudience: [politicians]\n---\n\n```uppfoljning\nyear: 2015\n```\n"
        let second = try IndicatorTests.fixture(extra: ["content/rapport/r.md": twenty15])
        defer { second.remove() }
        let html = try second.renderer("intranat").renderBody(of: try second.page("rapport/r.md"), links: [])
        #expect(html.contains(">Ogiltig frånvaro</a>") && html.contains("VT 2015") && html.contains("saknar uppgift"), "\(html)")
    }

    @Test func aBlockWithoutAYearOutsideAReportIsAnError() throws {
        let page = "---\ntitle: Sida\naudience: [staff]\n---\n\n```uppfoljning\nyear: tjugo\n```\n\n```uppfoljning\nar: 2025\n```\n"
        let fixture = try LoadedFixture(changing: ["content/vardnadshavare/s.md": page])
        defer { fixture.remove() }
        var log = DiagnosticLog()
        _ = SiteChecks.run(on: fixture.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        let messages = log.sorted.filter { $0.location.path == "content/vardnadshavare/s.md" }.map { "\($0.location.line): \($0.message)" }
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.hasSuffix("unknown key 'ar' in an uppfoljning block") || $0.hasSuffix("(did you mean 'year'?)") }, "\(messages)")
        #expect(messages.contains("7: 'year' is a year, such as 2025"), "\(messages)")
        #expect(messages.contains { $0.hasSuffix("an uppfoljning block needs 'year: 2025', or a report page with a 'year'") }, "\(messages)")
    }
}

/// Indicators and actions the public web may not show stay off it: through a report's
/// follow-up block, an action's page or a value written into a public page's text.
@Suite struct FollowUpAudienceTests {
    static let staffIndicator = IndicatorTests.valid.replacingOccurrences(of: "audience: [staff, politicians]", with: "audience: [staff]")
    static let staffAction = ActionTests.action(title: "Intern åtgärd HEMLIG", deadline: "2026-12-31", extra: "indicators: [ogiltig]")
        .replacingOccurrences(of: "audience: [staff, politicians]", with: "audience: [staff]")
        .replacingOccurrences(of: "BUN 2025/0142", with: "BUN 2025/9999")

    @Test func aPublicReportsFollowUpListsOnlyWhatThePublicTargetHolds() throws {
        let report = "---\ntitle: Rapport\naudience: [guardians, politicians, staff]\nyear: 2015\n---\n\n```uppfoljning\n```\n\n```uppfoljning\nyear: 2026\n```\n"
        let fixture = try IndicatorTests.fixture(Self.staffIndicator, extra: ["content/rapport/r.md": report, "content/atgarder/a.md": Self.staffAction])
        defer { fixture.remove() }
        #expect(!fixture.log.hasErrors, "\(fixture.log.sorted)")
        let page = try fixture.page("rapport/r.md")
        let intranet = try fixture.renderer("intranat").renderBody(of: page, links: [])
        #expect(intranet.contains(">Ogiltig frånvaro</a>") && intranet.contains("HEMLIG") && intranet.contains("BUN 2025/9999"))
        let web = try fixture.renderer("webb").renderBody(of: page, links: [])
        for secret in ["Ogiltig frånvaro", "HEMLIG", "BUN 2025/9999", "2,50"] {
            #expect(!web.contains(secret), "\(secret) in \(web)")
        }
    }

    @Test func anActionsPageNamesOnlyIndicatorsItsTargetHolds() throws {
        let action = ActionTests.action(deadline: "2026-12-31", extra: "indicators: [ogiltig]")
        let fixture = try IndicatorTests.fixture(Self.staffIndicator, extra: ["content/atgarder/a.md": action])
        defer { fixture.remove() }
        let page = try fixture.page("atgarder/a.md")
        #expect(try fixture.renderer("intranat").renderPage(page, body: "", flow: nil).contains(">Ogiltig frånvaro</a>"))
        // The web target here holds guardians' pages only: neither the action nor the indicator.
        let politicians = try LoadedFixture(changing: [
            "content/site.yml": LoadedFixture.files["content/site.yml"]!.replacingOccurrences(of: "audiences: [guardians]", with: "audiences: [guardians, politicians]"),
            "content/data/ogiltig.csv": IndicatorTests.csv, "content/data/ogiltig.yml": IndicatorTests.sidecar,
            "content/indikatorer/ogiltig.md": Self.staffIndicator, "content/atgarder/a.md": action,
        ])
        defer { politicians.remove() }
        let html = try politicians.renderer("webb").renderPage(try politicians.page("atgarder/a.md"), body: "", flow: nil)
        #expect(!html.contains("Ogiltig frånvaro"), "\(html)")
    }

    @Test func aValueOfAStaffIndicatorInAPublicPageIsAnError() throws {
        let page = "---\ntitle: Sida\naudience: [guardians]\n---\n\nFrånvaron var `=ogiltig`.\n"
        let fixture = try IndicatorTests.fixture(Self.staffIndicator, extra: ["content/vardnadshavare/s.md": page])
        defer { fixture.remove() }
        var log = DiagnosticLog()
        _ = SiteChecks.run(on: fixture.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &log)
        let errors = log.sorted.filter { $0.severity == .error }.map { "\($0.location.path):\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(errors == ["content/vardnadshavare/s.md:6:16: the value of 'ogiltig' would be published in the target 'webb', which does not include that indicator; give the indicator this page's audience, or leave the value out"],
                "\(errors)")
        // The same value in a staff page is fine.
        let staffPage = page.replacingOccurrences(of: "audience: [guardians]", with: "audience: [staff]")
        let fine = try IndicatorTests.fixture(Self.staffIndicator, extra: ["content/vardnadshavare/s.md": staffPage])
        defer { fine.remove() }
        var fineLog = DiagnosticLog()
        _ = SiteChecks.run(on: fine.site, today: LoadedFixture.today, reservedFolders: Generator.reservedFolders, log: &fineLog)
        #expect(!fineLog.hasErrors, "\(fineLog.sorted)")
    }
}

