import Foundation
import ParapetModels

/// When a trust's daily digest goes: at a local time of day in the trust's time zone, whatever
/// the clocks did (Europe/London moves them in March and October).
public struct DigestSchedule: Sendable, Hashable {
    /// Hour and minute, local time.
    public var hour: Int
    public var minute: Int
    public var timeZone: TimeZone

    public init(hour: Int, minute: Int, timeZone: TimeZone) {
        self.hour = hour
        self.minute = minute
        self.timeZone = timeZone
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The local day `date` falls on.
    public func day(of date: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// The instant of the digest on local day `day`. A time the clocks skip (01:30 on the
    /// spring change) is the first instant after it; a time they repeat (01:30 on the autumn
    /// change) is its first occurrence.
    public func instant(on day: CalendarDate) -> Date {
        let midnight = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
        return calendar.date(bySettingHour: hour, minute: minute, second: 0, of: midnight, matchingPolicy: .nextTime, repeatedTimePolicy: .first)
            ?? midnight.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }

    /// The digest due at `now`: the latest local day whose digest time has passed, with that
    /// instant, which is also the cut-off for what it lists.
    public func due(at now: Date) -> (day: CalendarDate, cutoff: Date) {
        let today = day(of: now)
        let todays = instant(on: today)
        if todays <= now { return (today, todays) }
        let yesterday = day(of: calendar.date(byAdding: .day, value: -1, to: todays) ?? todays.addingTimeInterval(-86_400))
        return (yesterday, instant(on: yesterday))
    }

    /// The first digest instant after `date`.
    public func next(after date: Date) -> Date {
        let todays = instant(on: day(of: date))
        if todays > date { return todays }
        let tomorrow = day(of: calendar.date(byAdding: .day, value: 1, to: todays) ?? todays.addingTimeInterval(86_400))
        return instant(on: tomorrow)
    }
}
