import Foundation

/// One kind of output a target gets besides its pages: the paths it writes and the jobs
/// that write them. A new generated page is one file (its rendering and its `Generator`)
/// plus one line in `Generator.all`; no page may take a path a generator declares.
struct Generator: Sendable {
    /// Where it writes, relative to a target's folder (a folder ends in `/`).
    var paths: [String]
    /// What readers find there, for the message about a page that would take its place.
    var what: String
    /// The templates it renders with (`templates/<name>.mustache`), which every site must have.
    var templates: [String] = []
    /// The jobs that write it for one target: none where the target has no such output.
    var jobs: @Sendable (TargetRenderer) -> [RenderJob]

    /// Every generated output, in the order their jobs are queued. The search index is
    /// apart (`searchIndex`): the slowest job, it goes first and one target at a time.
    static let all: [Generator] = [
        .missingTranslations, .sectionIndexes, .frontPage, .reviewOverview, .whoDoesWhat, .accessibilityStatement,
        .searchPage, .robots, .sitemap, .reportDocuments, .languageHomes,
    ]

    /// The theme's styles and scripts, copied from `templates/assets/`.
    static let assets = Generator(paths: ["assets/"], what: "the theme's styles and scripts", jobs: { _ in [] })

    /// The top-level folders generators write to, and what each holds. (Sections and the
    /// language folders are generated too, but from the pages: `SiteChecks.reservedPaths` adds them.)
    static var reservedFolders: [String: String] {
        var folders: [String: String] = [:]
        for generator in all + [searchIndex, assets] {
            for path in generator.paths where path.hasSuffix("/") && path.dropLast().contains("/") == false && path != "/" {
                folders[String(path.dropLast())] = generator.what
            }
        }
        return folders
    }
}

extension Generator {
    /// The theme's styles and scripts (`templates/assets/`, hidden files left out), copied
    /// into every target as they are.
    static func themeAssets(in tree: SourceTree, log: inout DiagnosticLog) -> [OutputFile] {
        tree.files(under: "templates/assets").compactMap { path, source in
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  let data = SourceFile.readData(atPath: source.absolutePath, path: source.path, log: &log)
            else { return nil }
            return OutputFile(path: "assets/" + path, contents: data)
        }
    }
}
