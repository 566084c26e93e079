import Foundation
import ParapetModels
import ParapetNotifications
import Testing

/// The daily digest goes at the configured local time in Europe/London on every day of the
/// year, including both days the clocks change, on a clock the test sets.
@Suite("Digest timing follows the clocks")
struct DigestTimingFollowsTheClocksTests {
    let london = TimeZone(identifier: "Europe/London")!

    func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test("16:00 local is 16:00 UTC in winter and 15:00 UTC in summer, either side of both changes")
    func afternoonDigest() {
        let schedule = DigestSchedule(hour: 16, minute: 0, timeZone: london)
        // 2027: the clocks go forward on Sunday 28 March and back on Sunday 31 October.
        #expect(schedule.instant(on: CalendarDate(year: 2027, month: 3, day: 27)) == utc("2027-03-27T16:00:00Z"))
        #expect(schedule.instant(on: CalendarDate(year: 2027, month: 3, day: 28)) == utc("2027-03-28T15:00:00Z"))
        #expect(schedule.instant(on: CalendarDate(year: 2027, month: 3, day: 29)) == utc("2027-03-29T15:00:00Z"))
        #expect(schedule.instant(on: CalendarDate(year: 2027, month: 10, day: 30)) == utc("2027-10-30T15:00:00Z"))
        #expect(schedule.instant(on: CalendarDate(year: 2027, month: 10, day: 31)) == utc("2027-10-31T16:00:00Z"))
    }

    @Test("a time the clocks skip goes at the first instant after; a repeated time goes once, at its first occurrence")
    func skippedAndRepeatedTimes() {
        let schedule = DigestSchedule(hour: 1, minute: 30, timeZone: london)
        // 01:00 to 02:00 does not exist on 28 March 2027: the digest goes at 02:00 BST (01:00 UTC).
        #expect(schedule.instant(on: CalendarDate(year: 2027, month: 3, day: 28)) == utc("2027-03-28T01:00:00Z"))
        // 01:30 happens twice on 31 October 2027 (BST, then GMT): the first is 00:30 UTC.
        #expect(schedule.instant(on: CalendarDate(year: 2027, month: 10, day: 31)) == utc("2027-10-31T00:30:00Z"))
    }

    @Test("every day of a year has exactly one digest, 23 to 25 hours after the one before")
    func oneDigestADay() {
        let schedule = DigestSchedule(hour: 16, minute: 0, timeZone: london)
        var clock = utc("2027-01-01T00:00:00Z")
        var instants: [Date] = []
        var days: Set<CalendarDate> = []
        while true {
            let next = schedule.next(after: clock)
            guard next < utc("2028-01-01T00:00:00Z") else { break }
            instants.append(next)
            days.insert(schedule.day(of: next))
            clock = next
        }
        #expect(instants.count == 365)
        #expect(days.count == 365)
        let gaps = zip(instants, instants.dropFirst()).map { $1.timeIntervalSince($0) / 3600 }
        #expect(Set(gaps) == [23, 24, 25])
    }

    @Test("before the day's digest time the due digest is yesterday's; from it on, today's")
    func dueDigest() {
        let schedule = DigestSchedule(hour: 16, minute: 0, timeZone: london)
        let before = schedule.due(at: utc("2027-03-28T14:59:59Z"))
        #expect(before.day == CalendarDate(year: 2027, month: 3, day: 27))
        #expect(before.cutoff == utc("2027-03-27T16:00:00Z"))
        let at = schedule.due(at: utc("2027-03-28T15:00:00Z"))
        #expect(at.day == CalendarDate(year: 2027, month: 3, day: 28))
        #expect(at.cutoff == utc("2027-03-28T15:00:00Z"))
        let autumn = schedule.due(at: utc("2027-10-31T15:30:00Z"))
        #expect(autumn.day == CalendarDate(year: 2027, month: 10, day: 30))
    }
}
