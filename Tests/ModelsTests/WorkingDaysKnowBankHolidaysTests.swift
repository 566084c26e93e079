import Foundation
import ParapetModels
import Testing

/// England and Wales's bank holidays, computed for any year, and the "one working day" a LADO
/// referral is due within.
@Suite("Working days know the bank holidays")
struct WorkingDaysKnowBankHolidaysTests {
    static func days(_ text: [String]) -> [CalendarDate] { text.compactMap(CalendarDate.init) }

    @Test(
        "each year's bank holidays are the ones proclaimed",
        arguments: [
            (2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"]),
            (
                2022,
                [
                    "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
                    "2022-12-26", "2022-12-27",
                ]
            ),
            (
                2023,
                ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"]
            ),
            (2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"]),
            (2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"]),
        ])
    func bankHolidays(year: Int, expected: [String]) {
        #expect(WorkingDays.bankHolidays(in: year) == Self.days(expected))
    }

    @Test("Easter falls where the tables put it, in any century")
    func easter() {
        // Good Friday and Easter Monday either side of Easter Sunday.
        for (year, sunday) in [(1818, "1818-03-22"), (2008, "2008-03-23"), (2038, "2038-04-25"), (2024, "2024-03-31"), (2285, "2285-03-22")] {
            let easter = CalendarDate(sunday)!
            let holidays = WorkingDays.bankHolidays(in: year)
            #expect(holidays.contains(easter.adding(days: -2)), "Good Friday \(year)")
            #expect(holidays.contains(easter.adding(days: 1)), "Easter Monday \(year)")
            #expect(easter.weekday == 7)
        }
    }

    @Test("weekends and bank holidays are not working days")
    func workingDays() {
        #expect(WorkingDays.isWorkingDay(CalendarDate(year: 2026, month: 4, day: 2)))  // Thursday
        #expect(!WorkingDays.isWorkingDay(CalendarDate(year: 2026, month: 4, day: 3)))  // Good Friday
        #expect(!WorkingDays.isWorkingDay(CalendarDate(year: 2026, month: 4, day: 4)))  // Saturday
        #expect(!WorkingDays.isWorkingDay(CalendarDate(year: 2026, month: 4, day: 6)))  // Easter Monday
        #expect(WorkingDays.nextWorkingDay(after: CalendarDate(year: 2026, month: 4, day: 2)) == CalendarDate(year: 2026, month: 4, day: 7))
    }

    @Test("a report on the Thursday before Easter is due at the end of the Tuesday after, London time")
    func acrossEaster() throws {
        // 14:00 BST on Thursday 2 April 2026.
        let reported = try #require(ISO8601DateFormatter().date(from: "2026-04-02T13:00:00Z"))
        let due = WorkingDays.endOfNextWorkingDay(after: reported)
        #expect(due == ISO8601DateFormatter().date(from: "2026-04-07T23:00:00Z"), "midnight BST at the end of Tuesday 7 April")
    }

    @Test("a report on Christmas Eve 2027 waits for both substitute days")
    func acrossChristmas() throws {
        let reported = try #require(ISO8601DateFormatter().date(from: "2027-12-24T10:00:00Z"))
        #expect(WorkingDays.endOfNextWorkingDay(after: reported) == ISO8601DateFormatter().date(from: "2027-12-30T00:00:00Z"))
    }

    @Test("a report just after midnight on Monday in London counts from Monday, though it is still Sunday in UTC")
    func zone() throws {
        // 00:30 BST on Monday 8 June 2026 is 23:30 UTC on Sunday.
        let mondayInLondon = try #require(ISO8601DateFormatter().date(from: "2026-06-07T23:30:00Z"))
        #expect(WorkingDays.endOfNextWorkingDay(after: mondayInLondon) == ISO8601DateFormatter().date(from: "2026-06-09T23:00:00Z"))
    }

    @Test("day arithmetic crosses months, leap days and years")
    func arithmetic() {
        #expect(CalendarDate(year: 2028, month: 2, day: 28).adding(days: 1) == CalendarDate(year: 2028, month: 2, day: 29))
        #expect(CalendarDate(year: 2026, month: 12, day: 31).adding(days: 1) == CalendarDate(year: 2027, month: 1, day: 1))
        #expect(CalendarDate(year: 1970, month: 1, day: 1).weekday == 4)
        #expect(CalendarDate(year: 2026, month: 12, day: 7).weekday == 1)
    }
}
