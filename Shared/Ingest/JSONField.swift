import Foundation
import ParapetCodecs

/// A JSON value together with where it sits in the document (`entry[0].changes[1].value.verb`),
/// so that every type or value error names its path.
///
/// Optional members treat `null` like absence; required ones refuse both.
struct JSONField {
    let value: JSONValue
    /// The path from the document's root; empty for the root itself.
    let path: String
    /// How messages name the root (`body`).
    let rootName: String

    init(_ value: JSONValue, path: String = "", rootName: String = "body") {
        self.value = value
        self.path = path
        self.rootName = rootName
    }

    /// The path, or the root's name for the root.
    var label: String { path.isEmpty ? rootName : path }

    /// `label: problem` as an `invalid_field` error.
    func invalid(_ problem: String) -> IngestError {
        IngestError(.invalidField, "\(label): \(problem)")
    }

    /// An error saying the value is not the kind the field needs.
    func expected(_ kind: String) -> IngestError {
        invalid("expected \(kind), found \(value.summary)")
    }

    func child(_ key: String, _ value: JSONValue) -> JSONField {
        JSONField(value, path: path.isEmpty ? key : path + "." + key, rootName: rootName)
    }

    /// The value as an object.
    func object() throws(IngestError) -> JSONObject {
        guard case .object(let members) = value else { throw expected("an object") }
        return JSONObject(field: self, members: members)
    }

    /// The value as an array, each element knowing its index in the path.
    func array() throws(IngestError) -> [JSONField] {
        guard case .array(let elements) = value else { throw expected("an array") }
        return elements.enumerated().map { JSONField($1, path: "\(label)[\($0)]", rootName: rootName) }
    }

    func string() throws(IngestError) -> String {
        guard case .string(let text) = value else { throw expected("a string") }
        return text
    }

    /// A non-empty string, as a platform id or a name.
    func nonEmptyString() throws(IngestError) -> String {
        let text = try string()
        guard !text.isEmpty else { throw invalid("must not be empty") }
        return text
    }

    /// A platform id: a non-empty string, or a non-negative whole number kept digit for digit.
    func identifier() throws(IngestError) -> String {
        switch value {
        case .string(let text):
            guard !text.isEmpty else { throw invalid("must not be empty") }
            return text
        case .number(let literal) where literal.utf8.allSatisfy({ (0x30...0x39).contains($0) }):
            return literal
        default:
            throw expected("an id (a string or a whole number)")
        }
    }

    func bool() throws(IngestError) -> Bool {
        guard case .bool(let flag) = value else { throw expected("true or false") }
        return flag
    }

    /// A Unix time: seconds, or milliseconds when the number is too large to be seconds.
    func unixTime() throws(IngestError) -> Date {
        guard case .number(let literal) = value else { throw expected("a Unix time (a number)") }
        guard let date = UTCTimestamp.unix(literal) else { throw invalid("\(literal) is not a Unix time from 1970 to 9999") }
        return date
    }

    /// An ISO 8601 date and time with a zone, as a string.
    func isoTime() throws(IngestError) -> Date {
        let text = try string()
        guard let date = UTCTimestamp.iso8601(text) else {
            throw invalid("\(JSONStringEscaping.excerpt(text)) is not an ISO 8601 time")
        }
        return date
    }

    /// A Unix time as a number or as a string of digits (X sends `timestamp_ms` as a string).
    func unixTimeAllowingString() throws(IngestError) -> Date {
        if case .string(let text) = value {
            guard let date = UTCTimestamp.unix(text) else {
                throw invalid("\(JSONStringEscaping.excerpt(text)) is not a Unix time from 1970 to 9999")
            }
            return date
        }
        return try unixTime()
    }

    /// A Unix time as a number, or an ISO 8601 time as a string (Meta sends either).
    func unixOrISOTime() throws(IngestError) -> Date {
        if case .string = value { return try isoTime() }
        guard case .number = value else { throw expected("a Unix time or an ISO 8601 time") }
        return try unixTime()
    }

    /// An absolute http or https URL.
    func webURL() throws(IngestError) -> URL {
        let text = try string()
        guard let url = IngestURL.web(text) else { throw invalid("\(JSONStringEscaping.excerpt(text)) is not an http or https URL") }
        return url
    }
}

/// A JSON object with its path: members by key, each a ``JSONField`` with the key in its path.
struct JSONObject {
    let field: JSONField
    let members: [JSONMember]

    /// The member, or nil when it is absent or null; of a repeated key, the last.
    func optional(_ key: String) -> JSONField? {
        guard let member = members.last(where: { $0.key == key }), member.value != .null else { return nil }
        return field.child(key, member.value)
    }

    /// The member; absent or null is an `invalid_field` error.
    func required(_ key: String) throws(IngestError) -> JSONField {
        guard let member = optional(key) else { throw field.child(key, .null).invalid("is required but missing") }
        return member
    }

    /// The first of `keys` that is present; when none is, a missing-field error naming the first.
    func required(anyOf keys: String...) throws(IngestError) -> JSONField {
        for key in keys {
            if let member = optional(key) { return member }
        }
        return try required(keys.first ?? "")
    }
}
