import Foundation

/// The parts of a template context every page shares: site, language, navigation, footer.
extension TargetRenderer {
    static let rightToLeft: Set<String> = ["ar", "fa", "prs", "ps", "ckb", "yi", "he", "ur"]

    static func direction(of language: String) -> String {
        rightToLeft.contains(String(language.prefix(while: { $0 != "-" }))) ? "rtl" : "ltr"
    }

    func baseContext(for urlPath: String, title: String, language: String) -> [String: Any] {
        let t = localization.strings(for: language)
        let root = href(from: urlPath, to: "")
        let currentSection = urlPath.split(separator: "/").first.map(String.init)
        let siteLanguage = site.config.language
        var context: [String: Any] = [
            "site": ["title": site.config.title, "organisation": site.config.organisation ?? "", "lang": siteLanguage],
            "title": title,
            "lang": language,
            "dir": Self.direction(of: language),
            "root": root,
            "homeHref": root,
            "isHome": urlPath.isEmpty,
            "t": t.context,
            "nav": sections.map { section -> [String: Any] in
                var item: [String: Any] = [
                    "title": sectionTitle(section.name, t), "href": href(from: urlPath, to: section.name + "/"),
                    "current": section.name == currentSection,
                ]
                // The pages behind the menu are in the site's language.
                if language != siteLanguage { item["hreflang"] = siteLanguage }
                return item
            },
        ]
        context["searchHref"] = href(from: urlPath, to: Self.searchPath)
        if accessibilityStatement != nil {
            context["accessibilityHref"] = href(from: urlPath, to: Self.accessibilityPath)
        }
        return context
    }

    func sectionTitle(_ name: String, _ t: Strings) -> String {
        t.optional("section.\(name)") ?? name.prefix(1).uppercased() + name.dropFirst()
    }

    func breadcrumbs(for urlPath: String, section: String, language: String) -> [[String: Any]] {
        let t = localization.strings(for: language)
        var crumbs: [[String: Any]] = [["title": t["home"], "href": href(from: urlPath, to: "")]]
        if !section.isEmpty, sections.contains(where: { $0.name == section }) {
            crumbs.append(["title": sectionTitle(section, t), "href": href(from: urlPath, to: section + "/")])
        }
        return crumbs
    }

    /// A list for a template section that shows only when the list has items:
    /// `{{#roles}}<h2>…</h2>{{#items}}…{{/items}}{{/roles}}`.
    func items(_ list: [[String: Any]]) -> [String: Any]? {
        list.isEmpty ? nil : ["items": list]
    }

    func list(_ linked: [Page], from urlPath: String) -> [[String: Any]] {
        linked.map { other in
            var entry: [String: Any] = ["title": other.title, "href": href(from: urlPath, to: other.urlPath)]
            entry["summary"] = other.summary
            return entry
        }
    }

    func dateContext(_ date: LocalDate, _ t: Strings) -> [String: String] {
        ["iso": date.description, "text": t.longDate(date)]
    }

    /// A relative URL from one page's folder to another's, so the site works from any sub-path.
    func href(from fromPath: String, to toPath: String) -> String {
        let depth = fromPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + toPath
        return relative.isEmpty ? "./" : relative
    }
}
