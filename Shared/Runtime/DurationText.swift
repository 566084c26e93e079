/// Durations as operators write them: `500ms`, `10s`, `2m`, `1h`.
enum DurationText {
    private static let units: [(suffix: String, duration: Duration)] = [
        ("ms", .milliseconds(1)), ("s", .seconds(1)), ("m", .seconds(60)), ("h", .seconds(3600)),
    ]

    /// Parses a whole number followed by a unit; `nil` if `text` is not of that form.
    static func parse(_ text: String) -> Duration? {
        // Longest suffix first so that "ms" is not read as "m".
        for unit in units.sorted(by: { $0.suffix.count > $1.suffix.count }) where text.hasSuffix(unit.suffix) {
            let number = text.dropLast(unit.suffix.count)
            // The upper bound keeps the multiplication far from overflow; no setting needs more.
            guard number.allSatisfy(\.isASCII), let count = Int(number), (0...1_000_000_000).contains(count) else { return nil }
            return unit.duration * count
        }
        return nil
    }

    /// `duration` in the largest unit that represents it exactly, e.g. `2m`, `1500ms`.
    static func format(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        guard milliseconds != 0 else { return "0s" }
        for unit in units.reversed() {
            let unitMilliseconds = unit.duration.components.seconds * 1000 + unit.duration.components.attoseconds / 1_000_000_000_000_000
            if milliseconds % unitMilliseconds == 0 {
                return "\(milliseconds / unitMilliseconds)\(unit.suffix)"
            }
        }
        return "\(milliseconds)ms"
    }
}
