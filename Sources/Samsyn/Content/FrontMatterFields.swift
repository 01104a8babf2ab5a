import Foundation
import Yams

/// The top-level values of front matter, read straight from the composed YAML with the
/// values and the errors Yams' Codable decoder gives for them (`YAMLSource.decode`): its
/// containers copied the mapping for every type decoded, most of reading front matter.
/// Front matter is composed with `textResolver`, so no key is a merge key (`<<`) to expand.
struct FrontMatterFields {
    private let mapping: Node.Mapping?

    init(_ root: Node?) {
        mapping = root?.mapping
    }

    /// A required text: any scalar, as written (`title: ~` is the text "~", as with Yams).
    func text(_ key: String) throws -> String {
        guard let node = mapping?[key] else {
            throw DecodingError.keyNotFound(PlainKey(key), .init(codingPath: [], debugDescription: "No value associated with key \(key)."))
        }
        return try Self.scalar(node, key).string
    }

    /// Nil when the key is missing or its value is a null (empty, `~`, `null`).
    func optionalText(_ key: String) throws -> String? {
        try present(key).map { try Self.scalar($0, key).string }
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard let node = present(key) else { return nil }
        guard let value = Int.construct(from: try Self.scalar(node, key)) else {
            throw DecodingError.typeMismatch(Int.self, .init(codingPath: [PlainKey(key)], debugDescription: "Expected to decode Int."))
        }
        return value
    }

    func date(_ key: String) throws -> LocalDate {
        let text = try text(key)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [PlainKey(key)], debugDescription: "'\(text)' is not a date written YYYY-MM-DD"))
        }
        return date
    }

    func optionalDate(_ key: String) throws -> LocalDate? {
        guard present(key) != nil else { return nil }
        return try date(key)
    }

    /// A list of texts, or one text for a list of one (`OneOrMany`).
    func optionalList(_ key: String) throws -> OneOrMany<String>? {
        guard let node = present(key) else { return nil }
        if let sequence = node.sequence {
            let scalars = sequence.compactMap(\.scalar)
            if scalars.count == sequence.count { return OneOrMany(values: scalars.map(\.string)) }
        }
        return OneOrMany(values: [try Self.scalar(node, key).string])
    }

    private func present(_ key: String) -> Node? {
        guard let node = mapping?[key], node.null == nil else { return nil }
        return node
    }

    private static func scalar(_ node: Node, _ key: String) throws -> Node.Scalar {
        guard let scalar = node.scalar else {
            throw DecodingError.typeMismatch(Node.Scalar.self, .init(codingPath: [PlainKey(key)], debugDescription: "Expected a scalar."))
        }
        return scalar
    }
}
