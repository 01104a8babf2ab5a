import SamsynSupport
/// The chart types of DESIGN.md.
public enum ChartKind: String, Sendable, CaseIterable {
    case bar
    case groupedBar = "grouped-bar"
    case stackedBar = "stacked-bar"
    case line
}

/// What the numbers are: plain numbers, or percentages already (8.65 means 8,65 %).
public enum ValueUnit: String, Sendable {
    case number, percent
}

/// One value of a chart: a number, a value withheld by disclosure control, or no value.
public enum ChartValue: Sendable, Equatable {
    case value(Double)
    case withheld(Withholding)
    case missing

    public var number: Double? {
        if case .value(let number) = self { return number }
        return nil
    }

    public var isWithheld: Bool {
        if case .withheld = self { return true }
        return false
    }
}

public struct ChartSeries: Sendable, Equatable {
    public var name: String
    /// One value per category, in category order.
    public var values: [ChartValue]
    /// A target drawn as a line beside the data: described as a target, not as data.
    public var isTarget: Bool

    public init(name: String, values: [ChartValue], isTarget: Bool = false) {
        self.name = name
        self.values = values
        self.isTarget = isTarget
    }
}

/// The numbers to draw: categories along one axis, one or more series of values.
public struct ChartData: Sendable, Equatable {
    public var categories: [String]
    public var series: [ChartSeries]
    /// What the categories are (the table's first column heading): "Termin".
    public var categoryLabel: String
    /// What the series are: "Skola". Heads the table when series become its rows.
    public var seriesLabel: String
    /// Where each category lies on a time axis (a period's middle, in years), for a line
    /// chart of periods measured at uneven intervals; nil spaces the categories evenly. On a
    /// time axis a series' line runs on past a period it has no value for (`.missing`),
    /// as the series was not measured then; it still breaks at a withheld value.
    public var positions: [Double]?

    public init(categories: [String], series: [ChartSeries], categoryLabel: String, seriesLabel: String = "", positions: [Double]? = nil) {
        self.categories = categories
        self.series = series
        self.categoryLabel = categoryLabel
        self.seriesLabel = seriesLabel
        self.positions = positions
    }

    /// The time positions, when there is one per category and they are not all the same.
    var timePositions: [Double]? {
        guard let positions, positions.count == categories.count, let low = positions.min(), let high = positions.max(), high > low else { return nil }
        return positions
    }

    var allValues: [Double] { series.flatMap { $0.values.compactMap(\.number) } }
    var withheldCount: Int { series.reduce(0) { $0 + $1.values.count(where: \.isWithheld) } }
    func contains(_ reason: Withholding) -> Bool { series.contains { $0.values.contains(.withheld(reason)) } }
}

public struct ChartOptions: Sendable {
    public var kind: ChartKind
    /// Bars along the horizontal axis, categories down the side: for long labels.
    public var horizontal: Bool
    /// Stacked bars as shares of each bar's total (100 %).
    public var percentStack: Bool
    public var unit: ValueUnit
    public var decimals: Int
    public var title: String
    /// What the values are, for the axis and the description: "Ogiltig frånvaro".
    public var valueLabel: String
    public var source: String?
    /// Figures are numbered per page.
    public var number: Int
    /// Smallest published group, for the note under a chart with withheld values.
    public var minCell: Int

    public init(kind: ChartKind, horizontal: Bool = false, percentStack: Bool = false, unit: ValueUnit = .number,
                decimals: Int = 0, title: String, valueLabel: String, source: String? = nil, number: Int, minCell: Int = 10) {
        self.kind = kind
        self.horizontal = horizontal
        self.percentStack = percentStack
        self.unit = unit
        self.decimals = decimals
        self.title = title
        self.valueLabel = valueLabel
        self.source = source
        self.number = number
        self.minCell = minCell
    }

    /// Percent values, or shares of a 100 % stack, are shown with a percent sign.
    var showsPercent: Bool { unit == .percent || percentStack }
}
