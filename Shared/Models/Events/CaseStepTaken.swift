import Foundation

/// Something a leader did about a case, as they record it: the steps a school's procedure asks
/// for (docs/architecture.md, "Case API"). Recording one does not move the case's state; it goes
/// on the timeline, and the case remembers which steps were taken.
///
/// On the wire: `{"step": "police_contacted", "reference": "CAD 1234/21SEP"}`.
public enum CaseStepTaken: Codable, Sendable, Hashable {
    case parentSpokenTo
    case removalRequested
    case removalConfirmed
    case writtenWarningSent
    case legalAdviceSought
    /// The police were told; `reference` is their incident or crime number.
    case policeContacted(reference: String)
    /// The allegation was referred to the local authority designated officer; `reference` is theirs.
    case ladoReferred(reference: String)
    case platformReportFiled
    /// The author was blocked on the school's own forum or page.
    case authorBlocked

    /// The step without its details.
    public enum Name: String, NamedChoice {
        case parentSpokenTo = "parent_spoken_to"
        case removalRequested = "removal_requested"
        case removalConfirmed = "removal_confirmed"
        case writtenWarningSent = "written_warning_sent"
        case legalAdviceSought = "legal_advice_sought"
        case policeContacted = "police_contacted"
        case ladoReferred = "lado_referred"
        case platformReportFiled = "platform_report_filed"
        case authorBlocked = "author_blocked"

        /// Whether the step needs a `reference` (the police's or the LADO's).
        public var needsReference: Bool { self == .policeContacted || self == .ladoReferred }
    }

    /// The step named `name`, with `reference` where it needs one; nil when a needed reference
    /// is missing or blank.
    public init?(_ name: Name, reference: String?) {
        let reference = reference?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        switch name {
        case .parentSpokenTo: self = .parentSpokenTo
        case .removalRequested: self = .removalRequested
        case .removalConfirmed: self = .removalConfirmed
        case .writtenWarningSent: self = .writtenWarningSent
        case .legalAdviceSought: self = .legalAdviceSought
        case .policeContacted:
            guard !reference.isEmpty else { return nil }
            self = .policeContacted(reference: reference)
        case .ladoReferred:
            guard !reference.isEmpty else { return nil }
            self = .ladoReferred(reference: reference)
        case .platformReportFiled: self = .platformReportFiled
        case .authorBlocked: self = .authorBlocked
        }
    }

    public var name: Name {
        switch self {
        case .parentSpokenTo: .parentSpokenTo
        case .removalRequested: .removalRequested
        case .removalConfirmed: .removalConfirmed
        case .writtenWarningSent: .writtenWarningSent
        case .legalAdviceSought: .legalAdviceSought
        case .policeContacted: .policeContacted
        case .ladoReferred: .ladoReferred
        case .platformReportFiled: .platformReportFiled
        case .authorBlocked: .authorBlocked
        }
    }

    /// The police's or the LADO's reference, for the steps that have one.
    public var reference: String? {
        switch self {
        case .policeContacted(let reference), .ladoReferred(let reference): reference
        default: nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(Name.self, forKey: .step)
        guard let step = CaseStepTaken(name, reference: try container.decodeIfPresent(String.self, forKey: .reference)) else {
            throw DecodingError.dataCorruptedError(
                forKey: .reference, in: container, debugDescription: "\(name.rawValue) needs a reference")
        }
        self = step
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .step)
        try container.encodeIfPresent(reference, forKey: .reference)
    }

    enum CodingKeys: String, CodingKey {
        case step, reference
    }
}
