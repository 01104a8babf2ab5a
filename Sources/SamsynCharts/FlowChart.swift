import SamsynSupport
/// A routine drawn as a flow by role: one lane per role, the steps in order from left to
/// right, each box numbered and linked to its step. The ordered list on the page is the
/// text alternative, so the drawing is hidden from screen readers and its links are left
/// out of the tab order: the same links are in the list.
public struct FlowChart: Sendable {
    public struct Step: Sendable, Equatable {
        public var number: Int
        public var label: String
        public var lane: Int
        public var href: String

        public init(number: Int, label: String, lane: Int, href: String) {
            self.number = number
            self.label = label
            self.lane = lane
            self.href = href
        }
    }

    public var lanes: [String]
    public var steps: [Step]

    public init(lanes: [String], steps: [Step]) {
        self.lanes = lanes
        self.steps = steps
    }

    // A box holds four lines of about twenty letters: a step's clause, not a cut phrase.
    static let laneLabelWidth = 150.0, columnWidth = 168.0, laneHeight = 112.0
    static let boxWidth = 152.0, boxHeight = 92.0, maxLabelLines = 4

    public var svg: String {
        let width = Self.laneLabelWidth + Self.columnWidth * Double(steps.count) + 12
        let height = Self.laneHeight * Double(lanes.count) + 4
        var canvas = SVGCanvas()
        for (index, lane) in lanes.enumerated() {
            let top = Self.laneHeight * Double(index) + 2
            canvas.rect(x: 0, y: top, width: width, height: Self.laneHeight - 4, fill: index % 2 == 0 ? "#f3f5f7" : "#ffffff", stroke: "#c9cfd6")
            let lines = TextMetrics.wrap(lane, width: Self.laneLabelWidth - 16, maxLines: 2)
            canvas.textLines(lines, x: 8, y: top + Self.laneHeight / 2 - Double(lines.count - 1) * 8 + 5, lineHeight: 16, anchor: .start)
        }
        var previous: (x: Double, y: Double)?
        var boxes = ""
        for (column, step) in steps.enumerated() {
            let x = Self.laneLabelWidth + Self.columnWidth * Double(column) + (Self.columnWidth - Self.boxWidth) / 2
            let y = Self.laneHeight * Double(step.lane) + (Self.laneHeight - Self.boxHeight) / 2
            if let from = previous {
                // An arrow from the previous box's right edge to this box's left edge.
                let startX = from.x + Self.boxWidth, startY = from.y + Self.boxHeight / 2
                let endX = x, endY = y + Self.boxHeight / 2
                let middleX = (startX + endX) / 2
                canvas.path([(startX, startY), (middleX, startY), (middleX, endY), (endX - 6, endY)], stroke: "#4a4a4a", width: 1.5, dash: nil)
                canvas.polygon([(endX, endY), (endX - 7, endY - 4), (endX - 7, endY + 4)], fill: "#4a4a4a")
            }
            var box = SVGCanvas()
            box.rect(x: x, y: y, width: Self.boxWidth, height: Self.boxHeight, fill: "#ffffff", stroke: "#0b4f80")
            box.text(String(step.number), x: x + 8, y: y + 18, weight: "700", fill: "#0b4f80")
            let lines = TextMetrics.wrap(step.label, width: Self.boxWidth - 16, maxLines: Self.maxLabelLines)
            box.textLines(lines, x: x + 8, y: y + 36, lineHeight: 15, anchor: .start)
            boxes += "<a href=\"\(Markup.escape(step.href))\" tabindex=\"-1\">\n\(box.body)</a>\n"
            previous = (x, y)
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow-svg\" viewBox=\"0 0 \(Int(width.rounded(.up))) \(Int(height.rounded(.up)))\" "
            + "aria-hidden=\"true\" font-size=\"13\">\n" + canvas.body + boxes + "</svg>\n"
    }
}
