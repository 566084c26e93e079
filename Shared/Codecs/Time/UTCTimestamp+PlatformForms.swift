import Foundation

/// The time formats the platforms send, read into dates between 1970 and the end of 9999 (so
/// that every date survives Parapet's millisecond JSON encoding).
extension UTCTimestamp {
    /// 9999-12-31T23:59:59Z.
    static let latest = Double(UTCTimestamp.latestSecond)

    /// A Unix time in seconds, or in milliseconds when the value is above 10^11 (year 5138 in
    /// seconds; some Instagram deliveries and X's `timestamp_ms` count milliseconds).
    public static func unix(_ literal: String) -> Date? {
        guard literal.utf8.count <= 40,
            literal.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 || $0 == 0x2B }),
            var seconds = Double(literal), seconds.isFinite, seconds >= 0
        else { return nil }
        if seconds > 100_000_000_000 { seconds /= 1000 }
        guard seconds <= latest else { return nil }
        return Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)
    }

    /// An ISO 8601 date and time with a zone, as ``ParapetJSON`` reads it; a zone written
    /// without a colon (`+0000`, as Meta writes it) is accepted too.
    public static func iso8601(_ text: String) -> Date? {
        guard text.utf8.count <= 64, text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var normalised = text
        let tail = Array(text.utf8.suffix(6))
        if tail.count == 6, (0x30...0x39).contains(tail[0]),
            tail[1] == UInt8(ascii: "+") || tail[1] == UInt8(ascii: "-"),
            tail[2...].allSatisfy({ (0x30...0x39).contains($0) })
        {
            normalised.insert(":", at: normalised.index(normalised.endIndex, offsetBy: -2))
        }
        guard let date = ParapetJSON.date(from: normalised) else { return nil }
        return inRange(date)
    }

    /// X's v1.1 `created_at`: `Wed Oct 10 20:19:24 +0000 2018` (English names, always).
    public static func twitter(_ text: String) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].count == 3,
            let month = months.firstIndex(of: String(parts[1])),
            let day = Int(parts[2]), parts[2].count <= 2,
            let zone = zoneOffset(parts[4]),
            parts[5].count == 4, let year = Int(parts[5])
        else { return nil }
        let clock = parts[3].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
            (0..<24).contains(hour), (0..<60).contains(minute), (0...60).contains(second),
            let days = days(year: year, month: month + 1, day: day)
        else { return nil }
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second - zone)
        guard seconds >= 0 else { return nil }
        return inRange(Date(timeIntervalSince1970: seconds))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `+hhmm` or `-hhmm` as seconds east of UTC.
    private static func zoneOffset(_ text: Substring) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"),
            let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.suffix(2)),
            hours < 24, minutes < 60
        else { return nil }
        let offset = hours * 3_600 + minutes * 60
        return bytes[0] == UInt8(ascii: "-") ? -offset : offset
    }

    private static func inRange(_ date: Date) -> Date? {
        let seconds = date.timeIntervalSince1970
        return seconds >= 0 && seconds <= latest ? date : nil
    }
}
