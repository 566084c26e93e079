import Foundation
import ParapetModels

/// Reads a `parapet.post/1` envelope straight from its bytes, several times faster than
/// `JSONDecoder`, which at the classifier's rate would take more CPU than the policy engine.
///
/// It is a fast path, never the judge: it returns a post only for a well-formed envelope whose
/// every field it understands, and then exactly the value ``IncomingEvent/init(json:)`` would
/// give. For anything else (another schema or version, a field out of place, an escape or a
/// number it does not handle, bad UTF-8, a duplicate key) it returns nil, and the caller reads
/// the message with ``IncomingEvent``, which accepts every schema version the models accept and
/// says precisely what is wrong with a bad message.
enum PostEnvelopeReader {
    static func read(_ bytes: [UInt8]) -> Envelope<Post>? {
        bytes.withUnsafeBufferPointer { buffer in
            // Checked once here, so each string below is made without checking again.
            guard UTF8Validation.isValid(buffer) else { return nil }
            var reader = JSONCursor(buffer)
            guard let envelope = reader.envelope(), reader.atEnd() else { return nil }
            return envelope
        }
    }
}

/// A forward-only reader over one JSON document, for the shapes ``PostEnvelopeReader`` knows.
/// Every method returns nil (or false) when the input is not exactly what it expects.
private struct JSONCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Shapes

    mutating func envelope() -> Envelope<Post>? {
        var schema: String?, id: UUID?, trust: String?, school: String?, occurredAt: Date?, payload: Post?
        let complete = object { key, cursor in
            switch key {
            case "schema": return assign(&schema, cursor.string())
            case "id": return assign(&id, cursor.uuid())
            case "trust": return assign(&trust, cursor.string())
            case "school": return assign(&school, cursor.string())
            case "occurred_at": return assign(&occurredAt, cursor.date())
            case "payload": return assign(&payload, cursor.post())
            default: return cursor.skipValue()
            }
        }
        guard complete, schema == EventSchema.postV1.description, let id, let trust, let school, let occurredAt,
            let payload, payload.school == school
        else { return nil }
        return Envelope(schema: .postV1, id: id, trust: trust, school: school, occurredAt: occurredAt, payload: payload)
    }

    mutating func post() -> Post? {
        var id: UUID?, trust: String?, school: String?, account: String?, platform: MonitoredAccount.Platform?
        var externalID: String?, author: PostAuthor?, text: String?, media: [MediaAttachment]?
        var createdAt: Date?, receivedAt: Date?, revision: Int?
        var replyTo: String??, permalink: URL??, editedAt: Date??, removedAt: Date??
        let complete = object { key, cursor in
            switch key {
            case "id": return assign(&id, cursor.uuid())
            case "trust": return assign(&trust, cursor.string())
            case "school": return assign(&school, cursor.string())
            case "account": return assign(&account, cursor.string())
            case "platform": return assign(&platform, cursor.string().flatMap(MonitoredAccount.Platform.init(rawValue:)))
            case "external_id": return assign(&externalID, cursor.string())
            case "author": return assign(&author, cursor.author())
            case "text": return assign(&text, cursor.string())
            case "media": return assign(&media, cursor.array { $0.attachment() })
            case "reply_to": return assign(&replyTo, cursor.optional { $0.string() })
            case "created_at": return assign(&createdAt, cursor.date())
            case "received_at": return assign(&receivedAt, cursor.date())
            case "permalink": return assign(&permalink, cursor.optional { $0.string().flatMap { URL(string: $0) } })
            case "revision": return assign(&revision, cursor.integer())
            case "edited_at": return assign(&editedAt, cursor.optional { $0.date() })
            case "removed_at": return assign(&removedAt, cursor.optional { $0.date() })
            default: return cursor.skipValue()
            }
        }
        guard complete, let id, let trust, let school, let account, let platform, let externalID, let author, let text,
            let media, let createdAt, let receivedAt, let revision, revision >= 1
        else { return nil }
        return Post(
            id: id, trust: trust, school: school, account: account, platform: platform, externalID: externalID,
            author: author, text: text, media: media, replyTo: replyTo ?? nil, createdAt: createdAt, receivedAt: receivedAt,
            permalink: permalink ?? nil, revision: revision, editedAt: editedAt ?? nil, removedAt: removedAt ?? nil)
    }

    mutating func author() -> PostAuthor? {
        var handle: String?, displayName: String??, kind: PostAuthor.Kind??
        let complete = object { key, cursor in
            switch key {
            case "handle": return assign(&handle, cursor.string())
            case "display_name": return assign(&displayName, cursor.optional { $0.string() })
            case "kind": return assign(&kind, cursor.optional { $0.string().flatMap(PostAuthor.Kind.init(rawValue:)) })
            default: return cursor.skipValue()
            }
        }
        guard complete, let handle else { return nil }
        return PostAuthor(handle: handle, displayName: displayName ?? nil, kind: (kind ?? nil) ?? .unknown)
    }

    mutating func attachment() -> MediaAttachment? {
        var url: URL?, type: MediaAttachment.Kind?, altText: String??, sha256: String??, tagged: [String]??
        let complete = object { key, cursor in
            switch key {
            case "url": return assign(&url, cursor.string().flatMap { URL(string: $0) })
            case "type": return assign(&type, cursor.string().flatMap(MediaAttachment.Kind.init(rawValue:)))
            case "alt_text": return assign(&altText, cursor.optional { $0.string() })
            case "sha256": return assign(&sha256, cursor.optional { $0.string() })
            case "tagged_people": return assign(&tagged, cursor.optional { $0.array { $0.string() } })
            default: return cursor.skipValue()
            }
        }
        guard complete, let url, let type else { return nil }
        return MediaAttachment(url: url, type: type, altText: altText ?? nil, sha256: sha256 ?? nil, taggedPeople: tagged ?? nil)
    }

    // MARK: Structure

    /// Reads an object, handing each member's key to `member`, which reads the value and says
    /// whether it could. False for a repeated key (decoders disagree on which one wins) and for
    /// a key with escapes.
    mutating func object(_ member: (JSONKey, inout JSONCursor) -> Bool) -> Bool {
        skipWhitespace()
        guard take(UInt8(ascii: "{")), enter() else { return false }
        defer { depth -= 1 }
        var keys: [JSONKey] = []
        keys.reserveCapacity(16)
        skipWhitespace()
        if take(UInt8(ascii: "}")) { return true }
        while true {
            skipWhitespace()
            guard let key = plainKey(), !keys.contains(key) else { return false }
            keys.append(key)
            skipWhitespace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard member(key, &self) else { return false }
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    mutating func array<Element>(_ element: (inout JSONCursor) -> Element?) -> [Element]? {
        skipWhitespace()
        guard take(UInt8(ascii: "[")), enter() else { return nil }
        defer { depth -= 1 }
        var elements: [Element] = []
        skipWhitespace()
        if take(UInt8(ascii: "]")) { return elements }
        while true {
            skipWhitespace()
            guard let value = element(&self) else { return nil }
            elements.append(value)
            skipWhitespace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? elements : nil
        }
    }

    /// `null` as `.some(nil)`, else the value `read` reads; nil when neither.
    mutating func optional<Value>(_ read: (inout JSONCursor) -> Value?) -> Value?? {
        skipWhitespace()
        if literal("null") { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    /// Skips any value, to a bounded depth.
    mutating func skipValue() -> Bool {
        skipWhitespace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object { _, cursor in cursor.skipValue() }
        case UInt8(ascii: "["): return array { $0.skipValue() ? true : nil } != nil
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    /// Whether only white space is left.
    mutating func atEnd() -> Bool {
        skipWhitespace()
        return index == bytes.count
    }

    // MARK: Scalars

    /// A key: a string without escapes, as its bytes in the document.
    private mutating func plainKey() -> JSONKey? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                defer { index += 1 }
                return JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<index]))
            case UInt8(ascii: "\\"), 0..<0x20:
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    /// A string; nil for anything else, or for an escape that is not JSON's. The document was
    /// checked to be UTF-8 beforehand.
    mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return String(decoding: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
            if byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    /// The rest of a string that holds escapes, from its first byte at `start`.
    private mutating func escapedString(from start: Int) -> String? {
        var decoded = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                // Valid: the bytes were checked, and escapes are encoded here as UTF-8.
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low)
                        else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        return nil
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    decoded.append(contentsOf: UTF8.encode(unicode)!)
                default: return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                decoded.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            index += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A UUID written plainly as 8-4-4-4-12 hex digits, without escapes.
    mutating func uuid() -> UUID? {
        guard index + 38 <= bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[index + 37] == UInt8(ascii: "\""),
            let uuid = UUID(canonicalText: UnsafeBufferPointer(rebasing: bytes[index + 1..<index + 37]))
        else { return nil }
        index += 38
        return uuid
    }

    /// A whole number written plainly (`0`, `-3`, `42`): no fraction, exponent or leading zero.
    mutating func integer() -> Int? {
        let negative = take(UInt8(ascii: "-"))
        let start = index
        var value = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
            guard !overflow, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return nil }
        return negative ? -value : value
    }

    /// Skips a JSON number.
    private mutating func number() -> Bool {
        let start = index
        _ = take(UInt8(ascii: "-"))
        var sawDigit = false
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"): break
            default: return sawDigit && index > start
            }
            index += 1
        }
        return sawDigit
    }

    /// A date as ParapetJSON reads it.
    mutating func date() -> Date? {
        guard let text = string() else { return nil }
        return FastDate.parse(text)
    }

    // MARK: Bytes

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func enter() -> Bool {
        depth += 1
        return depth <= 16
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }
}

/// An object's key as it appears in the document, matched against literals without making a
/// `String` (`case "text":` in a `switch`).
private struct JSONKey: Equatable {
    let bytes: UnsafeBufferPointer<UInt8>

    static func == (lhs: JSONKey, rhs: JSONKey) -> Bool {
        lhs.bytes.count == rhs.bytes.count && memcmp(lhs.bytes.baseAddress!, rhs.bytes.baseAddress!, lhs.bytes.count) == 0
    }

    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        pattern.utf8CodeUnitCount == key.bytes.count && memcmp(pattern.utf8Start, key.bytes.baseAddress!, key.bytes.count) == 0
    }
}

/// Sets `slot` to `value`; false when there is no value (the member could not be read).
private func assign<Value>(_ slot: inout Value?, _ value: Value?) -> Bool {
    guard let value else { return false }
    slot = value
    return true
}

/// Dates in the form ParapetJSON writes (`2026-09-21T08:15:00.250Z`, or without the fraction)
/// computed directly; any other form goes to ``ParapetJSON/date(from:)``. Either way the result
/// is the one ParapetJSON's decoder gives.
enum FastDate {
    static func parse(_ text: String) -> Date? {
        var text = text
        let fast: Date?? = text.withUTF8 { utf8 in
            guard utf8.count == 24 || utf8.count == 20, utf8[utf8.count - 1] == UInt8(ascii: "Z") else { return nil }
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let byte = utf8[index]
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"), utf8[10] == UInt8(ascii: "T"),
                utf8[13] == UInt8(ascii: ":"), utf8[16] == UInt8(ascii: ":"),
                let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
                let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
                year >= 1970, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
                hour < 24, minute < 60, second < 60
            else { return nil }
            var milliseconds = 0
            if utf8.count == 24 {
                guard utf8[19] == UInt8(ascii: "."), let fraction = digits(20..<23) else { return nil }
                milliseconds = fraction
            }
            let days = daysSinceEpoch(year: year, month: month, day: day)
            let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
            return .some(Date(timeIntervalSince1970: Double(seconds) + Double(milliseconds) / 1000))
        }
        if let fast { return fast }
        return ParapetJSON.date(from: text)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
