/// Escaping for text that goes into HTML, SVG and XML: author text from YAML and CSV
/// never reaches the output unescaped.
public enum Markup {
    public static func escape(_ text: String) -> String {
        // On bytes: the five characters are ASCII, so there is no need to walk Characters
        // (grapheme clusters), which is slow. A '<' with a
        // combining mark after it is escaped too, as HTML's parser sees it.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): escaped += "&lt;".utf8
            case UInt8(ascii: ">"): escaped += "&gt;".utf8
            case UInt8(ascii: "&"): escaped += "&amp;".utf8
            case UInt8(ascii: "\""): escaped += "&quot;".utf8
            case UInt8(ascii: "'"): escaped += "&#39;".utf8
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Numbers in SVG coordinates: at most one decimal, a point, no "-0".
    static func coordinate(_ value: Double) -> String {
        // Data is at most 15 digits (TableReader), so this only guards against a bug.
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
