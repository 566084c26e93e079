import Foundation
import ParapetEscalation
import ParapetModels

/// The body of `POST /v1/cases/{id}/actions`:
/// `{"action": "police_contacted", "note": "Rang 101", "reference": "CAD 1234"}`.
///
/// `note` is required for every action: the reason or what was done. `reference` goes with
/// `police_contacted` and `lado_referred`, `assignee` (an email address) with `assign`,
/// `outcome` with `close`, `into` (a case id) with `merge`.
public struct CaseActionRequest: Decodable, Sendable {
    public var action: String
    public var note: String?
    public var reference: String?
    public var assignee: String?
    public var outcome: String?
    public var into: String?

    public init(
        action: String, note: String? = nil, reference: String? = nil, assignee: String? = nil, outcome: String? = nil, into: String? = nil
    ) {
        self.action = action
        self.note = note
        self.reference = reference
        self.assignee = assignee
        self.outcome = outcome
        self.into = into
    }

    /// The longest note kept; a note is a sentence or two, not a document.
    static let noteLimit = 4000

    /// The request in `body`, checked.
    ///
    /// - Throws: ``CaseAPIError`` (`invalid_request`) naming the field that is wrong.
    static func read(_ body: [UInt8]) throws(CaseAPIError) -> (action: CaseAction, note: String) {
        let request: CaseActionRequest
        do {
            request = try ParapetJSON.decode(CaseActionRequest.self, from: Data(body))
        } catch {
            let (path, reason) = EventDecodingError.location(of: error)
            throw CaseAPIError(.invalidRequest, "the body is not a case action: \(path): \(reason)")
        }
        return try request.checkedFields()
    }

    /// The action and note asked for, checked: what the case pages' forms submit too.
    ///
    /// - Throws: ``CaseAPIError`` (`invalid_request`) naming the field that is wrong.
    public func checked() throws(CaseAPIError) -> (action: CaseAction, note: String) {
        try checkedFields()
    }

    private func checkedFields() throws(CaseAPIError) -> (action: CaseAction, note: String) {
        let note = (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw CaseAPIError(.invalidRequest, "$.note: missing; every action needs a reason or note") }
        guard note.count <= Self.noteLimit else {
            throw CaseAPIError(.invalidRequest, "$.note: \(note.count) characters; at most \(Self.noteLimit)")
        }
        return (try caseAction(), note)
    }

    private func caseAction() throws(CaseAPIError) -> CaseAction {
        switch action {
        case "acknowledge": return .acknowledge
        case "assign":
            guard let assignee = assignee?.trimmingCharacters(in: .whitespaces), assignee.contains("@") else {
                throw CaseAPIError(.invalidRequest, "$.assignee: assign needs the email address of a contact")
            }
            return .assign(to: assignee)
        case "unassign": return .unassign
        case "note": return .note
        case "not_a_breach": return .notABreach
        case "close":
            guard let outcome, let closure = CaseState.Closure(rawValue: outcome), CaseState.Closure.outcomes.contains(closure) else {
                throw CaseAPIError(
                    .invalidRequest,
                    "$.outcome: close needs one of \(CaseState.Closure.outcomes.map(\.rawValue).joined(separator: ", "))")
            }
            return .close(closure)
        case "reopen": return .reopen
        case "merge":
            guard let into, let id = UUID(uuidString: into) else {
                throw CaseAPIError(.invalidRequest, "$.into: merge needs the id of the case to merge into")
            }
            return .merge(into: id)
        default:
            guard let name = CaseStepTaken.Name(rawValue: action) else {
                throw CaseAPIError(
                    .invalidRequest, "$.action: \"\(action.prefix(60))\" is not one of \(CaseAction.names.joined(separator: ", "))")
            }
            guard let step = CaseStepTaken(name, reference: reference) else {
                throw CaseAPIError(.invalidRequest, "$.reference: \(name.rawValue) needs the reference given")
            }
            return .record(step)
        }
    }
}
