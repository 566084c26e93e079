import ParapetModels

/// What each role may do to a case, decided on the server for every request.
///
/// Everyone who may see a case may acknowledge it, note it and record the ordinary steps. A
/// police contact is recorded only by those who make one: the safeguarding leads, the head and
/// the trust safeguarding lead, never a chair of governors (whose part is governance, and the
/// LADO referral when the allegation is about the head). Reopening and merging, which change
/// what the trust's figures count, need a safeguarding lead, the head or the trust.
public enum CaseRights {
    /// Whether someone in `role` may record `action`.
    public static func allows(_ role: ContactRole, _ action: CaseAction) -> Bool {
        switch action {
        case .record(.policeContacted):
            role != .chairOfGovernors
        case .reopen, .merge:
            role != .chairOfGovernors
        case .acknowledge, .assign, .unassign, .record, .note, .notABreach, .close:
            true
        }
    }
}
