import Foundation
import Hummingbird
import ParapetEscalation
import ParapetModels
import ParapetStore

extension CasePages {
    /// How many weeks the overview's chart and acknowledgement times cover.
    static let overviewWeeks = 8

    /// `GET /trust`: per school, open cases by severity and step, overdue cases, breaches by
    /// clause over the weeks, and how long cases took to be acknowledged. For trust-level
    /// contacts only; anyone else is answered 404.
    func trustOverview(_ visit: inout Visit) async throws -> Response {
        guard let leader = visit.leader, leader.trustContact != nil, let escalator = visit.escalator else { throw PageProblem.notFound() }
        let configuration = escalator.configuration
        let date = now()
        let weeks = Self.weekStarts(ending: date, count: Self.overviewWeeks, timeZone: configuration.timeZone)
        let since = Self.startOfDay(weeks[0], timeZone: configuration.timeZone)
        let overview = try await cases.overview(trust: leader.trust, since: since, timeZone: configuration.trust.timezone, now: date)
        // Each row's concern once, from the packs escalation already merged.
        let concerns = overview.weekly.map { row in
            escalator.pack(for: row.school)?.clauses([row.clause]).first?.behaviour.plainName ?? row.clause
        }
        let schools: [[String: Any]] = configuration.schools.map { school in
            let open = overview.open.filter { $0.school == school.id }
            let bySeverity = Severity.allCases.reversed().map { severity in
                ["label": PlainWords.severity(severity), "count": open.filter { $0.severity == severity }.reduce(0) { $0 + $1.count }]
            }
            var bySteps: [LadderStep: Int] = [:]
            for row in open { bySteps[row.step, default: 0] += row.count }
            let acknowledged = overview.acknowledgements.filter { $0.school == school.id }.map(\.seconds).sorted()
            return [
                "name": school.name, "open": open.reduce(0) { $0 + $1.count }, "overdue": open.reduce(0) { $0 + $1.overdue },
                "severities": bySeverity,
                "steps": bySteps.sorted { $0.value > $1.value }.map { ["label": $0.key.plainName, "count": $0.value] },
                "has_steps": !bySteps.isEmpty,
                "acknowledged": acknowledged.count, "has_acknowledged": !acknowledged.isEmpty,
                "median": acknowledged.isEmpty ? "" : Self.took(acknowledged[acknowledged.count / 2]),
                "slowest": acknowledged.last.map(Self.took) ?? "",
            ]
        }
        // The chart: the five most frequent concerns, the rest together.
        var totals: [String: Int] = [:]
        for (row, concern) in zip(overview.weekly, concerns) { totals[concern, default: 0] += row.count }
        var series = totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        let hasOther = series.count > 5
        if hasOther { series = Array(series.prefix(5)) + ["Everything else"] }
        let chartWeeks = weeks.map { start in
            BreachChart.Week(
                start: start,
                counts: series.map { name in
                    zip(overview.weekly, concerns).filter { row, concern in
                        row.weekStarting == start
                            && (concern == name || (name == "Everything else" && hasOther && !series.dropLast().contains(concern)))
                    }.reduce(0) { $0 + $1.0.count }
                })
        }
        let chart = BreachChart(series: series, weeks: chartWeeks)
        return try html(
            .ok, "trust",
            [
                "title": "Trust overview", "trust": configuration.trust.name, "schools": schools, "chart": chart.context,
                "weeks": Self.overviewWeeks,
                "table_weeks": chartWeeks.map { ["label": BreachChart.shortDate($0.start)] },
                "table_rows": series.enumerated().map { index, name in
                    ["name": name, "counts": chartWeeks.map { ["count": $0.counts[index]] }] as [String: Any]
                },
            ], &visit)
    }

    /// The Mondays of the last `count` weeks up to `date`, oldest first, in `timeZone`.
    static func weekStarts(ending date: Date, count: Int, timeZone: TimeZone) -> [CalendarDate] {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        let monday = calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
        return (0..<count).reversed().compactMap { back in
            calendar.date(byAdding: .day, value: -7 * back, to: monday).map { day in
                let parts = calendar.dateComponents([.year, .month, .day], from: day)
                return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            }
        }
    }

    static func startOfDay(_ day: CalendarDate, timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// "35 minutes", "3 hours 10 minutes", "2 days 4 hours".
    static func took(_ seconds: Double) -> String {
        let minutes = max(0, Int((seconds / 60).rounded()))
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if minutes < 60 { return unit(minutes, "minute") }
        let hours = minutes / 60
        if hours < 24 { return minutes % 60 == 0 ? unit(hours, "hour") : "\(unit(hours, "hour")) \(unit(minutes % 60, "minute"))" }
        return hours % 24 == 0 ? unit(hours / 24, "day") : "\(unit(hours / 24, "day")) \(unit(hours % 24, "hour"))"
    }
}
