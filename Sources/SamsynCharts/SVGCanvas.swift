import SamsynSupport
/// Collects SVG elements as text. Every string that may come from an author goes
/// through `Markup.escape`.
struct SVGCanvas {
    private(set) var body = ""

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        body += "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>\n"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) {
        body += "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(width, 0)))\" height=\"\(c(max(height, 0)))\" fill=\"\(fill)\"\(stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? "")/>\n"
    }

    mutating func path(_ points: [(Double, Double)], stroke: String, width: Double, dash: String?) {
        guard let first = points.first else { return }
        let d = "M\(c(first.0)) \(c(first.1))" + points.dropFirst().map { " L\(c($0.0)) \(c($0.1))" }.joined()
        body += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\" stroke-linejoin=\"round\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>\n"
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, weight: String? = nil, fill: String = "#1b1b1b") {
        body += "<text x=\"\(c(x))\" y=\"\(c(y))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\"\(weight.map { " font-weight=\"\($0)\"" } ?? "")>\(Markup.escape(content))</text>\n"
    }

    /// Several lines of text, the first at `y`.
    mutating func textLines(_ lines: [String], x: Double, y: Double, lineHeight: Double, anchor: Anchor) {
        for (index, line) in lines.enumerated() {
            text(line, x: x, y: y + Double(index) * lineHeight, anchor: anchor)
        }
    }

    mutating func marker(_ marker: SeriesStyle.Marker, x: Double, y: Double, colour: String) {
        let r = 4.5
        switch marker {
        case .circle:
            body += "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(r))\" fill=\"\(colour)\"/>\n"
        case .square:
            rect(x: x - r, y: y - r, width: 2 * r, height: 2 * r, fill: colour)
        case .triangle:
            polygon([(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)], fill: colour)
        case .invertedTriangle:
            polygon([(x, y + r + 1), (x + r + 1, y - r), (x - r - 1, y - r)], fill: colour)
        case .diamond:
            polygon([(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)], fill: colour)
        case .cross:
            line(x1: x - r, y1: y - r, x2: x + r, y2: y + r, stroke: colour, width: 2.5)
            line(x1: x - r, y1: y + r, x2: x + r, y2: y - r, stroke: colour, width: 2.5)
        }
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String) {
        body += "<polygon points=\"\(points.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " "))\" fill=\"\(fill)\"/>\n"
    }

    private func c(_ value: Double) -> String { SVGNumber.coordinate(value) }
}

/// Rough text measures for a sans-serif face: enough to keep labels from colliding.
enum TextMetrics {
    static let fontSize = 14.0
    static let lineHeight = 17.0

    static func width(_ text: String, fontSize: Double = fontSize) -> Double {
        if let ascii = asciiWidth(text) { return ascii * fontSize }
        return text.reduce(0) { width, character in
            // Generous: DejaVu Sans, a common fallback, is wide; a label cut off is worse than space left over.
            let factor: Double = character.isUppercase ? 0.72 : character == " " ? 0.32 : "ilj.,:;|!'".contains(character) ? 0.3 : character.isNumber ? 0.64 : 0.62
            return width + factor * fontSize
        }
    }

    /// The same measure for ASCII text, by byte, without Unicode property look-ups.
    private static func asciiWidth(_ text: String) -> Double? {
        var width = 0.0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): width += 0.72
            case UInt8(ascii: " "): width += 0.32
            case UInt8(ascii: "i"), UInt8(ascii: "l"), UInt8(ascii: "j"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                 UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "!"), UInt8(ascii: "'"): width += 0.3
            case UInt8(ascii: "0")...UInt8(ascii: "9"): width += 0.64
            case 0x80...: return nil
            default: width += 0.62
            }
        }
        return width
    }

    /// Words wrapped into lines no wider than `width`, at most `maxLines` (the last shortened with "…").
    static func wrap(_ text: String, width: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if self.width(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] += "…"
        }
        return lines
    }
}

enum SVGNumber {
    /// Numbers in SVG coordinates: at most one decimal, a point, no "-0".
    static func coordinate(_ value: Double) -> String {
        // Data is at most 15 digits (TableReader), so this only guards against a bug.
        guard value.isFinite, abs(value) < 1e12 else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }
}
