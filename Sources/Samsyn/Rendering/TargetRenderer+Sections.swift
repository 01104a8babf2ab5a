import SamsynSupport
import Foundation
import SamsynCharts

extension Generator {
    /// Each section's index (its folder's name is its path, so a section is reserved by
    /// its pages, not here).
    static let sectionIndexes = Generator(paths: [], what: "a section's index", templates: ["section", "toolbox-map", "indicators", "actions"]) { renderer in
        renderer.view.sections.map { section in RenderJob { _ in [RenderContext.file(at: section.name + "/", html: renderer.renderSection(section))] } }
    }

    static let frontPage = Generator(paths: ["index.html"], what: "the front page", templates: ["home"]) { renderer in
        [RenderJob { _ in [RenderContext.file(at: "", html: renderer.renderHome())] }]
    }

    static let robots = Generator(paths: ["robots.txt"], what: "the robots.txt file") { renderer in
        [RenderJob { _ in [OutputFile(path: "robots.txt", contents: Data(renderer.robots().utf8))] }]
    }

    /// A sitemap lists every URL: a target with staff pages has none.
    static let sitemap = Generator(paths: ["sitemap.xml"], what: "the sitemap") { renderer in
        guard renderer.target.isPublic else { return [] }
        return [RenderJob { _ in [OutputFile(path: "sitemap.xml", contents: Data(renderer.sitemap().utf8))] }]
    }
}

/// TargetView.Section indexes, the front page, robots.txt and the sitemap.
extension TargetRenderer {
    func renderSection(_ section: TargetView.Section) -> String {
        if section.name == "verktygslada", section.pages.contains(where: { $0.kind == .intervention }) {
            return renderToolboxMap(section)
        }
        if section.name == Self.indicatorSection, section.pages.contains(where: { $0.kind == .indicator }) {
            return renderIndicatorOverview(section)
        }
        if section.name == Self.actionSection, section.pages.contains(where: { $0.kind == .action }) {
            return renderActionOverview(section)
        }
        let urlPath = section.name + "/"
        var context = baseContext(for: urlPath, title: sectionTitle(section.name, strings), language: site.config.language)
        context["summary"] = strings.optional("section.\(section.name).summary")
        context["breadcrumbs"] = items([["title": strings["home"], "href": RenderContext.href(from: urlPath, to: "")]])
        context["pages"] = items(list(section.pages, from: urlPath))
        // Guardians who read another language find their start page where they look first.
        if section.name == "vardnadshavare" { context["languageHomes"] = items(languageHomeLinks(from: urlPath)) }
        if section.name == "rutiner", view.hasStaffOverviews {
            context["reviewOverviewHref"] = RenderContext.href(from: urlPath, to: Self.reviewOverviewPath)
        }
        if section.name == "roller", view.hasStaffOverviews {
            context["matrixHref"] = RenderContext.href(from: urlPath, to: Self.matrixPath)
        }
        return rendering.templates.render(context, with: "section")
    }

    func renderHome() -> String {
        var context = baseContext(for: "", title: site.config.title, language: site.config.language)
        context["description"] = site.config.description
        context["sections"] = view.sections.map { section -> [String: Any] in
            [
                "title": sectionTitle(section.name, strings),
                "href": RenderContext.href(from: "", to: section.name + "/"),
                "summary": strings.optional("section.\(section.name).summary") ?? "",
            ]
        }
        context["otherPages"] = items(list(view.pages.filter { $0.section.isEmpty && !$0.isTranslation }, from: ""))
        context["languageHomes"] = items(languageHomeLinks(from: ""))
        return rendering.templates.render(context, with: "home")
    }

    /// Every page a search engine should know, with absolute URLs from `base_url`.
    /// Pages saying a translation is missing are left out.
    /// A target with staff pages disallows every crawler; a public one points them to its
    /// sitemap. (Crawlers read robots.txt at the root of a host only: where a target is
    /// served under a sub-path, the web server answers /robots.txt with this file.)
    func robots() -> String {
        guard target.isPublic else { return "User-agent: *\nDisallow: /\n" }
        return "User-agent: *\nAllow: /\n\nSitemap: \(target.baseURL.absoluteString)sitemap.xml\n"
    }

    func sitemap() -> String {
        var paths = [""] + view.sections.map { $0.name + "/" } + view.pages.map(\.urlPath)
        if view.hasStaffOverviews { paths.append(Self.reviewOverviewPath) }
        if view.hasStaffOverviews { paths.append(Self.matrixPath) }
        if accessibilityStatement != nil { paths.append(Self.accessibilityPath) }
        let base = target.baseURL.absoluteString // once: URL builds the string anew on every call
        let entries = paths.map { "  <url><loc>\(Markup.escape(base + $0))</loc></url>\n" }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\(entries)</urlset>\n"
    }
}
