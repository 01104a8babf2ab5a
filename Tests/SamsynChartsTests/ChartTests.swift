import SamsynSupport
import Foundation
import Testing
@testable import SamsynCharts

@Suite struct ScaleTests {
    @Test func niceSteps() {
        #expect(LinearScale.niceStep(for: 1.73) == 2)
        #expect(LinearScale.niceStep(for: 0.82) == 1)
        #expect(LinearScale.niceStep(for: 23) == 25)
        #expect(LinearScale.niceStep(for: 41) == 50)
        #expect(LinearScale.niceStep(for: 160) == 200)
    }

    @Test func ticksCoverTheDataFromZero() {
        #expect(LinearScale(minValue: 0.32, maxValue: 8.65, range: (0, 100)).ticks == [0, 2, 4, 6, 8, 10])
        #expect(LinearScale(minValue: 0, maxValue: 100, range: (0, 100)).ticks == [0, 20, 40, 60, 80, 100])
        #expect(LinearScale(minValue: 3.2, maxValue: 4.1, range: (0, 100)).ticks == [0, 1, 2, 3, 4, 5])
        #expect(LinearScale(minValue: 0, maxValue: 58, range: (0, 100)).ticks == [0, 20, 40, 60])
    }

    @Test func negativeValuesExtendTheDomainBelowZero() {
        let scale = LinearScale(minValue: -3, maxValue: 7, range: (0, 100))
        #expect(scale.ticks.first! < 0)
        #expect(scale.ticks.contains(0))
    }

    @Test func positionsRunEitherWay() {
        let scale = LinearScale(minValue: 0, maxValue: 10, range: (200, 0))
        #expect(scale.position(0) == 200)
        #expect(scale.position(10) == 0)
        #expect(scale.tickDecimals == 0)
        #expect(LinearScale(minValue: 0, maxValue: 1.2, range: (0, 1)).tickDecimals == 2)
    }
}

@Suite struct PaletteTests {
    @Test func everyColourHasThreeToOneAgainstWhiteAndCarriesWhiteText() {
        for colour in Palette.colours {
            #expect(Palette.contrast(colour, "#ffffff") >= 3, "\(colour) as a mark on white")
            #expect(Palette.contrast(colour, "#ffffff") >= 4.5, "white text on \(colour)")
        }
    }

    @Test func textAndAxesAreDarkEnough() {
        #expect(Palette.contrast(ChartRenderer.inkColour, "#ffffff") >= 4.5)
        #expect(Palette.contrast(ChartRenderer.axisColour, "#ffffff") >= 3)
    }

    @Test func seriesDifferInMoreThanColour() {
        let styles = (0..<8).map(Palette.style)
        #expect(Set(styles.map { "\($0.dash ?? "solid")" }).count == 8)
        #expect(Set(styles.map { "\($0.marker)" }).count == 6)
    }
}

@Suite struct ChartRenderingTests {
    static let terms = ["VT 2012", "HT 2012", "VT 2013", "HT 2013", "VT 2014"]
    static let absence = ChartData(
        categories: terms,
        series: [
            ChartSeries(name: "Borgsmoskolan", values: [8.65, 4.30, 4.97, 2.99, 5.17].map { .value($0) }),
            ChartSeries(name: "Enebyskolan", values: [3.21, 1.19, 1.89, 0.94, 1.76].map { .value($0) }),
        ],
        categoryLabel: "Termin", seriesLabel: "Skola"
    )

    func render(_ data: ChartData, _ kind: ChartKind, horizontal: Bool = false, percent: Bool = false, unit: ValueUnit = .percent) -> String {
        ChartRenderer().figure(data, options: ChartOptions(
            kind: kind, horizontal: horizontal, percentStack: percent, unit: unit, decimals: 2,
            title: "Ogiltig frånvaro per skola och termin", valueLabel: "Ogiltig frånvaro", source: "Alla barn i skolan, tabell 2", number: 3
        ))
    }

    @Test func bothLayoutsAreLabelledWithTheirOwnIDs() {
        let html = render(Self.absence, .line)
        #expect(html.components(separatedBy: "role=\"img\"").count == 3)
        #expect(html.contains(#"class="chart-svg chart-narrow" viewBox="0 0 360 "#))
        #expect(html.contains(#"aria-labelledby="figur-3-titel-smal figur-3-beskrivning-smal""#))
        #expect(html.contains(#"<title id="figur-3-titel-smal">"#))
    }

    @Test func figureIsAccessible() {
        let html = render(Self.absence, .line)
        #expect(html.hasPrefix("<figure class=\"chart chart-line\" id=\"figur-3\">"))
        #expect(html.contains(#"role="img" aria-labelledby="figur-3-titel figur-3-beskrivning""#))
        #expect(html.contains(#"<title id="figur-3-titel">Ogiltig frånvaro per skola och termin</title>"#))
        #expect(html.contains("<figcaption><span class=\"figure-number\">Figur 3.</span> Ogiltig frånvaro per skola och termin<span class=\"figure-source\">Källa: Alla barn i skolan, tabell 2</span></figcaption>"))
        #expect(html.contains(#"<div class="table-scroll" role="region" tabindex="0" aria-labelledby="figur-3-tabell">"#))
        #expect(html.contains(#"<caption id="figur-3-tabell">Siffrorna i figur 3</caption>"#))
        #expect(html.contains(#"<th scope="col" class="numeric">Borgsmoskolan</th>"#))
        #expect(html.contains(#"<th scope="row">VT 2012</th><td class="numeric">8,65"# + "\u{00A0}%</td>"))
        #expect(!html.contains("<script"))
    }

    func description(_ data: ChartData, _ kind: ChartKind, percent: Bool = false, valueLabel: String = "Ogiltig frånvaro") -> String {
        let html = ChartRenderer().figure(data, options: ChartOptions(
            kind: kind, percentStack: percent, unit: .percent, decimals: 2, title: "T", valueLabel: valueLabel, number: 3))
        return html.components(separatedBy: "<desc id=\"figur-3-beskrivning\">")[1].components(separatedBy: "</desc>")[0]
    }

    /// Each chart type is described as a person would say it aloud, as whole sentences.
    @Test(arguments: [
        (ChartKind.line, false,
         "Linjediagram som visar ogiltig frånvaro per termin, med en linje för varje skola: Borgsmoskolan och Enebyskolan. "
            + "Högst är Borgsmoskolan, VT 2012, med 8,65\u{00A0}%. Lägst är Enebyskolan, HT 2013, med 0,94\u{00A0}%. "
            + "Från VT 2012 till VT 2014 ändrades genomsnittet för serierna från 5,93\u{00A0}% till 3,47\u{00A0}%."),
        (ChartKind.groupedBar, false,
         "Stapeldiagram som visar ogiltig frånvaro per termin, med en stapel för varje skola: Borgsmoskolan och Enebyskolan. "
            + "Högst är VT 2012, Borgsmoskolan, med 8,65\u{00A0}%. Lägst är HT 2013, Enebyskolan, med 0,94\u{00A0}%."),
        (ChartKind.stackedBar, false,
         "Staplat stapeldiagram som visar ogiltig frånvaro per termin, uppdelat på skola: Borgsmoskolan och Enebyskolan. "
            + "Högst är VT 2012, Borgsmoskolan, med 8,65\u{00A0}%. Lägst är HT 2013, Enebyskolan, med 0,94\u{00A0}%."),
        (ChartKind.stackedBar, true,
         "Staplat stapeldiagram där varje stapel är 100 procent. Det visar hur skola fördelar sig för varje termin: "
            + "VT 2012, HT 2012, VT 2013, HT 2013 och VT 2014. "
            + "Högst är VT 2012, Borgsmoskolan, med 8,65\u{00A0}%. Lägst är HT 2013, Enebyskolan, med 0,94\u{00A0}%. "
            + "Stapelns delar visar andelar av stapelns summa."),
    ])
    func eachChartTypeIsDescribedInWholeSentences(kind: ChartKind, percent: Bool, expected: String) {
        #expect(description(Self.absence, kind, percent: percent) == expected)
    }

    @Test func oneSeriesIsSaidPlainlyAndATargetAsATarget() {
        let one = ChartData(categories: ["Stödsamtal", "Hembesök"], series: [ChartSeries(name: "Antal", values: [.value(58), .value(12)])],
                            categoryLabel: "Insats")
        #expect(description(one, .groupedBar, valueLabel: "Antal barn")
            == "Stapeldiagram som visar antal barn per insats. Högst är Stödsamtal med 58,00\u{00A0}%. Lägst är Hembesök med 12,00\u{00A0}%.")
        let indicator = ChartData(categories: ["2012", "2014"], series: [
            ChartSeries(name: "Godkända", values: [.value(73.2), .value(67.4)]),
            ChartSeries(name: "Mål", values: [.missing, .value(75)], isTarget: true),
        ], categoryLabel: "Period")
        #expect(description(indicator, .line, valueLabel: "Godkända i alla ämnen")
            == "Linjediagram som visar godkända i alla ämnen per period. Högst är 2012 med 73,20\u{00A0}%. Lägst är 2014 med 67,40\u{00A0}%. "
            + "Från 2012 till 2014 ändrades värdet från 73,20\u{00A0}% till 67,40\u{00A0}%. Målet för 2014 är 75,00\u{00A0}%.")
        let single = ChartData(categories: ["2022"], series: [ChartSeries(name: "Andel", values: [.value(75)])], categoryLabel: "Period")
        #expect(description(single, .line, valueLabel: "Andel") == "Linjediagram som visar andel per period. Värdet för 2022 är 75,00\u{00A0}%.")
        let many = ChartData(categories: ["VT 2012"], series: (1...7).map { ChartSeries(name: "Skola \($0)", values: [.value(Double($0))]) },
                             categoryLabel: "Termin", seriesLabel: "Skola")
        #expect(description(many, .line).hasPrefix("Linjediagram som visar ogiltig frånvaro per termin, med en linje för varje skola (7 stycken). "))
    }

    @Test func linesWithRoomGetDirectLabelsAndALegendOnlyWhereTheyDoNotFit() {
        let html = render(Self.absence, .line)
        // Wide: the names fit beside the lines. Narrow (phones): they do not, so a legend shows there only.
        #expect(html.contains("<ul class=\"chart-legend chart-narrow-legend\">"))
        #expect(html.contains(">Borgsmoskolan</text>"))
        #expect(html.contains("stroke-dasharray=\"8 4\""), "the second line is dashed")
    }

    @Test func barsWithSeveralSeriesGetALegend() {
        let html = render(Self.absence, .groupedBar)
        #expect(html.contains("<ul class=\"chart-legend\">"))
        #expect(html.contains("</svg>Enebyskolan</li>"))
    }

    @Test func withheldValuesAreShownAsDotsAndNeverAsNumbers() {
        var data = Self.absence
        data.series[1].values[2] = .withheld(.smallGroup)
        data.series[0].values[2] = .withheld(.protectsAnother)
        let html = render(data, .groupedBar)
        #expect(html.contains(#"<td class="numeric">..</td>"#))
        #expect(html.contains(#"<td class="numeric">..*</td>"#))
        #expect(html.contains("<code>..</code> = färre än 10 elever, uppgiften visas inte"))
        #expect(html.contains("<code>..*</code> = visas inte för att en uppgift om en liten grupp inte ska kunna räknas fram"))
        #expect(html.contains("2 värden visas inte för att skydda små grupper."))
        #expect(!html.contains("1,89"))
        #expect(!html.contains("4,97"))
    }

    @Test func aWithheldPartHidesTheWhole100PercentStack() {
        let data = ChartData(categories: ["Vid start", "Efter 1 år"], series: [
            ChartSeries(name: "0-20 %", values: [.value(22), .value(39)]),
            ChartSeries(name: "20-40 %", values: [.value(25), .withheld(.smallGroup)]),
            ChartSeries(name: "40-100 %", values: [.value(53), .value(50)]),
        ], categoryLabel: "Tidpunkt")
        let html = render(data, .stackedBar, percent: true)
        let svg = html.components(separatedBy: "</svg>")[0]
        // 100 − 39 − 50 would give the withheld 11 away: "Efter 1 år" draws no shares at all.
        #expect(!svg.contains(">39\u{00A0}%<"))
        #expect(!svg.contains(">50\u{00A0}%<"))
        #expect(svg.contains(">22\u{00A0}%<"))
        // The table and the description follow the drawing: 39 and 50 appear nowhere.
        #expect(!html.contains("39,00"))
        #expect(!html.contains("50,00"))
        #expect(html.contains("22,00"))
        #expect(html.contains(#"<td class="numeric">..*</td>"#))
        #expect(html.contains("3 värden visas inte"))
    }

    @Test func authorTextIsEscapedEverywhere() {
        let data = ChartData(categories: ["<script>alert(1)</script>"], series: [ChartSeries(name: "\"x\" & y", values: [.value(1)])], categoryLabel: "A<b>")
        let html = render(data, .bar)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;"))
    }

    @Test func tableTurnsSoItHasFewerColumns() {
        let data = ChartData(categories: ["VT 2012"], series: (1...5).map { ChartSeries(name: "Skola \($0)", values: [.value(Double($0))]) },
                             categoryLabel: "Termin", seriesLabel: "Skola")
        let html = render(data, .groupedBar)
        #expect(html.contains(#"<th scope="col">Skola</th><th scope="col" class="numeric">VT 2012</th>"#))
        #expect(html.contains(#"<th scope="row">Skola 5</th>"#))
    }
}

/// The SVG of one chart of each type, compared with a file under Snapshots/. Run with
/// SAMSYN_RECORD_SNAPSHOTS=1 to write them after a deliberate change, then review the diff.
@Suite struct ChartSnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static let cases: [(name: String, kind: ChartKind, horizontal: Bool, percent: Bool)] = [
        ("bar-vertical", .bar, false, false),
        ("bar-horizontal", .bar, true, false),
        ("grouped-bar", .groupedBar, false, false),
        ("stacked-bar", .stackedBar, false, false),
        ("stacked-bar-percent", .stackedBar, false, true),
        ("line", .line, false, false),
    ]

    static func data(for name: String, kind: ChartKind) -> ChartData {
        if name == "bar-vertical" {
            return ChartData(categories: ["Våren 2022", "Hösten 2023", "Våren 2024"],
                             series: [ChartSeries(name: "Medelvärde", values: [3.2, 3.8, 4.1].map { .value($0) })], categoryLabel: "Mätning")
        }
        if kind == .bar {
            return ChartData(categories: ["Stödsamtal till förälder", "Konsultation skola/pedagog/elevhälsa", "Stödsamtal med barnet", "Nulägeskartläggning"],
                             series: [ChartSeries(name: "Antal barn", values: [58, 51, 48, 40].map { .value($0) })], categoryLabel: "Insats")
        }
        return ChartData(categories: ["Vid start", "Efter 3 månader", "Efter 1 år"], series: [
            ChartSeries(name: "0-20 %", values: [22, 45, 39].map { .value($0) }),
            ChartSeries(name: "20-40 %", values: [25, 13, 3].map { .value($0) }),
            ChartSeries(name: "40-100 %", values: [51, 28, 26].map { .value($0) }),
        ], categoryLabel: "Tidpunkt", seriesLabel: "Frånvaroband")
    }

    @Test(arguments: cases.map(\.name))
    func snapshot(_ name: String) throws {
        let item = Self.cases.first { $0.name == name }!
        let html = ChartRenderer().figure(Self.data(for: name, kind: item.kind), options: ChartOptions(
            kind: item.kind, horizontal: item.horizontal, percentStack: item.percent, unit: item.kind == .bar ? .number : .percent,
            title: "Test \(name)", valueLabel: item.kind == .bar ? "Antal barn" : "Andel", number: 1
        ))
        let file = Self.directory.appendingPathComponent("\(name).html")
        if ProcessInfo.processInfo.environment["SAMSYN_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try html.write(to: file, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(html == expected, "differs from \(file.lastPathComponent); rerun with SAMSYN_RECORD_SNAPSHOTS=1 if the change is intended")
    }
}
