import Foundation

extension Generator {
    /// For each language besides the site's, where the target has pages for guardians: a
    /// start page (`<lang>/`) and the toolbox for families (`<lang>/verktygslada/`), in that
    /// language. The language folders are reserved by the languages themselves.
    static let languageHomes = Generator(paths: [], what: "a language's start page", templates: ["language-home", "toolbox-map"]) { renderer in
        renderer.guardianLanguages.flatMap { language -> [RenderJob] in
            var jobs = [RenderJob { _ in [RenderContext.file(at: language + "/", html: renderer.renderLanguageHome(language))] }]
            if !renderer.familyInterventions.isEmpty {
                jobs.append(RenderJob { _ in
                    [RenderContext.file(at: TargetRenderer.toolboxPath(in: language), html: renderer.renderFamilyToolbox(in: language))]
                })
            }
            return jobs
        }
    }
}

/// Guardians who read another language than the site's reach what is written for them
/// from the first page: a start page per language with its pages and the toolbox for
/// families, linked from the front page and the guardians' section by each language's
/// name in its own script, and a frame on every page in that language that leads there.
extension TargetRenderer {
    /// The site's other languages, where this target has pages for guardians.
    var guardianLanguages: [String] {
        guard view.pages.contains(where: isTranslatable) else { return [] }
        return site.languages.filter { $0 != site.config.language }
    }

    /// The interventions the target holds for guardians.
    var familyInterventions: [Page] {
        view.pages.filter { $0.kind == .intervention && !$0.isTranslation && $0.audiences.contains(.guardians) }
    }

    static func languageHomePath(_ language: String) -> String { language + "/" }
    static func toolboxPath(in language: String) -> String { language + "/verktygslada/" }

    /// Each other language's start page, named in its own script, from `urlPath`: for the
    /// front page and the guardians' section.
    func languageHomeLinks(from urlPath: String) -> [[String: Any]] {
        guardianLanguages.map { languageLink($0, to: Self.languageHomePath($0), from: urlPath) }
    }

    /// A page of the site's language, linked from a page in `language`: its version in that
    /// language where there is one, else the Swedish page, said to be so. Every key is
    /// given, `false` where it does not apply: Mustache would otherwise take the enclosing
    /// page's value of a missing one (its summary, its frame's "(in Swedish)").
    func linkInLanguage(_ page: Page, _ language: String, from urlPath: String) -> [String: Any] {
        if let version = versions(of: page.id).first(where: { $0.language == language }), contains(version) {
            return ["title": version.title, "href": RenderContext.href(from: urlPath, to: version.urlPath),
                    "hreflang": false, "inSiteLanguage": false, "summary": false]
        }
        let t = rendering.localization.strings(for: language)
        return ["title": page.title, "href": RenderContext.href(from: urlPath, to: page.urlPath), "hreflang": site.config.language,
                "inSiteLanguage": t["in_site_language"], "summary": false]
    }

    func renderLanguageHome(_ language: String) -> String {
        let urlPath = Self.languageHomePath(language)
        let t = rendering.localization.strings(for: language)
        var context = baseContext(for: urlPath, title: t["language_home_title"], language: language)
        // The organisation's Swedish name isolated (FSI … PDI), so that it keeps its own
        // direction inside a right-to-left sentence.
        context["intro"] = t.format("language_home_intro", ["site": "\u{2068}" + (site.config.organisation ?? site.config.title) + "\u{2069}"])
        let guardianPages = view.pages.filter(isTranslatable).sorted { $0.title < $1.title }
        let inLanguage = guardianPages.compactMap { page in versions(of: page.id).first { $0.language == language && contains($0) } }
        let onlySwedish = guardianPages.filter { page in !versions(of: page.id).contains { $0.language == language && contains($0) } }
        context["pages"] = items(inLanguage.map { ["title": $0.title, "href": RenderContext.href(from: urlPath, to: $0.urlPath), "summary": $0.summary ?? false] })
        context["onlySwedish"] = items(onlySwedish.map { linkInLanguage($0, language, from: urlPath) })
        if !familyInterventions.isEmpty {
            context["toolboxHref"] = RenderContext.href(from: urlPath, to: Self.toolboxPath(in: language))
        }
        context["languages"] = items(languageSwitcherForHomes(current: language, from: urlPath))
        return rendering.templates.render(context, with: "language-home")
    }

    /// The start pages of every language, the site's own front page first.
    private func languageSwitcherForHomes(current: String, from urlPath: String) -> [[String: Any]] {
        ([site.config.language] + guardianLanguages).map { language in
            languageLink(language, to: language == site.config.language ? "" : Self.languageHomePath(language), from: urlPath,
                         current: language == current)
        }
    }

    /// The toolbox for families in `language`: the interventions meant for guardians, by
    /// level and recipient, under their titles in that language where they are translated.
    func renderFamilyToolbox(in language: String) -> String {
        let urlPath = Self.toolboxPath(in: language)
        let t = rendering.localization.strings(for: language)
        var context = baseContext(for: urlPath, title: t["toolbox_map_title_public"], language: language)
        context["summary"] = t["toolbox_map_intro_public"]
        context["breadcrumbs"] = items([["title": t["home"], "href": RenderContext.href(from: urlPath, to: Self.languageHomePath(language))]])
        context["levels"] = toolboxLevels(familyInterventions, t: t) { linkInLanguage($0, language, from: urlPath) }
        context["unplaced"] = items(familyInterventions.filter { $0.intervention?.level == nil }.map { linkInLanguage($0, language, from: urlPath) })
        return rendering.templates.render(context, with: "toolbox-map")
    }
}
