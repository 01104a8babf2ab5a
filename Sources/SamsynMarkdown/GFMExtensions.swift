import CMarkGFM

/// The GitHub Flavored Markdown extensions Samsyn turns on, by the names cmark-gfm registers them under.
public enum GFMExtension: String, CaseIterable, Sendable {
    case table, strikethrough, autolink, tagfilter, tasklist
}

enum ExtensionRegistry {
    /// `cmark_gfm_core_extensions_ensure_registered` is not thread-safe; a `static let`
    /// is initialised exactly once, under a lock, by the Swift runtime.
    static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
}
