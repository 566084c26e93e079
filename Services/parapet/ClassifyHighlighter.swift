/// Marks evidence spans in a text: ANSI bold red on a terminal, `[[…]]` anywhere else (a file, a
/// pipe, a test), so the marks survive copying into an email or an issue.
struct ClassifyHighlighter: Sendable {
    let open: String
    let close: String

    /// `[[` and `]]`.
    static let brackets = ClassifyHighlighter(open: "[[", close: "]]")
    /// Bold red, then back to normal.
    static let terminal = ClassifyHighlighter(open: "\u{1B}[1;31m", close: "\u{1B}[0m")

    /// The style for a stream: colour only on a terminal, and never when `NO_COLOR` is set.
    static func forStream(isTerminal: Bool, environment: [String: String]) -> ClassifyHighlighter {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty ? .terminal : .brackets
    }

    /// `text` with every span (UTF-16 offsets, half-open) marked; overlapping and touching spans
    /// are marked once as their union. A span end inside a surrogate pair is moved to the end of
    /// that character; spans past the end of the text stop at its end.
    func mark(_ text: String, spans: [(start: Int, end: Int)]) -> String {
        let merged = Self.union(spans.filter { $0.start < $0.end })
        guard !merged.isEmpty else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + merged.count * (open.utf8.count + close.utf8.count))
        var offset = 0
        var next = 0
        var inside = false
        for scalar in text.unicodeScalars {
            if inside, offset >= merged[next].end {
                result += close
                inside = false
                next += 1
            }
            if !inside, next < merged.count, offset >= merged[next].start {
                result += open
                inside = true
            }
            result.unicodeScalars.append(scalar)
            offset += scalar.utf16.count
        }
        if inside { result += close }
        return result
    }

    /// The union of `spans` as sorted, disjoint, non-touching ranges.
    static func union(_ spans: [(start: Int, end: Int)]) -> [(start: Int, end: Int)] {
        var merged: [(start: Int, end: Int)] = []
        for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if let last = merged.last, span.start <= last.end {
                merged[merged.count - 1].end = max(last.end, span.end)
            } else {
                merged.append(span)
            }
        }
        return merged
    }
}
