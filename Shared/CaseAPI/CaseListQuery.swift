import Foundation
import ParapetModels
import ParapetStore

/// The query of `GET /v1/cases`: `school`, `status`, `severity`, `clause`, `behaviour`, `step`,
/// `overdue` (true or false), `opened_from` and `opened_before` (RFC 3339), `limit` (1–200,
/// default 50) and `cursor` (the `next_cursor` of the page before).
public struct CaseListQuery: Sendable {
    public var filter: CaseStore.Filter
    public var cursor: CaseStore.Cursor?
    public var limit: Int
    /// A school-bound token asked for another school: the answer is an empty list.
    public var listsNothing = false

    static let known: Set<String> = [
        "school", "status", "severity", "clause", "behaviour", "step", "overdue", "opened_from", "opened_before", "limit", "cursor",
    ]

    /// The query from `parameters` for a token of `trust` covering `school` (nil: all).
    ///
    /// - Throws: ``CaseAPIError`` (`invalid_request`) naming the parameter; `not_found` never:
    ///   a school the token does not cover simply lists nothing.
    public init(_ parameters: [(String, String)], trust: String, tokenSchool: String?) throws(CaseAPIError) {
        var values: [String: String] = [:]
        for (key, value) in parameters {
            guard Self.known.contains(key) else {
                throw CaseAPIError(
                    .invalidRequest, "query: unknown parameter \"\(key.prefix(40))\"; known: \(Self.known.sorted().joined(separator: ", "))")
            }
            values[key] = value
        }
        func choice<Value: NamedChoice>(_ key: String, _ type: Value.Type) throws(CaseAPIError) -> Value? {
            guard let text = values[key] else { return nil }
            guard let value = Value(name: text) else {
                throw CaseAPIError(
                    .invalidRequest, "query \(key): \"\(text.prefix(40))\" is not one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        }
        func date(_ key: String) throws(CaseAPIError) -> Date? {
            guard let text = values[key] else { return nil }
            guard let date = ParapetJSON.date(from: text) else {
                throw CaseAPIError(.invalidRequest, "query \(key): \"\(text.prefix(40))\" is not an RFC 3339 time such as 2026-09-21T08:00:00Z")
            }
            return date
        }
        var school = values["school"]
        if let tokenSchool {
            // A school-bound token lists its own school; asking for another lists nothing.
            if let asked = school, asked != tokenSchool { listsNothing = true }
            school = tokenSchool
        }
        var overdue: Bool?
        if let text = values["overdue"] {
            guard text == "true" || text == "false" else { throw CaseAPIError(.invalidRequest, "query overdue: true or false") }
            overdue = text == "true"
        }
        filter = CaseStore.Filter(
            trust: trust, school: school, status: try choice("status", CaseState.Status.self),
            severity: try choice("severity", Severity.self), clause: values["clause"], behaviour: try choice("behaviour", Behaviour.self),
            step: try choice("step", LadderStep.self), overdue: overdue, openedFrom: try date("opened_from"),
            openedBefore: try date("opened_before"))
        limit = 50
        if let text = values["limit"] {
            guard let value = Int(text), (1...200).contains(value) else {
                throw CaseAPIError(.invalidRequest, "query limit: a whole number from 1 to 200")
            }
            limit = value
        }
        if let text = values["cursor"] {
            guard let cursor = Self.cursor(text) else { throw CaseAPIError(.invalidRequest, "query cursor: not a cursor this API gave") }
            self.cursor = cursor
        }
    }

    /// A cursor as the list gives it: `<milliseconds since 1970>.<case id>`.
    static func text(_ cursor: CaseStore.Cursor) -> String {
        "\(Int64((cursor.openedAt.timeIntervalSince1970 * 1000).rounded())).\(cursor.id.uuidString.lowercased())"
    }

    static func cursor(_ text: String) -> CaseStore.Cursor? {
        let parts = text.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let millis = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else { return nil }
        return CaseStore.Cursor(openedAt: Date(timeIntervalSince1970: Double(millis) / 1000), id: id)
    }
}
