import Foundation
import Testing

/// Languages, plain Swedish, governance of routines and the accessibility statement.
@Suite struct LanguageTests {
    func siteWithArabic() throws -> SiteFixture {
        let site = try SiteFixture()
        try site.write("content/vardnadshavare/franvaro.ar.md", "---\ntitle: الغياب عن المدرسة\n---\n\nاتصل بالمدرسة كل صباح.\n")
        try site.write("content/vardnadshavare/lov.md", "---\ntitle: Lov och ledighet\naudience: [guardians]\n---\n\nAnsök om ledighet i appen.\n")
        return site
    }

    @Test func eachLanguageHasAStartPageWithItsPagesTheSwedishOnesAndItsToolbox() throws {
        let site = try siteWithArabic()
        try site.write("content/verktygslada/hembesok.md", "---\ntitle: Hembesök\naudience: [staff, guardians]\nlevel: åtgärdande\nfor: [vårdnadshavare]\n---\n\nVi kommer hem till er.\n")
        try site.write("content/verktygslada/hembesok.ar.md", "---\ntitle: الزيارة المنزلية\n---\n\nنأتي إلى منزلكم.\n")
        try site.write("content/verktygslada/samtal.md", "---\ntitle: Samtal\naudience: [staff, guardians]\nlevel: förebyggande\nfor: [vårdnadshavare]\n---\n\nVi pratar.\n")
        let result = try site.run("build")
        #expect(result.status == 0, "\(result.stderr)")
        let home = try site.read("public/webb/ar/index.html")
        #expect(home.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(home.contains(#"<a href="../ar/vardnadshavare/franvaro/">الغياب عن المدرسة</a>"#), "the page in Arabic")
        #expect(home.contains(#"<a href="../vardnadshavare/lov/" lang="sv" hreflang="sv">Lov och ledighet</a> <span class="in-site-language">(بالسويدية)</span>"#),
                "the page only in Swedish, said so in Arabic")
        #expect(home.contains(#"href="../ar/verktygslada/""#))
        let toolbox = try site.read("public/webb/ar/verktygslada/index.html")
        #expect(toolbox.contains(#"<a href="../../ar/verktygslada/hembesok/">الزيارة المنزلية</a><"#),
                "a translated intervention under its Arabic title, neither marked as Swedish nor given the page's summary")
        #expect(toolbox.contains(#"lang="sv" hreflang="sv">Samtal</a>"#), "an untranslated one marked as Swedish")
        // The Swedish map's links are in the page's own language: nothing marks them.
        let swedishMap = try site.read("public/webb/verktygslada/index.html").components(separatedBy: "<div class=\"toolbox-map\">")[1]
        #expect(!swedishMap.contains("hreflang") && !swedishMap.contains("in-site-language"))
        // The Swedish front page and the guardians' section offer the language by its own name.
        for page in ["public/webb/index.html", "public/webb/vardnadshavare/index.html"] {
            #expect(try site.read(page).contains(#"lang="ar" hreflang="ar" dir="rtl">العربية</a>"#), "\(page)")
        }
    }

    @Test func rightToLeftPagesGetDirAndTheirOwnInterfaceText() throws {
        let site = try siteWithArabic()
        #expect(try site.run("build").status == 0)
        let arabic = try site.read("public/webb/ar/vardnadshavare/franvaro/index.html")
        #expect(arabic.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(arabic.contains("انتقل إلى المحتوى"), "the skip link is in Arabic")
        // The site's name stays Swedish and says so; for this reader it leads to the Arabic start page.
        #expect(arabic.contains(#"<a class="site-title" href="../../../ar/" lang="sv">"#), "Swedish text on the page is marked as Swedish")
        let english = try site.read("public/webb/en/vardnadshavare/franvaro/index.html")
        #expect(english.contains(#"<html lang="en" dir="ltr">"#))
        #expect(english.contains("Skip to content"))
        #expect(english.contains(#"hreflang="sv""#), "menu links to Swedish pages say so")
    }

    @Test func translationsLinkToEveryLanguageVersion() throws {
        let site = try siteWithArabic()
        try site.build()
        let swedish = try site.read("public/webb/vardnadshavare/franvaro/index.html")
        #expect(swedish.contains(#"<link rel="alternate" hreflang="ar" href="../../ar/vardnadshavare/franvaro/">"#))
        #expect(swedish.contains(#"<link rel="alternate" hreflang="en" href="../../en/vardnadshavare/franvaro/">"#))
        #expect(swedish.contains(#"<a href="../../ar/vardnadshavare/franvaro/" hreflang="ar" lang="ar" dir="rtl">العربية</a>"#))
        #expect(swedish.contains(#"hreflang="sv" lang="sv" dir="ltr" aria-current="page">Svenska</a>"#))
    }

    @Test func aMissingTranslationSaysSoInTheReadersLanguage() throws {
        let site = try siteWithArabic()
        try site.build()
        let missing = try site.read("public/webb/ar/vardnadshavare/lov/index.html")
        #expect(missing.contains(#"<html lang="ar" dir="rtl">"#))
        #expect(missing.contains("هذه الصفحة غير متوفرة باللغة العربية بعد"))
        #expect(missing.contains(#"<meta name="robots" content="noindex">"#))
        #expect(missing.contains(#"<a href="../../../vardnadshavare/lov/" hreflang="sv"><span lang="sv" dir="ltr">Lov och ledighet</span></a>"#))
        let english = try site.read("public/webb/en/vardnadshavare/lov/index.html")
        #expect(english.contains("This page is not yet available in English"))
        #expect(!(try site.read("public/webb/sitemap.xml")).contains("/ar/vardnadshavare/lov/"))
        // The page about it links there, so a reader switching language never meets a dead end.
        let lov = try site.read("public/webb/vardnadshavare/lov/index.html")
        #expect(lov.contains(#"href="../../ar/vardnadshavare/lov/""#))
    }

    @Test func aMissingInterfaceTextIsAWarningNamingTheFile() throws {
        let site = try siteWithArabic()
        let english = try site.read("templates/i18n/en.yml").replacingOccurrences(of: "  home: Home\n", with: "")
        try site.write("templates/i18n/en.yml", english)
        let result = try site.run("check")
        #expect(result.status == 0)
        #expect(result.diagnostics.contains("templates/i18n/en.yml:3:3: warning: missing 'home'; the sv text is used"), "\(result.stderr)")
    }

    @Test func datesAreWrittenInTheReadersLanguage() throws {
        let site = try SiteFixture()
        try site.build()
        let routine = try site.read("public/intranat/rutiner/oroande-franvaro/index.html")
        #expect(routine.contains("15 januari 2026"))
    }
}

@Suite struct ReadabilityTests {
    @Test func lixOfEasyAndHardSwedish() throws {
        let site = try SiteFixture()
        let hard = """
            ---
            title: Information
            audience: [guardians]
            ---

            Verksamhetsutvecklingsinsatserna avseende närvarofrämjande samverkansstrukturer mellan huvudmannens organisatoriska enheter förutsätter kontinuerlig dokumentation, systematisk uppföljning och kvalitetssäkrade beslutsunderlag för samtliga berörda tjänstepersoner inom förvaltningarna.

            Ansvarsfördelningen beträffande vårdnadshavarkontakter regleras genom gemensamma riktlinjer.

            Ring skolan.
            """
        try site.write("content/vardnadshavare/franvaro.md", hard)
        let result = try site.run("check")
        let warning = try #require(result.diagnostics.first { $0.contains("LIX") })
        #expect(warning.hasPrefix("content/vardnadshavare/franvaro.md:1:1: warning: LIX "))
        #expect(warning.contains("is above readability.max_lix 40 for a page guardians read"))
        #expect(warning.contains("«Verksamhetsutvecklingsinsatserna avseende"), "names the longest sentence first")
        #expect(warning.contains("«Ring skolan.»"), "and the three longest, however short the third")
        #expect(result.stdout.contains("content/vardnadshavare/franvaro.md"), "the report lists the page's LIX")
    }

    @Test func plainSwedishPasses() throws {
        let site = try SiteFixture()
        let result = try site.run("check")
        #expect(!result.stderr.contains("LIX"))
        #expect(result.stdout.contains("Readability (LIX"))
    }
}

@Suite struct GovernanceTests {
    /// 2027-03-01: the fixture's routine, reviewed 2026-01-15 every 12 months, is overdue then.
    static let later = ["SOURCE_DATE_EPOCH": "1803902400"]

    @Test func anOverdueRoutineIsAWarningAndWithStrictAnError() throws {
        let site = try SiteFixture()
        let result = try site.run(["check"], environment: Self.later)
        #expect(result.status == 0)
        #expect(result.diagnostics.contains(
            "content/rutiner/oroande-franvaro.md:6:11: warning: the routine was due for review on 2027-01-15 (reviewed 2026-01-15, every 12 months); review it with its owner 'rektor' and update 'reviewed'"
        ), "\(result.stderr)")
        #expect(try site.run(["check", "--strict"], environment: Self.later).status == 1)
        #expect(!(try site.run("check").stderr.contains("due for review")), "not overdue on the fixed test date")
    }

    @Test func theIntranetGetsAnOverviewOfRoutinesByDueDate() throws {
        let site = try SiteFixture()
        try site.write("content/rutiner/sip.md", "---\ntitle: SIP\nowner: kurator\nreviewed: 2025-06-01\n---\nText.\n")
        _ = try site.run(["build"], environment: Self.later)
        let overview = try site.read("public/intranat/granskning/index.html")
        let sip = try #require(overview.range(of: ">SIP</a>")), oroande = try #require(overview.range(of: ">Oroande frånvaro</a>"))
        #expect(sip.lowerBound < oroande.lowerBound, "earliest due first")
        #expect(overview.contains(#"<tr class="overdue">"#))
        #expect(overview.contains("Försenad"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/webb/granskning").path), "not on the public web")
        let routines = try site.read("public/intranat/rutiner/index.html")
        #expect(routines.contains(#"<a href="../granskning/">Granskning av rutiner</a>"#))
    }

    @Test func aRoutineWithoutOwnerOrReviewDateIsAnError() throws {
        let site = try SiteFixture()
        try site.write("content/rutiner/utan-agare.md", "---\ntitle: Utan ägare\nreviewed: 2026-01-01\n---\nText.\n")
        try site.write("content/rutiner/utan-datum.md", "---\ntitle: Utan datum\nowner: rektor\n---\nText.\n")
        let result = try site.run("check")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/rutiner/utan-agare.md:2:1: error: missing 'owner'"), "\(result.stderr)")
        #expect(result.diagnostics.contains("content/rutiner/utan-datum.md:2:1: error: missing 'reviewed'"), "\(result.stderr)")
    }

    @Test func theBuildDateComesFromSourceDateEpochSoBuildsRepeat() throws {
        let site = try SiteFixture()
        _ = try site.run(["build", "--output", "a"], environment: Self.later)
        _ = try site.run(["build", "--output", "b"], environment: Self.later)
        #expect(try snapshot(site.root.appendingPathComponent("a")) == snapshot(site.root.appendingPathComponent("b")))
        #expect(try site.read("a/intranat/granskning/index.html").contains("1 mars 2027"))
    }
}

@Suite struct AccessibilityStatementTests {
    @Test func everyPublicTargetHasAStatementLinkedFromEveryPage() throws {
        let site = try SiteFixture()
        #expect(try site.run("build").status == 0)
        let statement = try site.read("public/webb/tillganglighet/index.html")
        for required in [
            "Testkommun står bakom webbplatsen Skolnärvaro i Testkommun",                 // organisation and service
            "Webbplatsen är delvis förenlig med lagen (2018:1937)",                         // compliance status
            "<dt>Diagrammen saknar ljudbeskrivning.</dt>", "<dd>Siffrorna finns i tabeller.</dd>", // shortcomings and why
            "Självskattning med axe-core.",                                                 // how it was assessed
            #"<time datetime="2026-10-01">1 oktober 2026</time>"#,                         // date of assessment
            #"<time datetime="2026-11-01">1 november 2026</time>"#,                        // last update
            #"<a href="mailto:webb@test.se">webb@test.se</a>"#, "011-00 00 00",            // feedback
            #"<a href="https://www.digg.se/tdosanmalan">"#,                                 // Digg's form
        ] {
            #expect(statement.contains(required), "\(required)")
        }
        for page in try snapshot(site.root.appendingPathComponent("public/webb")).filter({ $0.key.hasSuffix(".html") }) {
            // In the page's own language: "Tillgänglighetsredogörelse", "Accessibility statement", …
            #expect(String(decoding: page.value, as: UTF8.self).contains("tillganglighet/\""), "\(page.key)")
        }
        #expect(try site.read("public/webb/sitemap.xml").contains("tillganglighet/"))
    }

    @Test func aMissingFieldIsAnError() throws {
        let site = try SiteFixture()
        let config = try site.read("content/site.yml").replacingOccurrences(of: "  method: Självskattning med axe-core.\n", with: "")
        try site.write("content/site.yml", config)
        let result = try site.run("check")
        #expect(result.status == 1)
        #expect(result.diagnostics.contains("content/site.yml:11:3: error: missing 'method'"), "\(result.stderr)")
    }

    @Test func aPublicSiteWithoutAStatementIsAnError() throws {
        let site = try SiteFixture()
        let config = try site.read("content/site.yml")
        try site.write("content/site.yml", String(config[..<config.range(of: "accessibility:")!.lowerBound]))
        let result = try site.run("check")
        #expect(result.diagnostics.contains("content/site.yml:1:1: error: site.yml needs an 'accessibility:' section: a site for guardians, pupils or politicians must publish a tillgänglighetsredogörelse"))
    }

    @Test func anUnknownComplianceStatusIsAnError() throws {
        let site = try SiteFixture()
        let config = try site.read("content/site.yml").replacingOccurrences(of: "compliance: delvis", with: "compliance: delvist")
        try site.write("content/site.yml", config)
        let result = try site.run("check")
        #expect(result.stderr.contains("content/site.yml:13:15: error: 'accessibility.compliance': 'delvist' is not a compliance status; use helt, delvis or inte"), "\(result.stderr)")
    }
}
