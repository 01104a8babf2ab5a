import Foundation

/// Translations: `hreflang` links between the versions of a page, a language switcher on
/// guardian pages, and, for each site language a guardian page lacks, a page that says
/// so in that language and points to the versions there are.
extension TargetRenderer {
    /// A guardian page missing in one of the site's languages.
    struct MissingTranslation {
        var original: Page
        var language: String
        var urlPath: String
    }

    /// Guardian pages are the ones meant to exist in every language of the site; an
    /// easy-to-read version is a Swedish reader's, beside the page that is translated.
    func isTranslatable(_ page: Page) -> Bool {
        page.kind == .page && !page.isTranslation && page.audiences.contains(.guardians) && page.easyReadOf == nil
    }

    func versions(of id: String) -> [Page] {
        view.versionsByID[id] ?? []
    }

    var missingTranslations: [MissingTranslation] {
        view.pages.filter(isTranslatable).flatMap { original -> [MissingTranslation] in
            let present = Set(versions(of: original.id).map(\.language))
            return site.languages.filter { !present.contains($0) }.map { language in
                MissingTranslation(original: original, language: language, urlPath: Self.missingPath(of: original, in: language))
            }
        }
    }

    /// Where the page saying `original` is missing in `language` is written.
    static func missingPath(of original: Page, in language: String) -> String {
        language + "/" + original.urlPath
    }

    /// `<link rel="alternate" hreflang>` to the other real versions of a page.
    func alternateLinks(for page: Page) -> [[String: Any]] {
        versions(of: page.id).filter { $0.sourcePath != page.sourcePath }.map { version in
            ["lang": version.language, "href": RenderContext.href(from: page.urlPath, to: version.urlPath)]
        }
    }

    /// Every site language, each linking to its version of the page or to the page that
    /// says the version is missing.
    func languageSwitcher(for id: String, from urlPath: String, current: String) -> [[String: Any]] {
        guard let original = site.page(id: id), isTranslatable(original), site.languages.count > 1 else { return [] }
        let present = Dictionary(versions(of: id).map { ($0.language, $0) }, uniquingKeysWith: { first, _ in first })
        return site.languages.map { language in
            languageLink(language, to: present[language]?.urlPath ?? Self.missingPath(of: original, in: language), from: urlPath,
                         current: language == current)
        }
    }

    /// A language named in its own script (`العربية`) with its `lang` and direction, linking
    /// `path`: for a language switcher and the list of start pages.
    func languageLink(_ language: String, to path: String, from urlPath: String, current: Bool = false) -> [String: Any] {
        ["lang": language, "dir": Self.direction(of: language), "title": rendering.localization.name(of: language),
         "href": RenderContext.href(from: urlPath, to: path), "current": current]
    }

    func renderMissingTranslation(_ missing: MissingTranslation) -> String {
        let t = rendering.localization.strings(for: missing.language)
        var context = baseContext(for: missing.urlPath, title: t.format("translation_missing_title", ["language": rendering.localization.name(of: missing.language)]),
                                  language: missing.language)
        context["breadcrumbs"] = items(breadcrumbs(for: missing.urlPath, section: missing.original.section, language: missing.language))
        context["versions"] = items(versions(of: missing.original.id).map { version in
            [
                "lang": version.language, "dir": Self.direction(of: version.language),
                "language": rendering.localization.name(of: version.language), "title": version.title,
                "href": RenderContext.href(from: missing.urlPath, to: version.urlPath),
            ]
        })
        context["languages"] = items(languageSwitcher(for: missing.original.id, from: missing.urlPath, current: missing.language))
        context["noindex"] = true
        return rendering.templates.render(context, with: "translation-missing")
    }
}

extension Generator {
    /// The pages saying a guardian page is not yet in a language (under `<lang>/`, whose
    /// folders the languages reserve).
    static let missingTranslations = Generator(paths: [], what: "a page saying a translation is missing", templates: ["translation-missing"]) { renderer in
        renderer.missingTranslations.map { missing in
            RenderJob { _ in [RenderContext.file(at: missing.urlPath, html: renderer.renderMissingTranslation(missing))] }
        }
    }
}
