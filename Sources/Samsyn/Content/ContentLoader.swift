import SamsynSupport
import Foundation
import SamsynData
import SamsynCharts
import SamsynMarkdown

/// Reads every page under content/ into `Page` values, logging what is wrong with each
/// and going on with the others.
struct ContentLoader {
    let sourceDirectory: URL
    let config: SiteConfig

    /// Sections written for readers outside the staff: a page there without `audience` is
    /// probably meant for them.
    static let sectionAudiences: [String: Audience] = ["vardnadshavare": .guardians, "elever": .pupils, "rapport": .politicians, "indikatorer": .politicians, "atgarder": .politicians]

    /// Pages are read and parsed on every core. Their chart and table blocks are left for
    /// `DataBlocks.draw`, a step of its own.
    /// - Parameter files: `SourceTree.pageFiles`, walked once for this, the languages and the checks.
    func load(files: [String], log: inout DiagnosticLog) -> [Page] {
        let originalFiles = files.filter { ContentFileName.translationLanguage(of: $0) == nil }
        let translationFiles = files.filter { ContentFileName.translationLanguage(of: $0) != nil }

        let originals = Parallel.map(originalFiles.count) { index -> (Page?, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            let page = readPage(file: originalFiles[index], original: nil, log: &fileLog)
            return (page, fileLog)
        }
        originals.forEach { log.append(contentsOf: $0.1) }
        let originalsByPath = Dictionary(originals.compactMap(\.0).map { ($0.contentPath, $0) }, uniquingKeysWith: { first, _ in first })
        let fileSet = Set(files)

        let translations = Parallel.map(translationFiles.count) { index -> (Page?, DiagnosticLog) in
            var fileLog = DiagnosticLog()
            let file = translationFiles[index]
            let language = ContentFileName.translationLanguage(of: file)!
            let originalPath = String(file.dropLast(".\(language).md".count)) + ".md"
            guard let original = originalsByPath[originalPath] else {
                // An original with errors of its own has been reported already.
                if !fileSet.contains(originalPath) {
                    fileLog.error("'\(file)' is a translation into '\(language)', but there is no '\(originalPath)' to translate",
                                  at: SourceLocation(path: "content/" + file, line: 1, column: 1))
                }
                return (nil, fileLog)
            }
            return (readPage(file: file, original: original, log: &fileLog), fileLog)
        }
        translations.forEach { log.append(contentsOf: $0.1) }

        return (originals.compactMap(\.0) + translations.compactMap(\.0)).sorted { $0.sourcePath < $1.sourcePath }
    }

    /// One page read again after an edit (`samsyn serve`); a translation takes its kind and
    /// details from its original, which `page(contentPath:)` finds. Its blocks are drawn by
    /// the caller.
    func reload(file: String, originals page: (_ contentPath: String) -> Page?, log: inout DiagnosticLog) -> Page? {
        var original: Page?
        if let language = ContentFileName.translationLanguage(of: file) {
            original = page(String(file.dropLast(".\(language).md".count)) + ".md")
            guard original != nil else { return nil }
        }
        return readPage(file: file, original: original, log: &log)
    }

    private func readPage(file: String, original: Page?, log: inout DiagnosticLog) -> Page? {
        let path = "content/" + file
        guard let text = SourceFile.readText(atPath: sourceDirectory.path + "/" + path, path: path, log: &log) else {
            return nil
        }
        PersonalDataCheck.scan(text, path: path, log: &log)
        PlaceholderCheck.scan(text, path: path, log: &log)
        return loadPage(file: file, text: text, original: original, log: &log)
    }

    private func loadPage(file: String, text: String, original: Page?, log: inout DiagnosticLog) -> Page? {
        let path = "content/" + file
        let fileStart = SourceLocation(path: path, line: 1, column: 1)
        let name = String((file as NSString).lastPathComponent.dropLast(3))
        let id = original?.id ?? name
        guard ContentFileName.isValidID(id) else {
            let suggestion = HeadingSlugger.slug(id)
            log.error("the file name '\(name).md' cannot be a page id: use a-z, 0-9 and '-'"
                + (suggestion.isEmpty ? "" : " (for example '\(suggestion).md')"), at: fileStart)
            return nil
        }
        guard let source = PageSource.split(text, path: path, log: &log),
              let yaml = YAMLSource(source.yaml, path: path, firstLine: source.yamlFirstLine, resolver: YAMLSource.textResolver, log: &log)
        else { return nil }
        if yaml.root != nil, yaml.root?.mapping == nil {
            log.error("front matter must be keys and values, such as 'title: Rutin för frånvaro'", at: yaml.start)
            return nil
        }
        let components = file.split(separator: "/").map(String.init)
        let section = components.count > 1 ? components[0] : ""
        let kind = original?.kind ?? PageKind.forSection(section)

        let errorsBefore = log.errorCount
        let common = yaml.read(CommonFrontMatter.init, log: &log)
        // A translation takes its kind's details from the page it translates.
        let details = original.map(\.details) ?? PageDetailsReader.details(kind: kind, yaml: yaml, log: &log)
        PageDetailsReader.warnAboutUnknownKeys(yaml: yaml, kind: original == nil ? kind : nil, log: &log)
        var audiences = original?.audiences ?? [.staff]
        if original == nil, common != nil, common?.audience == nil, let intended = Self.sectionAudiences[section] {
            // The default keeps staff material off the public web; here it is likely a slip.
            log.warning("this page in 'content/\(section)/' has no 'audience', so it is for staff only and left out of every public "
                        + "target; to publish it, add 'audience: [\(intended.rawValue)]' (or 'audience: [staff]' to keep it on the intranet)",
                        at: fileStart)
        }
        if let names = common?.audience?.values {
            audiences = Audience.parse(names, at: { index in
                yaml.location(of: [PlainKey("audience"), IndexKey(index)])
            }, log: &log)
        }
        guard let common, let details, log.errorCount == errorsBefore else { return nil }

        // One parse: the outline, the prose and the HTML. Headings must avoid the ids of the
        // page's figures and steps, known only from the outline.
        let (outline, readableText, html) = Markdown.prepare(source.body, reservedIDs: Page.templateIDs, layout: { outline in
            (Page.reservedIDs(for: outline, kind: kind),
             Page.stepListIndex(in: outline, kind: kind).map { StepAnchors(listIndex: $0, prefix: Page.stepPrefix) })
        }, isOwnBlock: { Page.blockInfoStrings.contains($0.info) })
        let translationLanguage = original == nil ? nil : ContentFileName.translationLanguage(of: file)
        let language = translationLanguage ?? config.language
        let urlPath = ContentFileName.urlPath(file: file, id: id, translationLanguage: translationLanguage)
        return Page(
            id: id, language: language, isTranslation: original != nil, section: section, kind: kind,
            sourcePath: path, title: common.title, summary: common.summary, audiences: audiences, details: details,
            frontMatter: source.yaml, html: html, bodyFirstLine: source.bodyFirstLine, outline: outline, readableText: readableText,
            excerpt: common.summary ?? Excerpt.firstWords(of: readableText, count: 30), blockHTML: [:], urlPath: urlPath,
            easyReadOf: common.easy_read_of.map { Reference(id: $0, location: yaml.location(ofKey: "easy_read_of")) }
        )
    }
}
