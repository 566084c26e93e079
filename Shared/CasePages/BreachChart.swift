import ParapetModels

/// The overview's chart of breaches by clause over the weeks, drawn on the server as SVG
/// shapes for the template (stacked bars, one colour per clause, a legend): no script, and
/// the same figures are in the table beside it for those who do not see the chart.
struct BreachChart {
    /// One week's bar.
    struct Week {
        var start: CalendarDate
        /// Counts per series, in the order of ``series``.
        var counts: [Int]
    }

    var series: [String]
    var weeks: [Week]

    static let width = 640
    static let height = 240
    static let left = 36
    static let bottom = 28
    static let top = 12
    /// Colours that keep 3:1 against white and one another's neighbours, for up to six series.
    static let colours = ["#1d4f91", "#b35900", "#2e7d32", "#8e24aa", "#c62828", "#00695c"]

    var context: [String: Any] {
        let totals = weeks.map { $0.counts.reduce(0, +) }
        let most = max(1, totals.max() ?? 1)
        let plotHeight = Self.height - Self.bottom - Self.top
        let slot = weeks.isEmpty ? 0 : (Self.width - Self.left) / weeks.count
        let barWidth = max(4, slot * 2 / 3)
        var bars: [[String: Any]] = []
        var labels: [[String: Any]] = []
        for (index, week) in weeks.enumerated() {
            let x = Self.left + index * slot + (slot - barWidth) / 2
            var y = Self.height - Self.bottom
            for (seriesIndex, count) in week.counts.enumerated() where count > 0 {
                let height = max(1, count * plotHeight / most)
                y -= height
                bars.append([
                    "x": x, "y": y, "width": barWidth, "height": height, "colour": Self.colours[seriesIndex % Self.colours.count],
                    "title": "\(series[seriesIndex]): \(count) in the week of \(Self.shortDate(week.start))",
                ])
            }
            labels.append(["x": x + barWidth / 2, "y": Self.height - 8, "text": Self.shortDate(week.start)])
        }
        let ticks = Set([0, most / 2, most]).sorted().map { value in
            [
                "y": Self.height - Self.bottom - value * plotHeight / most, "text": "\(value)",
                "label_y": Self.height - Self.bottom - value * plotHeight / most + 4,
            ]
        }
        return [
            "width": Self.width, "height": Self.height, "bars": bars, "labels": labels, "ticks": ticks, "axis_x": Self.left,
            "axis_right": Self.width,
            "legend": series.enumerated().map { ["colour": Self.colours[$0.offset % Self.colours.count], "name": $0.element] },
            "has_data": totals.contains { $0 > 0 },
        ]
    }

    /// "21 Sep".
    static func shortDate(_ day: CalendarDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day.day) \(months[(day.month - 1 + 12) % 12])"
    }
}
