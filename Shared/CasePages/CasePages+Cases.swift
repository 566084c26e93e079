import Foundation
import HTTPTypes
import Hummingbird
import ParapetCaseAPI
import ParapetEscalation
import ParapetModels
import ParapetNotifications
import ParapetStore

extension CasePages {
    /// The most cases the list shows at once.
    static let listLimit = 200

    /// `GET /cases`: the open cases of the leader's schools, most severe and newest first,
    /// filtered as the case API filters.
    func myCases(_ visit: inout Visit) async throws -> Response {
        guard let leader = visit.leader, let escalator = visit.escalator else { throw PageProblem.notFound() }
        let configuration = escalator.configuration
        // Empty fields of the filter form mean "any".
        let parameters = visit.request.uri.queryParameters.map { (String($0.key), String($0.value)) }.filter { !$0.1.isEmpty }
        let ownSchools = leader.schools
        var query: CaseListQuery
        do {
            query = try CaseListQuery(
                parameters.filter { $0.0 != "limit" && $0.0 != "cursor" }, trust: leader.trust,
                tokenSchool: ownSchools?.count == 1 ? ownSchools?.first : nil)
        } catch {
            throw PageProblem(status: .badRequest, title: "That filter is not one Parapet knows", message: error.message)
        }
        if let asked = query.filter.school, let ownSchools, !ownSchools.contains(asked) { query.listsNothing = true }
        let date = now()
        var found = query.listsNothing ? [] : try await cases.list(query.filter, after: nil, limit: Self.listLimit, now: date)
        if let ownSchools { found = found.filter { ownSchools.contains($0.stored.case.school) } }
        // Without a status asked for, the cases still needing someone.
        if query.filter.status == nil { found = found.filter { $0.stored.case.state.status != .closed } }
        found.sort { ($0.stored.case.severity, $0.stored.case.openedAt) > ($1.stored.case.severity, $1.stored.case.openedAt) }
        let zone = configuration.timeZone
        let rows: [[String: Any]] = found.map { listed in
            let value = listed.stored.case
            let overdue = listed.isOverdue(at: date)
            return [
                "id": value.id.uuidString.lowercased(), "concern": value.behaviours.first?.plainName ?? "A breach of the policy",
                "school": configuration.schoolName(value.school), "severity": PlainWords.severity(value.severity),
                "severity_class": value.severity.rawValue, "status": PlainWords.status(value.state.status), "overdue": overdue,
                "step": value.step.plainName, "opened": EmailComposer.dateFormat(value.openedAt, in: zone),
                "due": listed.dueAt.map { EmailComposer.dateFormat($0, in: zone) } ?? "",
                "has_due": listed.dueAt != nil && value.state.status != .closed,
            ]
        }
        let selected = Dictionary(parameters, uniquingKeysWith: { _, last in last })
        func options<Value: NamedChoice>(_ key: String, _ values: [Value], _ label: (Value) -> String) -> [[String: Any]] {
            values.map { ["value": $0.rawValue, "label": label($0), "selected": selected[key] == $0.rawValue] }
        }
        let schools = configuration.schools.filter { ownSchools?.contains($0.id) ?? true }
        return try html(
            .ok, "cases",
            [
                "title": "My cases", "cases": rows, "count": rows.count, "has_cases": !rows.isEmpty, "one": rows.count == 1,
                "more": found.count >= Self.listLimit,
                "schools": schools.map { ["value": $0.id, "label": $0.name, "selected": selected["school"] == $0.id] },
                "several_schools": schools.count > 1,
                "statuses": options("status", CaseState.Status.allCases, PlainWords.status),
                "severities": options("severity", Array(Severity.allCases.reversed()), PlainWords.severity),
                "steps": options("step", LadderStep.allCases, \.plainName),
                "behaviours": options("behaviour", Behaviour.allCases, \.plainName),
                "overdue_only": selected["overdue"] == "true",
            ], &visit)
    }

    /// `GET /cases/{id}`.
    func casePage(_ visit: inout Visit, id: UUID?, problem: (status: HTTPResponse.Status, message: String)? = nil) async throws -> Response {
        let (_, view) = try await read(&visit, id: id)
        var context = view.context
        if let problem {
            context["error"] = problem.message
        } else if let recorded = visit.request.uri.queryParameters["recorded"] {
            context["recorded"] = Self.recordedWords(String(recorded))
        }
        return try html(problem?.status ?? .ok, "case", context, &visit)
    }

    /// `POST /cases/{id}/actions`: one action, through escalation's desk as the API records it.
    func act(_ visit: inout Visit, id: UUID?) async throws -> Response {
        let (record, view) = try await read(&visit, id: id)
        try await readForm(&visit)
        let form = visit.form
        let request = CaseActionRequest(
            action: form["action"] ?? "", note: form["note"], reference: form["reference"], assignee: form["assignee"],
            outcome: form["outcome"])
        let action: CaseAction
        let note: String
        do {
            (action, note) = try request.checked()
        } catch {
            visit.detail = error.message
            return try await casePage(&visit, id: id, problem: (.badRequest, Self.formWords(error)))
        }
        do {
            _ = try await desk.act(action, on: record.case.id, by: view.leader, note: note)
        } catch let refusal as CaseDesk.Refusal {
            visit.detail = refusal.description
            return try await casePage(&visit, id: id, problem: (CaseAPI.error(refusal).status, "Not recorded: \(refusal.description)."))
        }
        visit.detail = action.name
        return Response.redirect(to: "/cases/\(record.case.id.uuidString.lowercased())?recorded=\(action.name)#timeline")
    }

    /// The case, if the leader may see it; 404 for any other.
    private func read(_ visit: inout Visit, id: UUID?) async throws -> (CaseReader.Record, CaseView) {
        guard let leader = visit.leader, let escalator = visit.escalator, let id else { throw PageProblem.notFound() }
        guard let listed = try await cases.find(id), let desk = leader.desk(for: listed.stored.case.school),
            let record = try await reader.read(id, for: desk, pack: { escalator.pack(for: $0) })
        else { throw PageProblem.notFound() }
        return (record, CaseView(record: record, configuration: escalator.configuration, leader: desk, now: now()))
    }

    /// What the page says after recording `action`.
    static func recordedWords(_ action: String) -> String {
        if let name = CaseStepTaken.Name(rawValue: action) { return "Recorded: \(PlainWords.step(name).lowercased())." }
        switch action {
        case "acknowledge": return "Recorded: you have taken the case on."
        case "note": return "Your note is on the timeline."
        case "not_a_breach": return "Closed as not a breach. Thank you: this helps Parapet learn."
        case "close": return "The case is closed."
        case "reopen": return "The case is open again."
        case "assign", "unassign": return "Recorded who has the case."
        default: return "Recorded."
        }
    }

    /// The API's field errors in a form's words.
    static func formWords(_ error: CaseAPIError) -> String {
        let message = error.message
        if message.hasPrefix("$.note") { return "Please write a note: what you did, or why." }
        if message.hasPrefix("$.reference") { return "Please give the reference you were given." }
        if message.hasPrefix("$.outcome") { return "Please choose how the case ended." }
        if message.hasPrefix("$.assignee") { return "Please choose who should have the case." }
        return "That action is not one Parapet knows."
    }
}
