/// How a series is drawn: colour, and for lines a dash pattern and marker, so that
/// colour is never the only thing that tells series apart.
struct SeriesStyle: Equatable {
    var colour: String
    var dash: String?
    var marker: Marker

    enum Marker: CaseIterable { case circle, square, triangle, diamond, cross, invertedTriangle }
}

/// Colours from Okabe and Ito's colour-blind-safe palette, darkened where needed so that
/// each has at least 3:1 contrast against white (WCAG 1.4.11, non-text contrast).
enum Palette {
    static let colours = ["#0072B2", "#C0510A", "#007D5A", "#B4477F", "#5E5E5E", "#8A6A00", "#3D3D9E", "#000000"]
    static let dashes: [String?] = [nil, "8 4", "2 3", "10 3 2 3", "4 4", "12 4", "2 6", "6 2 2 2"]

    static func style(_ index: Int) -> SeriesStyle {
        SeriesStyle(
            colour: colours[index % colours.count],
            dash: dashes[index % dashes.count],
            marker: SeriesStyle.Marker.allCases[index % SeriesStyle.Marker.allCases.count]
        )
    }

    /// Relative luminance and contrast ratio, as WCAG defines them.
    static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }
}

import Foundation
