import Foundation

/// The one JSON dialect every Parapet service writes and reads, so that all of them encode the
/// same value to the same bytes.
///
/// - Keys are sorted; slashes are not escaped.
/// - Dates are ISO 8601 in UTC with exactly three fractional digits, `2026-09-21T08:15:00.250Z`.
///   Dates are rounded to the millisecond on the wire, so a date survives a round trip exactly
///   when it is a whole number of milliseconds (every date this decoder returns is one).
///   Decoding also accepts fewer or more fractional digits and any zone offset (`+01:00`), but
///   requires a zone.
public enum ParapetJSON {
    /// A new encoder in Parapet's dialect.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(string(from: date))
        }
        return encoder
    }

    /// A new decoder in Parapet's dialect.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an ISO 8601 date and time with a zone: \(text)")
            }
            return date
        }
        return decoder
    }

    /// `value` as JSON in Parapet's dialect.
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        try makeEncoder().encode(value)
    }

    /// A `Value` from JSON in Parapet's dialect.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try makeDecoder().decode(type, from: data)
    }

    /// `date` as Parapet writes it: `2026-09-21T08:15:00.250Z`.
    public static func string(from date: Date) -> String {
        let (seconds, milliseconds) = millisecondParts(of: totalMilliseconds(of: date))
        if let text = UTCTimestamp.format(seconds: seconds, milliseconds: milliseconds) { return text }
        let whole = wholeSeconds.format(Date(timeIntervalSince1970: Double(seconds)))
        let digits = String(milliseconds)
        return "\(whole.dropLast())." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// The date an ISO 8601 date and time with a zone names, to the millisecond; nil if `text` is not one.
    public static func date(from text: String) -> Date? {
        if let total = UTCTimestamp.parseMilliseconds(text) { return date(milliseconds: total) }
        guard let parsed = try? parser.parse(text) else { return nil }
        return wholeMilliseconds(parsed)
    }

    /// `date` as this decoder returns it after a round trip: the nearest millisecond, made up
    /// as whole seconds plus milliseconds, so that equal instants compare equal.
    public static func wholeMilliseconds(_ date: Date) -> Date {
        self.date(milliseconds: totalMilliseconds(of: date))
    }

    private static func date(milliseconds total: Int64) -> Date {
        let (seconds, milliseconds) = millisecondParts(of: total)
        return Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1000)
    }

    private static let wholeSeconds = Date.ISO8601FormatStyle()
    private static let parser = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Milliseconds since 1970, rounded to the nearest.
    private static func totalMilliseconds(of date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// Whole seconds since 1970 and the milliseconds after them (0...999), of `total` milliseconds.
    private static func millisecondParts(of total: Int64) -> (seconds: Int64, milliseconds: Int64) {
        var (seconds, milliseconds) = total.quotientAndRemainder(dividingBy: 1000)
        if milliseconds < 0 {
            seconds -= 1
            milliseconds += 1000
        }
        return (seconds, milliseconds)
    }
}
