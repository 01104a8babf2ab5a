import SamsynSupport
import Foundation
import SamsynData

/// The checks of the site model, a step of their own: what they find goes to the log.
enum SiteChecks {
    /// Every check of the whole site: references, links, reserved paths, reviews and
    /// readability. Returns the LIX of every page in the site's language.
    /// - Parameter reservedFolders: what the generators write at the top of a target
    ///   (`Generator.reservedFolders`), which no page may take.
    static func run(on site: Site, today: LocalDate, reservedFolders: [String: String], log: inout DiagnosticLog) -> [PageReadability] {
        references(in: site, log: &log)
        for page in site.pages { links(of: page, in: site, log: &log) }
        reservedPaths(in: site, reservedFolders: reservedFolders, log: &log)
        reviews(in: site, today: today, log: &log)
        actions(in: site, today: today, log: &log)
        for page in site.pages { followUpBlocks(of: page, log: &log) }
        for page in site.pages { proposedDecision(of: page, log: &log) }
        for page in site.pages { stepLabels(of: page, in: site, log: &log) }
        easyReadVersions(in: site, log: &log)
        inlineValueAudiences(of: site.pages, in: site, log: &log)
        return readability(in: site, log: &log)
    }

    /// The errors in a page's links (for an edited page; `run` does every page).
    static func links(of page: Page, in site: Site, log: inout DiagnosticLog) {
        for (link, target) in zip(page.outline.links, site.linkTargets(of: page)) {
            if case .failure(let error) = target { log.error(error.message, at: page.location(of: link.position)) }
        }
        for image in page.outline.images {
            if let message = LinkSyntax.imageError(image.destination) { log.error(message, at: page.location(of: image.position)) }
        }
    }

    /// An easy-to-read version names an ordinary page of the site, in its language, and a
    /// page has at most one.
    static func easyReadVersions(in site: Site, log: inout DiagnosticLog) {
        var versionOf: [String: Page] = [:]
        for page in site.pages {
            guard let reference = page.easyReadOf else { continue }
            guard let original = site.page(id: reference.id) else {
                let candidates = site.pages.filter { $0.kind == .page && $0.easyReadOf == nil }.map(\.id)
                log.error(Suggestion.message("'easy_read_of' names no page '\(reference.id)'", for: reference.id, in: candidates), at: reference.location)
                continue
            }
            if original.sourcePath == page.sourcePath || original.easyReadOf != nil {
                log.error("'\(reference.id)' is itself an easy-to-read version; name the page it is the version of", at: reference.location)
            } else if original.kind != .page || page.kind != .page {
                log.error("easy-to-read versions are for ordinary pages, such as those for guardians and pupils, not for a \(original.kind.rawValue)",
                          at: reference.location)
            } else if page.isTranslation {
                log.error("a translation takes 'easy_read_of' from the page it translates; leave it out here", at: reference.location)
            } else if let other = versionOf[original.id] {
                log.error("'\(original.id)' already has an easy-to-read version: \(other.sourcePath)", at: reference.location)
            } else {
                versionOf[original.id] = page
            }
        }
    }

    /// A step label names a step the routine has.
    static func stepLabels(of page: Page, in site: Site, log: inout DiagnosticLog) {
        guard let routine = page.routine, !routine.stepLabels.isEmpty else { return }
        let count = site.steps[page.sourcePath]?.count ?? 0
        for (number, label) in routine.stepLabels.sorted(by: { $0.key < $1.key }) where number > count {
            log.error(count == 0 ? "a label for step \(number), but the routine has no numbered list of steps"
                                 : "a label for step \(number), but the routine has \(count) steps", at: label.location)
        }
    }

    /// A report's proposed decision goes where the nämnd sees it first: the `decision` field
    /// (shown above the body and on the document's first pages), or a body section of that
    /// name as the first section. Both at once would show it twice.
    static func proposedDecision(of page: Page, log: inout DiagnosticLog) {
        guard case .report(let report) = page.details else { return }
        let sections = page.outline.headings.filter { $0.level == 2 }
        guard let heading = sections.first(where: { $0.text.lowercased() == ReportInfo.decisionHeading.lowercased() }) else { return }
        if !report.decision.isEmpty {
            log.warning("the report has both 'decision' and a section '\(heading.text)': the proposed decision would be shown twice; keep one",
                        at: page.location(of: heading.position))
        } else if heading != sections.first {
            log.warning("'\(heading.text)' should be the report's first section, where the nämnd looks for it (or use 'decision' in the front matter)",
                        at: page.location(of: heading.position))
        }
    }

    /// Checks that every id in front matter names a role page.
    static func references(in site: Site, log: inout DiagnosticLog) {
        let roleIDs = Set(site.roles.map(\.id))
        func check(_ reference: Reference) {
            guard !roleIDs.contains(reference.id) else { return }
            let message = site.page(id: reference.id).map { "'\(reference.id)' is a \($0.kind.rawValue), not a role" }
                ?? "unknown role '\(reference.id)'"
            log.error(Suggestion.message(message, for: reference.id, in: roleIDs), at: reference.location)
        }
        for page in site.pages where !page.isTranslation {
            switch page.details {
            case .routine(let routine): ([routine.owner] + routine.roles).forEach(check)
            case .intervention(let intervention): intervention.deliveredBy.forEach(check)
            case .indicator(let indicator): indicator.owner.map(check)
            case .action(let action): check(action.owner)
            default: break
            }
        }
    }

    /// A content folder or a top-level page may not take a URL that a generator, a
    /// language's pages or a section's index is written to: one would silently replace
    /// the other.
    /// - Parameter reservedFolders: the top-level folders the generators write to, and what
    ///   each holds (`Generator.reservedFolders`).
    static func reservedPaths(in site: Site, reservedFolders: [String: String], log: inout DiagnosticLog) {
        var reserved = reservedFolders
        for language in site.languages where reserved[language] == nil {
            reserved[language] = "the pages in the language '\(language)'"
        }
        for page in site.pages {
            guard let taken = reserved[page.section] else { continue }
            log.error("the folder 'content/\(page.section)/' would take the URL '\(page.section)/' of \(taken); rename the folder",
                      at: SourceLocation(path: page.sourcePath, line: 1, column: 1))
        }
        let sections = Set(site.pages.map(\.section).filter { !$0.isEmpty })
        for page in site.pages where page.section.isEmpty && !page.isTranslation {
            let taken = reserved[page.id] ?? (sections.contains(page.id) ? "the index of the section 'content/\(page.id)/'" : nil)
            guard let taken else { continue }
            log.error("the page would take the URL '\(page.id)/' of \(taken); rename the file", at: SourceLocation(path: page.sourcePath, line: 1, column: 1))
        }
    }

    /// An inline value (`` `=ID` ``) is written into its page in every target that holds
    /// the page: one naming an indicator a target leaves out (a staff-only indicator on a
    /// public page) would publish what that indicator's audience keeps in. An error there.
    static func inlineValueAudiences(of pages: [Page], in site: Site, log: inout DiagnosticLog) {
        let indicators = Dictionary(site.pages.filter { $0.kind == .indicator && !$0.isTranslation }.map { ($0.id, $0) },
                                    uniquingKeysWith: { first, _ in first })
        for page in pages where !page.outline.inlineValues.isEmpty {
            for value in page.outline.inlineValues {
                guard let id = value.text.split(separator: " ").first.map(String.init), let indicator = indicators[id] else { continue }
                for target in site.config.targets where target.includes(page.audiences) && !target.includes(indicator.audiences) {
                    log.error("the value of '\(id)' would be published in the target '\(target.name)', which does not include that indicator; "
                              + "give the indicator this page's audience, or leave the value out", at: page.location(of: value.position))
                }
            }
        }
    }

    /// What is wrong with a page's follow-up blocks (`FollowUpBlock`).
    static func followUpBlocks(of page: Page, log: inout DiagnosticLog) {
        for block in page.outline.fencedBlocks where block.info == Page.followUpInfoString {
            _ = FollowUpBlock.year(of: block, in: page, log: &log)
        }
    }

    /// An open action past its deadline is a warning (an error with --strict), and the
    /// indicators an action names must be indicator pages.
    static func actions(in site: Site, today: LocalDate, log: inout DiagnosticLog) {
        let indicatorIDs = Set(site.pages.filter { $0.kind == .indicator && !$0.isTranslation }.map(\.id))
        for page in site.pages where !page.isTranslation {
            guard let action = page.action else { continue }
            if action.status.isOpen, action.deadline < today {
                log.warning("the action is '\(action.status.rawValue)' but its deadline was \(action.deadline); "
                            + "update 'status' (and 'history') or, if the nämnd has decided so, 'deadline'", at: action.deadlineLocation)
            }
            for reference in action.indicators where !indicatorIDs.contains(reference.id) {
                log.error(Suggestion.message("unknown indicator '\(reference.id)'", for: reference.id, in: indicatorIDs), at: reference.location)
            }
        }
    }

    /// A routine past its review date is a warning (an error with --strict): the date
    /// comes from the front matter; only the comparison uses today's date.
    static func reviews(in site: Site, today: LocalDate, log: inout DiagnosticLog) {
        for page in site.pages where !page.isTranslation {
            guard let routine = page.routine, routine.due < today else { continue }
            log.warning("the routine was due for review on \(routine.due) (reviewed \(routine.reviewed), every \(routine.reviewEveryMonths) months); "
                + "review it with its owner '\(routine.owner.id)' and update 'reviewed'", at: routine.reviewedLocation)
        }
    }

    /// LIX of every page in the site's language; a guardian page above `max_lix` is a warning.
    static func readability(in site: Site, log: inout DiagnosticLog) -> [PageReadability] {
        let measured = site.pages.filter { $0.language == site.config.language }
        let readabilities = Parallel.map(measured.count) { Readability.of(text: measured[$0].readableText) }
        return zip(measured, readabilities).map { page, readability in
            check(readability, of: page, in: site, log: &log)
        }
    }

    /// The LIX a page may reach, by whom it is written for: an easy-to-read version
    /// (`max_lix_easy_read`, 25), a page pupils read (`max_lix_pupils`, 30), one guardians
    /// read (`max_lix`, 40); nil for a page with no limit.
    static func lixLimit(of page: Page, in config: SiteConfig) -> (limit: Double, key: String, readers: String)? {
        if page.easyReadOf != nil { return (config.maxLIXEasyRead, "max_lix_easy_read", "an easy-to-read page") }
        if page.audiences.contains(.pupils) { return (config.maxLIXPupils, "max_lix_pupils", "a page pupils read") }
        if page.audiences.contains(.guardians) { return (config.maxLIX, "max_lix", "a page guardians read") }
        return nil
    }

    /// A page above the LIX limit of its readers is a warning.
    @discardableResult
    static func check(_ readability: Readability, of page: Page, in site: Site, log: inout DiagnosticLog) -> PageReadability {
        let limit = lixLimit(of: page, in: site.config)
        if let limit, readability.lix > limit.limit {
            let sentences = readability.longestSentences.map { "«\($0)»" }.joined(separator: " ")
            log.warning("LIX \(Int(readability.lix.rounded())) is above readability.\(limit.key) \(Int(limit.limit)) for \(limit.readers); "
                + "shorten its longest sentences: \(sentences)", at: SourceLocation(path: page.sourcePath, line: 1, column: 1))
        }
        return PageReadability(path: page.sourcePath, lix: readability.lix, limit: limit?.limit)
    }
}
