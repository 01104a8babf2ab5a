import Foundation

extension Generator {
    static let accessibilityStatement = Generator(paths: [TargetRenderer.accessibilityPath], what: "the accessibility statement", templates: ["accessibility"]) { renderer in
        guard let statement = renderer.accessibilityStatement else { return [] }
        return [RenderJob { _ in [RenderContext.file(at: TargetRenderer.accessibilityPath, html: renderer.renderAccessibilityStatement(statement))] }]
    }
}

/// The tillgänglighetsredogörelse, generated from site.yml for every target read by the public.
extension TargetRenderer {
    static let accessibilityPath = "tillganglighet/"

    /// Targets for guardians, pupils or politicians must publish one.
    var accessibilityStatement: AccessibilityStatement? {
        target.audiences.isDisjoint(with: Audience.publicReaders) ? nil : site.config.accessibility
    }

    func renderAccessibilityStatement(_ statement: AccessibilityStatement) -> String {
        let urlPath = Self.accessibilityPath
        let t = strings
        var context = baseContext(for: urlPath, title: t["accessibility_title"], language: site.config.language)
        context["breadcrumbs"] = items(breadcrumbs(for: urlPath, section: "", language: site.config.language))
        let filled = ["organisation": statement.organisation, "service": statement.service]
        var fields: [String: Any] = [
            "organisation": statement.organisation,
            "service": statement.service,
            "intro": t.format("accessibility_intro", filled),
            "commitment": t.format("accessibility_commitment", filled),
            // A placeholder left by `samsyn init` shows as written (and is warned about).
            "complianceText": statement.compliance.map { t.format("accessibility_compliance_\($0.rawValue)", filled) } ?? statement.complianceWritten,
            "complianceShort": statement.compliance.map { t["accessibility_status_\($0.rawValue)"] } ?? statement.complianceWritten,
            "method": statement.method,
            "assessed": statement.assessed.map { ["time": dateContext($0, t)] } ?? ["placeholder": statement.assessedWritten],
            "updated": statement.updated.map { ["time": dateContext($0, t)] } ?? ["placeholder": statement.updatedWritten],
            "email": statement.contact.email,
            "phone": statement.contact.phone,
            "responseTime": statement.response_time,
            "diggURL": AccessibilityStatement.diggReportURL,
        ]
        fields["shortcomings"] = items(statement.shortcomings.map { ["description": $0.description, "reason": $0.reason] })
        context["statement"] = fields
        return rendering.templates.render(context, with: "accessibility")
    }
}
