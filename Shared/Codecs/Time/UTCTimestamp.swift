import Foundation

/// Parapet's one timestamp codec: its canonical text, `2026-09-21T08:15:00.250Z`, written and
/// read by plain arithmetic on the proleptic Gregorian calendar, for events, log lines and the
/// forms the platforms send (``unix(_:)``, ``iso8601(_:)``, ``twitter(_:)``).
///
/// Every post is encoded twice and every delivery carries dates, so Foundation's ISO 8601
/// formatter (a calendar per call) was the largest single cost of bulk import. This covers the
/// canonical forms between 1970 and 9999; ``ParapetJSON`` hands anything else to Foundation, so
/// what is accepted and what it means are unchanged (the differential tests check that).
public enum UTCTimestamp {
    /// 9999-12-31T23:59:59Z, the last second with a four-digit year.
    public static let latestSecond: Int64 = 253_402_300_799

    /// The current time, for log lines.
    public static func now() -> String {
        let milliseconds = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return format(seconds: milliseconds / 1000, milliseconds: milliseconds % 1000) ?? "\(milliseconds)ms"
    }

    /// `seconds` since 1970 plus `milliseconds` (0...999) as `YYYY-MM-DDTHH:MM:SS.mmmZ`; nil
    /// outside 1970...9999.
    public static func format(seconds: Int64, milliseconds: Int64) -> String? {
        guard (0...latestSecond).contains(seconds), (0..<1000).contains(milliseconds) else { return nil }
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (year, month, day) = civil(fromDays: Int(days))
        let clock = Int(secondOfDay)
        return String(unsafeUninitializedCapacity: 24) { text in
            func put(_ value: Int, at start: Int, digits: Int) {
                var value = value
                for index in stride(from: start + digits - 1, through: start, by: -1) {
                    text[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, at: 0, digits: 4)
            text[4] = UInt8(ascii: "-")
            put(month, at: 5, digits: 2)
            text[7] = UInt8(ascii: "-")
            put(day, at: 8, digits: 2)
            text[10] = UInt8(ascii: "T")
            put(clock / 3_600, at: 11, digits: 2)
            text[13] = UInt8(ascii: ":")
            put(clock / 60 % 60, at: 14, digits: 2)
            text[16] = UInt8(ascii: ":")
            put(clock % 60, at: 17, digits: 2)
            text[19] = UInt8(ascii: ".")
            put(Int(milliseconds), at: 20, digits: 3)
            text[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// Milliseconds since 1970 of `YYYY-MM-DDTHH:MM:SS[.f{1,3}](Z|z|±HH:MM)`, a real date and
    /// time between 1970 and 9999 (offset applied); nil for any other text, which may still be
    /// a date in a form this does not read.
    public static func parseMilliseconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parseMilliseconds(utf8: $0) }
    }

    static func parseMilliseconds(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count >= 20, bytes.count <= 29 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for index in start..<start + count {
                let digit = Int(bytes[index]) - 0x30
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
            let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
            hour < 24, minute < 60, second < 60,
            let days = days(year: year, month: month, day: day)
        else { return nil }
        var index = 19
        var milliseconds = 0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, digits < 4, (0x30...0x39).contains(bytes[index]) {
                milliseconds = milliseconds * 10 + Int(bytes[index]) - 0x30
                index += 1
                digits += 1
            }
            // More than three digits would need rounding the way Foundation's parser does.
            guard (1...3).contains(digits) else { return nil }
            for _ in digits..<3 { milliseconds *= 10 }
        }
        var offset = 0
        let rest = bytes.count - index
        if rest == 1, bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            offset = 0
        } else if rest == 6, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
            bytes[index + 3] == UInt8(ascii: ":"),
            let hours = number(index + 1, 2), let minutes = number(index + 4, 2), hours <= 18, minutes < 60
        {
            offset = (hours * 3_600 + minutes * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        let seconds = Int64(days) * 86_400 + Int64(hour * 3_600 + minute * 60 + second - offset)
        guard (0...latestSecond).contains(seconds) else { return nil }
        return seconds * 1000 + Int64(milliseconds)
    }

    /// Days from 1970-01-01 to a real date in 1970...9999; nil for a day that does not exist.
    public static func days(year: Int, month: Int, day: Int) -> Int? {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length = month == 2 ? (leap ? 29 : 28) : (month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31)
        guard (1970...9999).contains(year), (1...12).contains(month), (1...length).contains(day) else { return nil }
        return CivilDays.days(year: year, month: month, day: day)
    }

    /// The date `days` (on or after 1970-01-01) falls on.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        CivilDays.civil(fromDays: days)
    }
}
