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

    /// `^[a-z0-9][a-z0-9-]*$`, checked byte by byte rather than with a regular expression
    /// per file. Also what a target's name must be: it becomes a folder name.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, first != UInt8(ascii: "-") else { return false }
        return id.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
    }
    /// Sections written for readers outside the staff: a page there without `audience` is
    /// probably meant for them.
    static let sectionAudiences: [String: Audience] = ["vardnadshavare": .guardians, "rapport": .politicians]

    /// Folders under content/ that hold other things than pages.
    static let nonPageFolders: Set<String> = ["data"]

    /// Pages are read and parsed on every core. Their chart and table blocks are left for
    /// `DataBlocks.draw`, a step of its own, which needs the interface text.
    /// - Parameter files: `SourceTree.pageFiles`, walked once for this, the languages and the checks.
    func load(files: [String], log: inout DiagnosticLog) -> [Page] {
        let originalFiles = files.filter { Self.translationLanguage(of: $0) == nil }
        let translationFiles = files.filter { Self.translationLanguage(of: $0) != nil }

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
            let language = Self.translationLanguage(of: file)!
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
    /// details from the original in `site`. Its blocks are drawn by the caller.
    func reload(file: String, in site: Site, log: inout DiagnosticLog) -> Page? {
        var original: Page?
        if let language = Self.translationLanguage(of: file) {
            original = site.page(contentPath: String(file.dropLast(".\(language).md".count)) + ".md")
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
        return loadPage(file: file, text: text, original: original, log: &log)
    }

    /// The languages translations are written in, from the file names alone.
    static func translationLanguages(of files: [String]) -> Set<String> {
        Set(files.compactMap(translationLanguage))
    }

    static func translationLanguage(of file: String) -> String? {
        let name = (file.split(separator: "/").last ?? "").dropLast(3) // ".md"
        let parts = name.split(separator: ".")
        guard parts.count == 2, isLanguageCode(parts[1].utf8) else { return nil }
        return String(parts[1])
    }

    /// A language code such as `en`, `ar`, `so`, `fi`, `fa-AF` in `slug.<lang>.md`:
    /// `^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$`, checked byte by byte rather than with a regular
    /// expression per file. Also what site.yml's language codes must be: they become folders.
    static func isLanguageCode(_ code: Substring.UTF8View) -> Bool {
        let dash = code.firstIndex(of: UInt8(ascii: "-")) ?? code.endIndex
        let language = code[..<dash]
        guard (2...3).contains(language.count), language.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return false }
        guard dash < code.endIndex else { return true }
        let region = code[code.index(after: dash)...]
        return (2...8).contains(region.count) && region.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
    }

    private func loadPage(file: String, text: String, original: Page?, log: inout DiagnosticLog) -> Page? {
        let path = "content/" + file
        let fileStart = SourceLocation(path: path, line: 1, column: 1)
        let name = String((file as NSString).lastPathComponent.dropLast(3))
        let id = original?.id ?? name
        guard Self.isValidID(id) else {
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
        let details = original.map(\.details) ?? decodeDetails(kind: kind, yaml: yaml, log: &log)
        warnAboutUnknownKeys(yaml: yaml, kind: original == nil ? kind : nil, log: &log)
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
        }, isOwnBlock: { DataBlocks.infoStrings.contains($0.info) })
        let language = original == nil ? config.language : Self.translationLanguage(of: file)!
        let folder = components.dropLast().joined(separator: "/")
        let urlPath = (original == nil ? "" : language + "/") + (folder.isEmpty ? "" : folder + "/") + id + "/"
        return Page(
            id: id, language: language, isTranslation: original != nil, section: section, kind: kind,
            sourcePath: path, title: common.title, summary: common.summary, audiences: audiences, details: details,
            frontMatter: source.yaml, html: html, bodyFirstLine: source.bodyFirstLine, outline: outline, readableText: readableText,
            excerpt: common.summary ?? Self.firstWords(of: readableText, count: 30), blockHTML: [:], urlPath: urlPath
        )
    }

    private func decodeDetails(kind: PageKind, yaml: YAMLSource, log: inout DiagnosticLog) -> PageDetails? {
        func reference(_ id: String, _ keyPath: [any CodingKey]) -> Reference {
            Reference(id: id, location: yaml.location(of: keyPath))
        }
        func references(_ values: [String]?, key: String) -> [Reference] {
            (values ?? []).enumerated().map { index, id in reference(id, [PlainKey(key), IndexKey(index)]) }
        }
        switch kind {
        case .routine:
            guard let raw = yaml.read(RoutineFrontMatter.init, log: &log) else { return nil }
            var every = raw.review_every ?? 12
            if !(1...1200).contains(every) {
                log.error("'review_every' is a number of months, from 1 to 1200", at: yaml.location(ofKey: "review_every"))
                every = 12
            }
            return .routine(RoutineInfo(
                owner: reference(raw.owner, [PlainKey("owner")]),
                roles: references(raw.roles?.values, key: "roles"),
                reviewed: raw.reviewed,
                reviewedLocation: yaml.location(ofKey: "reviewed"),
                reviewEveryMonths: every
            ))
        case .role:
            guard let raw = yaml.read(RoleFrontMatter.init, log: &log) else { return nil }
            return .role(RoleInfo(organisation: raw.organisation))
        case .intervention:
            guard let raw = yaml.read(InterventionFrontMatter.init, log: &log) else { return nil }
            var level: InterventionLevel?
            if let name = raw.level {
                level = InterventionLevel(rawValue: name)
                if level == nil {
                    let names = InterventionLevel.allCases.map(\.rawValue)
                    log.error(Suggestion.message("unknown level '\(name)'; use \(names.joined(separator: ", "))", for: name, in: names),
                              at: yaml.location(ofKey: "level"))
                }
            }
            let recipients = raw.recipients?.values ?? []
            let allowed = InterventionInfo.recipientNames
            for (index, name) in recipients.enumerated() where !allowed.contains(name) {
                log.error(Suggestion.message("unknown recipient '\(name)' in 'for'; use \(allowed.joined(separator: ", "))", for: name, in: allowed),
                          at: yaml.location(of: [PlainKey("for"), IndexKey(index)]))
            }
            return .intervention(InterventionInfo(
                level: level, recipients: recipients, absence: raw.absence?.values ?? [],
                deliveredBy: references(raw.delivered_by?.values, key: "delivered_by")
            ))
        case .report:
            guard let raw = yaml.read(ReportFrontMatter.init, log: &log) else { return nil }
            return .report(ReportInfo(year: raw.year))
        case .page:
            return .page
        }
    }

    /// A misspelt key would otherwise be silently ignored.
    private func warnAboutUnknownKeys(yaml: YAMLSource, kind: PageKind?, log: inout DiagnosticLog) {
        var known = CommonFrontMatter.keys
        switch kind {
        case .routine: known.formUnion(RoutineFrontMatter.keys)
        case .role: known.formUnion(RoleFrontMatter.keys)
        case .intervention: known.formUnion(InterventionFrontMatter.keys)
        case .report: known.formUnion(ReportFrontMatter.keys)
        case .page, nil: break
        }
        for (name, location) in yaml.topLevelKeys where !known.contains(name) {
            log.warning(Suggestion.message("unknown front matter key '\(name)' is ignored", for: name, in: known), at: location)
        }
    }

    /// The first words of a text joined by single spaces, in one pass that stops after
    /// them. Only characters beyond ASCII are looked up in Unicode's tables, which are slow
    /// to ask about every character.
    static func firstWords(of text: String, count: Int) -> String {
        var result = String.UnicodeScalarView()
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if isSpace {
                if inWord {
                    words += 1
                    inWord = false
                    if words == count { break }
                }
            } else {
                if !inWord, words > 0 { result.append(" ") }
                inWord = true
                result.append(scalar)
            }
        }
        return String(result)
    }
}
