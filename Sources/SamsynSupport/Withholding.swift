import SamsynSupport
/// Why disclosure control withholds a value: in a data table's cell, a chart's value and
/// the note under a figure alike.
public enum Withholding: Sendable, Hashable, CaseIterable {
    /// The row's group is smaller than the limit (primary suppression): shown as `..`.
    case smallGroup
    /// Published, the value would let a reader work out a withheld one (secondary
    /// suppression): shown as `..*`.
    case protectsAnother

    /// What a table cell shows in place of the value.
    public var symbol: String { self == .smallGroup ? ".." : "..*" }
}
