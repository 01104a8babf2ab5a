import Foundation

/// What Digg (Myndigheten för digital förvaltning) requires a tillgänglighetsredogörelse to
/// say, from the `accessibility:` section of site.yml. Every field is required: a statement
/// that leaves one out does not meet the law (lagen (2018:1937) om tillgänglighet till
/// digital offentlig service).
public struct AccessibilityStatement: Sendable, Decodable {
    public enum Compliance: String, Sendable, CaseIterable {
        case helt, delvis, inte
    }

    public struct Shortcoming: Sendable, Decodable {
        public var description: String
        /// Why it is not accessible: not yet fixed, disproportionate burden, outside the law's scope.
        public var reason: String
    }

    public struct Contact: Sendable, Decodable {
        public var email: String
        public var phone: String
    }

    /// The organisation responsible for the service.
    public var organisation: String
    /// The service the statement is for: the site's name.
    public var service: String
    /// Nil while it is a placeholder (`[FYLL I: …]`, warned about where it is written).
    public var compliance: Compliance?
    /// As written: the placeholder's text when `compliance` is nil.
    public var complianceWritten: String
    public var shortcomings: [Shortcoming]
    /// How the site was assessed: self-assessment, an external audit, the tools used.
    public var method: String
    /// Nil while a placeholder; then `…Written` holds its text.
    public var assessed: LocalDate?
    public var updated: LocalDate?
    public var assessedWritten: String
    public var updatedWritten: String
    /// How readers give feedback and report shortcomings.
    public var contact: Contact
    /// How long the organisation takes to answer feedback.
    public var response_time: String

    enum CodingKeys: String, CodingKey {
        case organisation, service, compliance, shortcomings, method, assessed, updated, contact, response_time
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        organisation = try container.decode(String.self, forKey: .organisation)
        service = try container.decode(String.self, forKey: .service)
        let complianceName = try container.decode(String.self, forKey: .compliance)
        complianceWritten = complianceName
        if PlaceholderCheck.isPlaceholder(complianceName) {
            compliance = nil
        } else if let compliance = Compliance(rawValue: complianceName) {
            self.compliance = compliance
        } else {
            throw DecodingError.dataCorruptedError(forKey: .compliance, in: container,
                debugDescription: "'\(complianceName)' is not a compliance status; use helt, delvis or inte (förenlig med lagen)")
        }
        shortcomings = try container.decode([Shortcoming].self, forKey: .shortcomings)
        method = try container.decode(String.self, forKey: .method)
        func date(_ key: CodingKeys) throws -> (LocalDate?, String) {
            let text = try container.decode(String.self, forKey: key)
            if PlaceholderCheck.isPlaceholder(text) { return (nil, text) }
            return (try container.decode(LocalDate.self, forKey: key), text)
        }
        (assessed, assessedWritten) = try date(.assessed)
        (updated, updatedWritten) = try date(.updated)
        contact = try container.decode(Contact.self, forKey: .contact)
        response_time = try container.decode(String.self, forKey: .response_time)
        if let compliance, compliance != .helt, shortcomings.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .shortcomings, in: container,
                debugDescription: "a site that is '\(complianceName)' förenlig must list its known shortcomings")
        }
    }

    /// Digg's form for reporting that a public body's digital service is not accessible.
    public static let diggReportURL = "https://www.digg.se/tdosanmalan"
}
