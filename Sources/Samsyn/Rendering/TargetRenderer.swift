import Foundation
import SamsynMarkdown

/// A file of a built target: a path relative to the target's folder and its bytes.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var contents: Data
}

/// Renders one target: only the pages whose audience meets the target's, and navigation,
/// cross-references, indexes and sitemap built from those pages alone.
struct TargetRenderer {
    let site: Site
    let target: Target
    let templates: TemplateSet
    let strings: Strings

    /// The pages this target holds, in source order.
    let pages: [Page]
    private let included: Set<String>

    init(site: Site, target: Target, templates: TemplateSet, strings: Strings) {
        self.site = site
        self.target = target
        self.templates = templates
        self.strings = strings
        pages = site.pages.filter { target.includes($0.audiences) }
        included = Set(pages.map(\.sourcePath))
    }

    func contains(_ page: Page) -> Bool { included.contains(page.sourcePath) }

    func render(log: inout DiagnosticLog) -> [OutputFile] {
        var files: [OutputFile] = []
        for page in pages {
            files.append(file(at: page.urlPath, html: renderPage(page, log: &log)))
        }
        for section in sections {
            files.append(file(at: section.name + "/", html: renderSection(section)))
        }
        files.append(file(at: "", html: renderHome()))
        files.append(OutputFile(path: "sitemap.xml", contents: Data(sitemap().utf8)))
        return files
    }

    // MARK: Pages

    private func renderPage(_ page: Page, log: inout DiagnosticLog) -> String {
        let rendered = Markdown.render(page.body, resolveLink: { link in
            resolveLink(link, in: page, log: &log)
        }, renderBlock: { block in
            page.blockHTML[block.position.line]
        })
        var context = baseContext(for: page.urlPath, title: page.title, language: page.language)
        context["summary"] = page.summary
        context["body"] = rendered.html
        context["kind"] = page.kind.rawValue
        context["breadcrumbs"] = items(breadcrumbs(for: page))
        let translations = translationLinks(for: page)
        context["translations"] = translations
        context["languages"] = items(translations)
        switch page.details {
        case .routine(let routine):
            context["owner"] = roleLink(routine.owner.id, from: page)
            context["roles"] = items(routine.roles.map { roleLink($0.id, from: page) })
            context["reviewed"] = dateContext(routine.reviewed)
            context["due"] = dateContext(routine.due)
            context["reviewEveryMonths"] = routine.reviewEveryMonths
        case .role(let role):
            let relations = RoleRelations(role: page.id, among: pages)
            context["organisation"] = role.organisation
            context["owns"] = items(list(relations.owns, from: page.urlPath))
            context["takesPartIn"] = items(list(relations.takesPartIn, from: page.urlPath))
            context["delivers"] = items(list(relations.delivers, from: page.urlPath))
            context["hasRelations"] = !(relations.owns + relations.takesPartIn + relations.delivers).isEmpty
        case .intervention(let intervention):
            context["level"] = intervention.level?.rawValue
            context["recipients"] = intervention.recipients.isEmpty ? nil : intervention.recipients.joined(separator: ", ")
            context["absence"] = intervention.absence.isEmpty ? nil : intervention.absence.joined(separator: ", ")
            context["deliveredBy"] = items(intervention.deliveredBy.map { roleLink($0.id, from: page) })
        case .report(let report):
            context["year"] = report.year.map(String.init)
        case .page:
            break
        }
        return templates.render(context, with: page.kind.rawValue)
    }

    /// A link to a page of this target becomes a relative URL; one to a page the target
    /// leaves out becomes plain text, with a warning, so nothing points at what is not there.
    private func resolveLink(_ link: Link, in page: Page, log: inout DiagnosticLog) -> LinkResolution {
        guard case .success(let target) = site.resolve(link.destination, from: page) else {
            return .plainText // already an error from Site.checkLinks
        }
        switch target {
        case .external, .samePage:
            return .keep
        case .page(let linked, let fragment):
            guard contains(linked) else {
                log.warning("the link to '\(linked.sourcePath)' is plain text in the target '\(self.target.name)', which does not include that page",
                            at: page.location(of: link.position))
                return .plainText
            }
            return .replace(with: href(from: page.urlPath, to: linked.urlPath) + (fragment.map { "#" + $0 } ?? ""))
        }
    }

    // MARK: Generated pages

    struct Section {
        var name: String
        var title: String
        var pages: [Page]
    }

    /// Top-level folders with at least one page in this target, in the order readers expect.
    var sections: [Section] {
        let order = ["rutiner", "roller", "verktygslada", "vardnadshavare", "rapport"]
        let grouped = Dictionary(grouping: pages.filter { !$0.section.isEmpty && !$0.isTranslation }, by: \.section)
        return grouped.keys.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
            .map { Section(name: $0, title: sectionTitle($0), pages: grouped[$0]!.sorted { $0.title < $1.title }) }
    }

    private func sectionTitle(_ name: String) -> String {
        let key = "section.\(name)"
        let title = strings[key]
        return title == key ? name.prefix(1).uppercased() + name.dropFirst() : title
    }

    private func renderSection(_ section: Section) -> String {
        let urlPath = section.name + "/"
        var context = baseContext(for: urlPath, title: section.title, language: site.config.language)
        context["summary"] = strings["section.\(section.name).summary"] == "section.\(section.name).summary" ? nil : strings["section.\(section.name).summary"]
        context["breadcrumbs"] = items([["title": strings["home"], "href": href(from: urlPath, to: "")]])
        context["pages"] = items(list(section.pages, from: urlPath))
        return templates.render(context, with: "section")
    }

    private func renderHome() -> String {
        var context = baseContext(for: "", title: site.config.title, language: site.config.language)
        context["description"] = site.config.description
        context["sections"] = sections.map { section -> [String: Any] in
            [
                "title": section.title,
                "href": href(from: "", to: section.name + "/"),
                "summary": strings["section.\(section.name).summary"],
                "count": section.pages.count,
            ]
        }
        context["otherPages"] = items(list(pages.filter { $0.section.isEmpty && !$0.isTranslation }, from: ""))
        return templates.render(context, with: "home")
    }

    private func sitemap() -> String {
        let paths = [""] + sections.map { $0.name + "/" } + pages.map(\.urlPath)
        let entries = paths.map { "  <url><loc>\(Escape.xml(target.baseURL.absoluteString + $0))</loc></url>\n" }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\(entries)</urlset>\n"
    }

    // MARK: Context pieces

    private func baseContext(for urlPath: String, title: String, language: String) -> [String: Any] {
        let root = href(from: urlPath, to: "")
        let currentSection = urlPath.split(separator: "/").first.map(String.init)
        return [
            "site": ["title": site.config.title, "organisation": site.config.organisation ?? ""],
            "title": title,
            "lang": language,
            "dir": Self.rightToLeft.contains(String(language.prefix(while: { $0 != "-" }))) ? "rtl" : "ltr",
            "root": root,
            "homeHref": root,
            "isHome": urlPath.isEmpty,
            "t": strings.context,
            "nav": sections.map { section -> [String: Any] in
                ["title": section.title, "href": href(from: urlPath, to: section.name + "/"), "current": section.name == currentSection]
            },
        ]
    }

    static let rightToLeft: Set<String> = ["ar", "fa", "prs", "ps", "ckb", "yi", "he", "ur"]

    private func breadcrumbs(for page: Page) -> [[String: Any]] {
        var crumbs: [[String: Any]] = [["title": strings["home"], "href": href(from: page.urlPath, to: "")]]
        if !page.section.isEmpty, sections.contains(where: { $0.name == page.section }) {
            crumbs.append(["title": sectionTitle(page.section), "href": href(from: page.urlPath, to: page.section + "/")])
        }
        return crumbs
    }

    private func translationLinks(for page: Page) -> [[String: Any]] {
        let versions = site.languageVersions(of: page).filter { contains($0) && $0.sourcePath != page.sourcePath }
        return versions.map { version in
            ["lang": version.language, "title": strings["language_\(version.language)"], "href": href(from: page.urlPath, to: version.urlPath)]
        }
    }

    /// A role by id: linked where this target has its page, its title as plain text otherwise.
    private func roleLink(_ id: String, from page: Page) -> [String: Any] {
        guard let role = site.page(id: id) else { return ["title": id] }
        var entry: [String: Any] = ["title": role.title]
        if contains(role) { entry["href"] = href(from: page.urlPath, to: role.urlPath) }
        return entry
    }

    /// A list for a template section that shows only when the list has items:
    /// `{{#roles}}<h2>…</h2>{{#items}}…{{/items}}{{/roles}}`.
    private func items(_ list: [[String: Any]]) -> [String: Any]? {
        list.isEmpty ? nil : ["items": list]
    }

    private func list(_ linked: [Page], from urlPath: String) -> [[String: Any]] {
        linked.map { other in
            var entry: [String: Any] = ["title": other.title, "href": href(from: urlPath, to: other.urlPath)]
            entry["summary"] = other.summary
            return entry
        }
    }

    private func dateContext(_ date: LocalDate) -> [String: String] {
        ["iso": date.description, "text": strings.longDate(date)]
    }

    /// A relative URL from one page's folder to another's, so the site works from any sub-path.
    func href(from fromPath: String, to toPath: String) -> String {
        let depth = fromPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + toPath
        return relative.isEmpty ? "./" : relative
    }

    private func file(at urlPath: String, html: String) -> OutputFile {
        OutputFile(path: urlPath + "index.html", contents: Data(html.utf8))
    }
}

enum Escape {
    static func xml(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
