import Foundation

/// ISO 8601 timestamps in UTC with milliseconds, e.g. `2025-11-21T05:40:12.345Z`.
///
/// Formatted by hand: `DateFormatter` is slow and not guaranteed thread-safe, and a log line
/// must be cheap.
public enum LogTimestamp {
    /// The current time.
    public static func now() -> String {
        let milliseconds = Int((Date().timeIntervalSince1970 * 1000).rounded(.down))
        return format(seconds: milliseconds / 1000, milliseconds: milliseconds % 1000)
    }

    /// The time `seconds` (since 1970, UTC) plus `milliseconds`.
    public static func format(seconds: Int, milliseconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var out = ""
        out.reserveCapacity(24)
        append(Int(parts.tm_year) + 1900, width: 4, to: &out)
        out.append("-")
        append(Int(parts.tm_mon) + 1, width: 2, to: &out)
        out.append("-")
        append(Int(parts.tm_mday), width: 2, to: &out)
        out.append("T")
        append(Int(parts.tm_hour), width: 2, to: &out)
        out.append(":")
        append(Int(parts.tm_min), width: 2, to: &out)
        out.append(":")
        append(Int(parts.tm_sec), width: 2, to: &out)
        out.append(".")
        append(milliseconds, width: 3, to: &out)
        out.append("Z")
        return out
    }

    private static func append(_ number: Int, width: Int, to out: inout String) {
        let digits = String(number)
        if digits.count < width { out.append(String(repeating: "0", count: width - digits.count)) }
        out.append(digits)
    }
}
