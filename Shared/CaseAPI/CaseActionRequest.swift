import Foundation
import ParapetEscalation
import ParapetModels

/// The body of `POST /v1/cases/{id}/actions`:
/// `{"action": "police_contacted", "note": "Rang 101", "reference": "CAD 1234"}`.
///
/// `note` is required for every action: the reason or what was done. `reference` goes with
/// `police_contacted` and `lado_referred`, `assignee` (an email address) with `assign`,
/// `outcome` with `close`, `into` (a case id) with `merge`.
struct CaseActionRequest: Decodable {
    var action: String
    var note: String?
    var reference: String?
    var assignee: String?
    var outcome: String?
    var into: String?

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
        return try request.checked()
    }

    private func checked() throws(CaseAPIError) -> (action: CaseAction, note: String) {
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
