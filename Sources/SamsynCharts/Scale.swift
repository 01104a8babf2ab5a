import Foundation

/// A linear mapping from values to positions, over a domain widened to "nice" round
/// numbers so that axis ticks read well (0, 2, 4, … or 0, 25, 50, …).
struct LinearScale {
    let domain: ClosedRange<Double>
    /// Positions of the domain's low and high end; the low end may be the larger (SVG's y grows downwards).
    let range: (start: Double, end: Double)
    let ticks: [Double]

    /// `maxValue` from the data; bars start at zero, so the domain always includes it.
    init(minValue: Double, maxValue: Double, range: (start: Double, end: Double), targetTickCount: Int = 5) {
        let low = min(0, minValue)
        var high = max(0, maxValue)
        if high == low { high = low + 1 }
        let step = Self.niceStep(for: (high - low) / Double(max(targetTickCount, 1)))
        let niceLow = (low / step).rounded(.down) * step
        let niceHigh = (high / step).rounded(.up) * step
        domain = niceLow...niceHigh
        self.range = range
        var ticks: [Double] = []
        var tick = niceLow
        while tick <= niceHigh + step / 2 {
            ticks.append(abs(tick) < step / 1e6 ? 0 : tick)
            tick += step
        }
        self.ticks = ticks
    }

    func position(_ value: Double) -> Double {
        let fraction = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return range.start + fraction * (range.end - range.start)
    }

    /// Decimals the tick labels need: none for whole steps, one for 0.5, two for 0.25.
    var tickDecimals: Int {
        guard ticks.count > 1 else { return 0 }
        let step = ticks[1] - ticks[0]
        for decimals in 0...3 where abs((step * pow(10, Double(decimals))).rounded() - step * pow(10, Double(decimals))) < 1e-9 {
            return decimals
        }
        return 3
    }

    /// 1, 2, 2.5 or 5 times a power of ten: the step nearest above `rough`.
    static func niceStep(for rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let fraction = rough / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }
}
