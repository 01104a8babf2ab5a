import Foundation

/// The parts of a template context every page shares: site, language, navigation, footer.
extension TargetRenderer {
    static let rightToLeft: Set<String> = ["ar", "fa", "prs", "ps", "ckb", "yi", "he", "ur"]

    static func direction(of language: String) -> String {
        rightToLeft.contains(String(language.prefix(while: { $0 != "-" }))) ? "rtl" : "ltr"
    }

    /// A page's context: the frame its folder depth, section and language share (see
    /// `FrameCache`), with the page's title.
    func baseContext(for urlPath: String, title: String, language: String, searchPage: Bool = false) -> [String: Any] {
        var folders = urlPath.split(separator: "/")[...]
        let depth = folders.count
        // A translation lives under its language's folder (`en/vardnadshavare/…`).
        if language != site.config.language, folders.first.map(String.init) == language { folders = folders.dropFirst() }
        let key = FrameCache.Key(depth: depth, section: folders.first.map(String.init), language: language, searchPage: searchPage)
        var context = rendering.frames.frame(for: key) { frameContext(for: key) }
        context["title"] = title
        context["isHome"] = urlPath.isEmpty
        return context
    }

    /// The values every page with this key shows alike, and the frame partials rendered with
    /// them alone, as `frame.header`, `frame.nav` and `frame.footer`.
    private func frameContext(for key: FrameCache.Key) -> [String: Any] {
        let t = rendering.localization.strings(for: key.language)
        // As `RenderContext.href(from:to:)` makes them: up to the root, then down.
        let up = String(repeating: "../", count: key.depth)
        let root = up.isEmpty ? "./" : up
        let siteLanguage = site.config.language
        var context: [String: Any] = [
            "site": ["title": site.config.title, "organisation": site.config.organisation ?? "", "lang": siteLanguage],
            "lang": key.language,
            "dir": Self.direction(of: key.language),
            "root": root,
            "homeHref": root,
            "t": t.context,
            "nav": view.sections.map { section -> [String: Any] in
                var item: [String: Any] = [
                    "title": sectionTitle(section.name, t), "href": up + section.name + "/",
                    "current": section.name == key.section,
                ]
                // The pages behind the menu are in the site's language, and say so.
                if key.language != siteLanguage {
                    item["hreflang"] = siteLanguage
                    item["inSiteLanguage"] = t["in_site_language"]
                }
                return item
            },
        ]
        // A page in another language leads to that language's start page and toolbox first.
        if key.language != siteLanguage, guardianLanguages.contains(key.language) {
            let home = up + Self.languageHomePath(key.language)
            context["homeHref"] = home
            // `inSiteLanguage: false` so that these do not take the frame's note (Mustache looks up).
            var own: [[String: Any]] = [["title": t["nav_start"], "href": home, "current": key.depth == 1, "inSiteLanguage": false]]
            if !familyInterventions.isEmpty {
                own.append(["title": t["toolbox_map_title_public"], "href": up + Self.toolboxPath(in: key.language),
                            "current": key.depth == 2 && key.section == "verktygslada", "inSiteLanguage": false])
            }
            context["nav"] = own + (context["nav"] as? [[String: Any]] ?? [])
            context["inSiteLanguage"] = t["in_site_language"]
        }
        // A target with staff pages is kept out of search engines and says whom it is for.
        if !target.isPublic { context["staffOnly"] = true }
        context["searchHref"] = up + Self.searchPath
        if accessibilityStatement != nil {
            context["accessibilityHref"] = up + Self.accessibilityPath
        }
        if key.searchPage { context["searchPage"] = true }
        // Without the partial's last line break, so that `{{{frame.nav}}}` on a line of its
        // own leaves the page as `{{>partials/nav}}` would.
        context["frame"] = Dictionary(uniqueKeysWithValues: TemplateSet.framePartials.map { name in
            var html = rendering.templates.render(context, with: "partials/\(name)")
            if html.hasSuffix("\n") { html.removeLast() }
            return (name, html)
        })
        return context
    }

    func sectionTitle(_ name: String, _ t: Strings) -> String {
        t.optional("section.\(name)") ?? name.prefix(1).uppercased() + name.dropFirst()
    }

    func breadcrumbs(for urlPath: String, section: String, language: String) -> [[String: Any]] {
        let t = rendering.localization.strings(for: language)
        // In another language: its start page, where that language's pages are listed.
        if language != site.config.language, guardianLanguages.contains(language) {
            return [["title": t["home"], "href": RenderContext.href(from: urlPath, to: Self.languageHomePath(language))]]
        }
        var crumbs: [[String: Any]] = [["title": t["home"], "href": RenderContext.href(from: urlPath, to: "")]]
        if !section.isEmpty, view.sections.contains(where: { $0.name == section }) {
            crumbs.append(["title": sectionTitle(section, t), "href": RenderContext.href(from: urlPath, to: section + "/")])
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
            // `false`, not a missing key, for a page without a summary: Mustache would
            // otherwise find the enclosing page's summary and show it under this one.
            ["title": other.title, "href": RenderContext.href(from: urlPath, to: other.urlPath), "summary": other.summary ?? false]
        }
    }

    func dateContext(_ date: LocalDate, _ t: Strings) -> [String: String] {
        ["iso": date.description, "text": t.longDate(date)]
    }

    /// A relative URL from one page's folder to another's, so the site works from any sub-path.
    func href(from fromPath: String, to toPath: String) -> String {
        // Folders are "a/b/": one per slash (counting bytes, not splitting the path).
        let depth = fromPath.utf8.count { $0 == UInt8(ascii: "/") } + (fromPath.isEmpty || fromPath.hasSuffix("/") ? 0 : 1)
        let relative = String(repeating: "../", count: depth) + toPath
        return relative.isEmpty ? "./" : relative
    }
}

/// The parts of a page that depend only on its folder depth, section and language: the
/// frame partials (`templates/partials/header`, `nav`, `footer`) and the values they show.
/// Worked out once per key, as Hugo's `partialCached` does, rather than for every page.
final class FrameCache: @unchecked Sendable {
    struct Key: Hashable {
        var depth: Int
        var section: String?
        var language: String
        var searchPage: Bool
    }

    private let lock = NSLock()
    private var frames: [Key: [String: Any]] = [:]

    /// Pages render on every core; the first to need a frame makes it while the others wait.
    func frame(for key: Key, make: () -> [String: Any]) -> [String: Any] {
        lock.withLock {
            if let frame = frames[key] { return frame }
            let frame = make()
            frames[key] = frame
            return frame
        }
    }
}
