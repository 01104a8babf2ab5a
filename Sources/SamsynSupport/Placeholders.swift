/// `{name}` placeholders in interface text (`"{count} värden visas inte"`) filled in.
public enum Placeholders {
    /// The template with each `{name}` that `values` has replaced by its value, in one pass:
    /// a value is never searched for placeholders itself, and a `{…}` with no value stays.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                result += "{"
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
