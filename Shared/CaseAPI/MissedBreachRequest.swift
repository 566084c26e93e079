import Foundation
import ParapetModels

/// The body of `POST /v1/posts/{id}/missed-breaches`: a leader says a post the engine passed
/// breaks the policy. `{"behaviour": "abusive_language", "note": "Local slang for…"}`; the note
/// is optional.
struct MissedBreachRequest: Decodable, Sendable {
    var behaviour: String
    var note: String?

    /// The behaviour and note asked for, checked.
    ///
    /// - Throws: ``CaseAPIError`` (`invalid_request`) naming the field that is wrong.
    static func read(_ body: [UInt8]) throws(CaseAPIError) -> (behaviour: Behaviour, note: String?) {
        let request: MissedBreachRequest
        do {
            request = try ParapetJSON.decode(MissedBreachRequest.self, from: Data(body))
        } catch {
            let (path, reason) = EventDecodingError.location(of: error)
            throw CaseAPIError(.invalidRequest, "the body is not a missed breach: \(path): \(reason)")
        }
        guard let behaviour = Behaviour(name: request.behaviour) else {
            throw CaseAPIError(.invalidRequest, "$.behaviour: \(Behaviour.unknown(request.behaviour))")
        }
        let note = request.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let note, note.count > CaseActionRequest.noteLimit {
            throw CaseAPIError(.invalidRequest, "$.note: \(note.count) characters; at most \(CaseActionRequest.noteLimit)")
        }
        return (behaviour, note?.isEmpty == true ? nil : note)
    }
}
