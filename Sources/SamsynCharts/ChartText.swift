import SamsynSupport
/// Every word a chart shows readers, in Swedish; another language passes its own.
public struct ChartText: Sendable {
    public var figure = "Figur"
    public var table = "Tabell"
    /// Heads the series column when each series is a column of the data.
    public var measure = "Mått"
    public var source = "Källa"
    /// `{n}` is the smallest group published.
    public var withheldNote = "färre än {n} elever, uppgiften visas inte"
    /// After `..*`: a value withheld so that a withheld one cannot be worked out.
    public var protectedNote = "visas inte för att en uppgift om en liten grupp inte ska kunna räknas fram"
    public var missingNote = "uppgift saknas"
    /// `{n}` is the figure's number.
    public var tableCaption = "Siffrorna i figur {n}"
    public var kindNames: [ChartKind: String] = [
        .bar: "Stapeldiagram", .groupedBar: "Stapeldiagram", .stackedBar: "Staplat stapeldiagram", .line: "Linjediagram",
    ]
    public var percentStackName = "Staplat stapeldiagram där varje stapel är 100 procent"
    public var over = "över"
    public var per = "per"
    public var forSeries = "för"
    public var and = "och"
    public var groups = "grupper"
    /// `{label}`, `{value}`.
    public var highest = "Högst är {label} med {value}."
    public var lowest = "Lägst är {label} med {value}."
    /// `{first}`, `{last}`, `{from}`, `{to}`.
    public var changeOne = "Från {first} till {last} ändrades värdet från {from} till {to}."
    public var changeMean = "Från {first} till {last} ändrades genomsnittet för serierna från {from} till {to}."
    /// `{count}`.
    public var withheldSentence = "{count} värden visas inte för att skydda små grupper."
    public var shareNote = "Stapelns delar visar andelar av stapelns summa."

    public init() {}
}
