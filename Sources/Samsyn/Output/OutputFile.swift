import Foundation

/// A file of a built target: a path relative to the target's folder and its bytes.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var contents: Data
    /// The content file a page was made from, for diagnostics about what was built.
    public var source: String? = nil
}
