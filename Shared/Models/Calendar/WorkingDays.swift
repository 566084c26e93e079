import Foundation

/// Working days in England and Wales: Monday to Friday, less the bank holidays of any year, for
/// deadlines the law counts in working days (a referral to the local authority designated
/// officer "within one working day", Keeping Children Safe in Education, part four).
///
/// The bank holidays are computed, not listed, so every year is known: New Year's Day, Good
/// Friday, Easter Monday, the early May, spring and summer bank holidays, Christmas Day and
/// Boxing Day, each moved to the next weekday when it falls at a weekend; and the one-off days
/// and moves proclaimed since 2011 (royal weddings, jubilees, a state funeral, a coronation).
public enum WorkingDays {
    /// The zone deadlines are counted in.
    public static let zone = TimeZone(identifier: "Europe/London") ?? .gmt

    /// Whether `date` is a bank holiday in England and Wales.
    public static func isBankHoliday(_ date: CalendarDate) -> Bool {
        bankHolidays(in: date.year).contains(date)
    }

    /// Whether `date` is a working day: a weekday that is not a bank holiday.
    public static func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && !isBankHoliday(date)
    }

    /// The first working day after `date`.
    public static func nextWorkingDay(after date: CalendarDate) -> CalendarDate {
        var day = date.adding(days: 1)
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// When something reported at `instant` is due "within one working day": the end of the
    /// first working day after the day it was reported (midnight in London at its close), so a
    /// report on Thursday before Easter is due at the end of the Tuesday after.
    public static func endOfNextWorkingDay(after instant: Date) -> Date {
        let due = nextWorkingDay(after: CalendarDate(instant, in: zone)).adding(days: 1)
        return due.startOfDay(in: zone)
    }

    /// England and Wales's bank holidays in `year`, in date order.
    public static func bankHolidays(in year: Int) -> [CalendarDate] {
        var days: [CalendarDate] = []
        // New Year's Day, or the Monday after when it falls at a weekend.
        days.append(CalendarDate(year: year, month: 1, day: 1).nextWeekdayIfWeekend)
        let easter = easterSunday(year)
        days.append(easter.adding(days: -2))
        days.append(easter.adding(days: 1))
        // Early May: the first Monday, moved to Friday 8 May for VE Day's 75th anniversary in 2020.
        days.append(year == 2020 ? CalendarDate(year: 2020, month: 5, day: 8) : CalendarDate.firstMonday(of: 5, in: year))
        if year == 2023 { days.append(CalendarDate(year: 2023, month: 5, day: 8)) }  // the coronation
        if year == 2011 { days.append(CalendarDate(year: 2011, month: 4, day: 29)) }  // a royal wedding
        // Spring: the last Monday of May, moved for the 2002, 2012 and 2022 jubilees.
        switch year {
        case 2002: days += [CalendarDate(year: 2002, month: 6, day: 3), CalendarDate(year: 2002, month: 6, day: 4)]
        case 2012: days += [CalendarDate(year: 2012, month: 6, day: 4), CalendarDate(year: 2012, month: 6, day: 5)]
        case 2022: days += [CalendarDate(year: 2022, month: 6, day: 2), CalendarDate(year: 2022, month: 6, day: 3)]
        default: days.append(CalendarDate.lastMonday(of: 5, in: year))
        }
        days.append(CalendarDate.lastMonday(of: 8, in: year))
        if year == 2022 { days.append(CalendarDate(year: 2022, month: 9, day: 19)) }  // a state funeral
        if year == 1999 { days.append(CalendarDate(year: 1999, month: 12, day: 31)) }  // the millennium
        // Christmas and Boxing Day: either at a weekend moves to the next free weekday.
        let christmas = CalendarDate(year: year, month: 12, day: 25)
        switch christmas.weekday {
        case 6: days += [CalendarDate(year: year, month: 12, day: 27), CalendarDate(year: year, month: 12, day: 28)]  // Saturday
        case 7: days += [CalendarDate(year: year, month: 12, day: 26), CalendarDate(year: year, month: 12, day: 27)]  // Sunday
        case 5: days += [christmas, CalendarDate(year: year, month: 12, day: 28)]  // Friday: Boxing Day on Saturday
        default: days += [christmas, CalendarDate(year: year, month: 12, day: 26)]
        }
        return days.sorted()
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
    static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)
    }
}

extension CalendarDate {
    /// The day `instant` falls on in `zone`.
    public init(_ instant: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    /// Midnight at the start of this day in `zone`.
    public func startOfDay(in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    var dayNumber: Int { CivilDays.days(year: year, month: month, day: day) }

    init(dayNumber: Int) {
        let (year, month, day) = CivilDays.civil(fromDays: dayNumber)
        self.init(year: year, month: month, day: day)
    }

    /// The day `days` after this one (before, when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// ISO weekday: 1 for Monday to 7 for Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday.
        ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1
    }

    public var isWeekend: Bool { weekday >= 6 }

    /// This day, or the Monday after when it is a Saturday or Sunday.
    var nextWeekdayIfWeekend: CalendarDate {
        switch weekday {
        case 6: adding(days: 2)
        case 7: adding(days: 1)
        default: self
        }
    }

    static func firstMonday(of month: Int, in year: Int) -> CalendarDate {
        let first = CalendarDate(year: year, month: month, day: 1)
        return first.adding(days: (8 - first.weekday) % 7)
    }

    static func lastMonday(of month: Int, in year: Int) -> CalendarDate {
        let last = CalendarDate(year: year, month: month, day: days(inMonth: month, year: year))
        return last.adding(days: -((last.weekday - 1) % 7))
    }
}
