import Foundation

/// JSON written straight into bytes, piece by piece, for the messages Parapet writes tens of
/// thousands of times a second (posts, verdicts), where `JSONEncoder` cost more than the work.
///
/// The caller writes keys in sorted order and leaves absent optionals out, so the bytes are the
/// ones ``ParapetJSON`` would write for the same value; each writer has a differential test
/// against it.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// A writer that goes on from the end of `bytes` (a batch's output, one value after
    /// another), without copying them: ``finish()`` hands them back.
    public init(continuing bytes: consuming [UInt8]) {
        self.bytes = bytes
    }

    /// The bytes written, the writer left empty.
    public mutating func finish() -> [UInt8] {
        var out: [UInt8] = []
        swap(&out, &bytes)
        return out
    }

    /// JSON text written as it is: punctuation and keys.
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// JSON text already encoded, as it is.
    public mutating func append(json: [UInt8]) {
        bytes.append(contentsOf: json)
    }

    /// `value` as a quoted string, escaped as `JSONEncoder` escapes it.
    public mutating func string(_ value: String) {
        JSONStringEscaping.append(value, to: &bytes)
    }

    public mutating func integer(_ value: Int) {
        // Digits written in place, lowest first then turned round: no String per number.
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let start = bytes.count
        var rest = value.magnitude
        while rest > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        }
        bytes[start...].reverse()
    }

    /// `value` as a quoted upper-case UUID, as ``ParapetJSON`` writes one.
    public mutating func uuid(_ value: UUID) {
        bytes.append(UInt8(ascii: "\""))
        value.appendUppercased(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `value` as ``ParapetJSON/string(from:)`` writes it.
    public mutating func date(_ value: Date) {
        string(ParapetJSON.string(from: value))
    }
}

extension JSONWriter {
    /// A JSON object whose values are already JSON text, in the order given: for log lines and
    /// small HTTP bodies, whose keys read best in a fixed order.
    public static func object(_ fields: [(key: String, json: String)]) -> String {
        var out = "{"
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(",") }
            out.append(JSONStringEscaping.quoted(field.key))
            out.append(":")
            out.append(field.json)
        }
        out.append("}")
        return out
    }

    /// A JSON object of string values, keys sorted so output is stable.
    public static func object(strings: [String: String]) -> String {
        object(strings.sorted { $0.key < $1.key }.map { (key: $0.key, json: JSONStringEscaping.quoted($0.value)) })
    }
}
