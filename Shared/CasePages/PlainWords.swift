import Foundation
import ParapetModels

/// The words the pages use for Parapet's values: what a head would say, never an identifier.
enum PlainWords {
    static func status(_ status: CaseState.Status) -> String {
        switch status {
        case .open: "Waiting for someone to take it on"
        case .acknowledged: "Being dealt with"
        case .escalated: "Overdue: passed to the trust"
        case .closed: "Closed"
        }
    }

    static func role(_ role: ContactRole) -> String {
        switch role {
        case .headteacher: "Headteacher"
        case .designatedSafeguardingLead: "Designated safeguarding lead"
        case .deputyDesignatedSafeguardingLead: "Deputy designated safeguarding lead"
        case .chairOfGovernors: "Chair of governors"
        case .trustSafeguardingLead: "Trust safeguarding lead"
        }
    }

    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .low: "Low"
        case .medium: "Medium"
        case .high: "High"
        case .critical: "Critical"
        }
    }

    /// What a leader did, as the button and the timeline say it.
    static func step(_ name: CaseStepTaken.Name) -> String {
        switch name {
        case .parentSpokenTo: "Spoke to the parent"
        case .removalRequested: "Asked for the post to be removed"
        case .removalConfirmed: "The post has been removed"
        case .writtenWarningSent: "Sent a written warning"
        case .legalAdviceSought: "Took legal advice"
        case .policeContacted: "Told the police"
        case .ladoReferred: "Referred to the LADO"
        case .platformReportFiled: "Reported it to the platform"
        case .authorBlocked: "Blocked the author from the school's pages"
        }
    }

    static func closure(_ closure: CaseState.Closure) -> String {
        switch closure {
        case .upheld: "Upheld: the breach was real and the school acted"
        case .notABreach: "Not a breach"
        case .duplicate: "Another case covers it"
        case .resolvedWithParent: "Resolved with the parent"
        case .resolved: "Resolved"
        case .postRemoved: "The post was removed"
        case .merged: "Merged into another case"
        }
    }

    /// Who did it: a leader by name where `names` (by lowercased email) knows them.
    static func actor(_ actor: CaseActor, names: [String: String]) -> String {
        switch actor.kind {
        case .leader: names[actor.name.lowercased()] ?? actor.name
        case .service: "Parapet"
        case .operator: "Trust IT (\(actor.name))"
        }
    }

    /// One line of the timeline.
    static func event(_ kind: CaseEvent.Kind) -> String {
        switch kind {
        case .opened: "Parapet opened the case"
        case .joined(_, let step): "Another post joined the case (step: \(step.plainName.lowercased()))"
        case .escalated(let step): "Moved up to the next step: \(step.plainName.lowercased())"
        case .acknowledged(let role): "Taken on by the \(Self.role(role).lowercased())"
        case .overdueEscalated: "No one took it on in time: passed to the trust safeguarding lead"
        case .closed(let reason): "Closed: \(closure(reason).lowercased())"
        case .assigned(let to): to.map { "Given to \($0)" } ?? "No longer given to anyone"
        case .stepTaken(let step):
            step.reference.map { "\(Self.step(step.name)) (reference \($0))" } ?? Self.step(step.name)
        case .noted: "Note added"
        case .reopened: "Reopened"
        case .merged(let into): "Merged into case \(into.uuidString.lowercased().prefix(8))"
        case .mergedIn(let from, _): "Case \(from.uuidString.lowercased().prefix(8)) was merged into this one"
        case .referralOverdue: "The LADO referral is overdue"
        case .stalled(let role): "No step recorded in time: passed to the \(Self.role(role).lowercased())"
        }
    }
}
