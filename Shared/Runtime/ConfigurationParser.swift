import Foundation
import Logging

/// Turns the text of one variable into a typed value, or rejects it with a reason.
///
/// The built-in parsers cover what services need (`.string`, `.int(in:)`, `.port`, `.bool`,
/// `.duration()`, `.url(schemes:)`, `.hostPorts`, `.oneOf(_:)`, `.choice(_:)`); a service can make its own
/// with ``init(expected:parse:)``. Values reach the parser trimmed of surrounding spaces and never empty.
public struct ConfigurationParser<Value: Sendable>: Sendable {
    /// What a valid value looks like, shown after "expected" in error messages.
    public var expected: String
    private let parseText: @Sendable (String) throws(ConfigurationRejection) -> Value

    /// A parser that explains itself as `expected` and converts text with `parse`.
    public init(expected: String, parse: @escaping @Sendable (String) throws(ConfigurationRejection) -> Value) {
        self.expected = expected
        self.parseText = parse
    }

    /// Parses `text`, or says why it is not acceptable.
    public func parse(_ text: String) throws(ConfigurationRejection) -> Value {
        try parseText(text)
    }

    /// A parser that applies `transform` to every value this one accepts.
    public func map<T: Sendable>(
        expected: String? = nil, _ transform: @escaping @Sendable (Value) throws(ConfigurationRejection) -> T
    ) -> ConfigurationParser<T> {
        ConfigurationParser<T>(expected: expected ?? self.expected) { text throws(ConfigurationRejection) in
            try transform(try self.parse(text))
        }
    }
}

extension ConfigurationParser where Value == String {
    /// Any non-empty text.
    public static var string: Self { .string(expected: "a value") }

    /// Any non-empty text, described as `expected` in error messages.
    public static func string(expected: String) -> Self {
        Self(expected: expected) { $0 }
    }

    /// One of the given words, matched case-insensitively and returned as written in `allowed`.
    public static func oneOf(_ allowed: [String]) -> Self {
        Self(expected: ConfigurationParserText.list(allowed)) { text throws(ConfigurationRejection) in
            guard let match = allowed.first(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) else {
                throw ConfigurationRejection("is not one of the allowed values")
            }
            return match
        }
    }
}

extension ConfigurationParser where Value == Int {
    /// A whole number within `range`.
    public static func int(in range: ClosedRange<Int>) -> Self {
        Self(expected: "\(range.lowerBound)...\(range.upperBound)") { text throws(ConfigurationRejection) in
            guard let number = Int(text) else { throw ConfigurationRejection("is not a whole number") }
            guard range.contains(number) else { throw ConfigurationRejection.outOfRange }
            return number
        }
    }

    /// A TCP port, 1...65535.
    public static var port: Self { .int(in: 1...65535) }
}

extension ConfigurationParser where Value == Bool {
    /// `true`/`false`, `yes`/`no`, `on`/`off` or `1`/`0`, in any case.
    public static var bool: Self {
        Self(expected: "true or false") { text throws(ConfigurationRejection) in
            switch text.lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: throw ConfigurationRejection("is not true or false")
            }
        }
    }
}

extension ConfigurationParser where Value == Duration {
    /// A whole number with a unit (`ms`, `s`, `m` or `h`), e.g. `500ms`, `10s`, `2m`, optionally within `range`.
    public static func duration(in range: ClosedRange<Duration>? = nil) -> Self {
        let expected = range.map {
            "a duration from \(DurationText.format($0.lowerBound)) to \(DurationText.format($0.upperBound)), e.g. 500ms, 10s or 2m"
        }
        return Self(expected: expected ?? "a duration such as 500ms, 10s or 2m") { text throws(ConfigurationRejection) in
            guard let duration = DurationText.parse(text) else {
                throw ConfigurationRejection("is not a duration")
            }
            if let range, !range.contains(duration) { throw ConfigurationRejection.outOfRange }
            return duration
        }
    }
}

extension ConfigurationParser where Value == URL {
    /// An absolute URL with a host, whose scheme is one of `schemes` (compared case-insensitively).
    public static func url(schemes: [String]) -> Self {
        let expected = "a URL starting " + ConfigurationParserText.list(schemes.map { "\($0)://" })
        return Self(expected: expected) { text throws(ConfigurationRejection) in
            guard let url = URL(string: text), let scheme = url.scheme else {
                throw ConfigurationRejection("is not a URL")
            }
            guard schemes.contains(where: { $0.caseInsensitiveCompare(scheme) == .orderedSame }) else {
                throw ConfigurationRejection("has the wrong scheme")
            }
            guard let host = url.host, !host.isEmpty else {
                throw ConfigurationRejection("has no host")
            }
            return url
        }
    }
}

extension ConfigurationParser where Value == [HostPort] {
    /// A comma-separated list of `host:port` (IPv6 as `[address]:port`), at least one entry.
    public static var hostPorts: Self {
        Self(expected: "host:port[,host:port...]") { text throws(ConfigurationRejection) in
            var endpoints: [HostPort] = []
            for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = entry.trimmingSpaces()
                guard !trimmed.isEmpty else { throw ConfigurationRejection("has an empty entry") }
                endpoints.append(try HostPort.parse(trimmed))
            }
            return endpoints
        }
    }
}

extension ConfigurationParser where Value: CaseIterable & RawRepresentable, Value.RawValue == String {
    /// One of the cases of `Value`, by raw value, matched case-insensitively.
    public static func choice(_ type: Value.Type = Value.self) -> Self {
        let cases = Array(Value.allCases)
        return ConfigurationParser<String>.oneOf(cases.map(\.rawValue)).map { word throws(ConfigurationRejection) in
            guard let value = cases.first(where: { $0.rawValue == word }) else {
                throw ConfigurationRejection("is not one of the allowed values")
            }
            return value
        }
    }
}

extension ConfigurationParser where Value == Logger.Level {
    /// A swift-log level: `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.
    public static var logLevel: Self { .choice() }
}

/// Wording shared by the parsers' "expected" texts.
enum ConfigurationParserText {
    /// `a`, `a or b`, `a, b or c`.
    static func list(_ words: [String]) -> String {
        guard let last = words.last else { return "nothing" }
        let head = words.dropLast()
        return head.isEmpty ? last : head.joined(separator: ", ") + " or " + last
    }
}
