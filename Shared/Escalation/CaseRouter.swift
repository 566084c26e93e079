import ParapetModels

/// Who is told about a breach, and how urgently: the clause's own recipients and mode, with the
/// routes the policies imply and the law adds applied on top (docs/architecture.md, "Escalation
/// ladder"). Pure: the same school and breach always give the same answer.
public struct CaseRouter: Sendable {
    /// The school's contacts, then the trust's.
    public let contacts: [Contact]
    /// The school's staff and governors by roster id: a breach names people by id, contacts by name.
    let rosterNames: [String: String]
    /// Roster ids by comparable name, for a preview that names people.
    let rosterIDs: [String: BreachSubject]

    public init(school: String, configuration: TrustConfiguration) {
        contacts = configuration.contacts.filter { $0.school == school } + configuration.trust.contacts
        var names: [String: String] = [:]
        var ids: [String: BreachSubject] = [:]
        for roster in configuration.rosters where roster.school == school {
            for member in roster.staff {
                names[member.id] = member.name
                ids[Self.comparable(member.name)] = BreachSubject(kind: .staff, id: member.id, role: member.role.rawValue)
            }
            for governor in roster.governors {
                names[governor.id] = governor.name
                ids[Self.comparable(governor.name)] = BreachSubject(kind: .governor, id: governor.id, role: governor.role.rawValue)
            }
        }
        rosterNames = names
        rosterIDs = ids
    }

    /// The roster person called `name` (or with that roster id), as a breach would name them;
    /// nil for someone not on the school's staff or governors.
    public func subject(named name: String) -> BreachSubject? {
        if let subject = rosterIDs[Self.comparable(name)] { return subject }
        guard rosterNames[name] != nil else { return nil }
        return rosterIDs.values.first { $0.id == name }
    }

    /// A decision: who, and at once or in the digest.
    public struct Route: Sendable, Hashable {
        public var recipients: [CaseNotification.Recipient]
        public var mode: NotifyMode
        /// The roles asked for before anyone was left out, in order.
        public var roles: [ContactRole]
    }

    /// The roles a breach of `clause` goes to and the mode, before people are chosen.
    public static func roles(for clause: PolicyClause) -> (roles: [ContactRole], mode: NotifyMode) {
        var roles = clause.recipients
        var mode = clause.notify
        switch clause.behaviour {
        case .threatOfViolence, .hateSpeech, .grosslyObscene, .harassment:
            // A crime may have been committed: the safeguarding lead and the head at once.
            roles += [.designatedSafeguardingLead, .headteacher]
            mode = .immediate
        case .safeguardingExtremism:
            // The PREVENT route runs through the designated safeguarding leads.
            roles += [.designatedSafeguardingLead, .deputyDesignatedSafeguardingLead]
            mode = .immediate
        case .safeguardingConcern:
            roles += [.designatedSafeguardingLead]
            mode = .immediate
        case .staffContactWithPupils, .staffReferringToWorkplace, .staffPostingPupilImages, .staffReplyingAboutSchool:
            // A disciplinary matter for the head.
            roles += [.headteacher]
        case .pupilImagesSwimwearOrKit, .photoWithoutConsent:
            roles += [.headteacher]
        case .misplacedComplaint:
            mode = .digest
        default:
            break
        }
        if clause.severity == .critical { mode = .immediate }
        var seen = Set<ContactRole>()
        return (roles.filter { seen.insert($0).inserted }, mode)
    }

    /// Who is told about breaches of `clauses` by a post about `subjects` (people named by
    /// `about`, too): the person a post is about is never told of it, whatever roles they hold,
    /// and the next in the chain is told instead. A post about the head also goes to the chair of
    /// governors, one about the chair to the trust safeguarding lead; an allegation that a member
    /// of staff harmed a child goes at once to its owner (the head, or the chair when it is about
    /// the head) and the safeguarding lead.
    public func route(
        _ clauses: [PolicyClause], about names: Set<String> = [], subjects: [BreachSubject] = [], allegation: AllegationManagement? = nil
    ) -> Route {
        var roles: [ContactRole] = []
        for clause in clauses {
            for role in Self.roles(for: clause).roles where !roles.contains(role) { roles.append(role) }
        }
        let subjects = subjects + names.compactMap { subject(named: $0) }
        if let allegation {
            for role in [allegation.owner, .designatedSafeguardingLead] where !roles.contains(role) { roles.append(role) }
        }
        if subjects.contains(where: \.isHeadteacher), !roles.contains(.chairOfGovernors) { roles.append(.chairOfGovernors) }
        if subjects.contains(where: \.isChairOfGovernors), !roles.contains(.trustSafeguardingLead) { roles.append(.trustSafeguardingLead) }
        let excluded = excludedNames(names: names, subjects: subjects)
        return Route(
            recipients: recipients(for: roles, excluding: excluded), mode: Self.mode(for: clauses, allegation: allegation), roles: roles)
    }

    /// At once or in the digest: at once when any clause's route says so, and always for an
    /// allegation against staff. Needs no people, so the sweep's timers can ask it cheaply.
    public static func mode(for clauses: [PolicyClause], allegation: AllegationManagement?) -> NotifyMode {
        allegation != nil || clauses.contains { roles(for: $0).mode == .immediate } ? .immediate : .digest
    }

    /// The people holding `roles` (or standing in for them down each role's chain), leaving out
    /// `excluded` names, each address once, in the order of the roles.
    func recipients(for roles: [ContactRole], excluding excluded: Set<String>) -> [CaseNotification.Recipient] {
        var recipients: [CaseNotification.Recipient] = []
        var emails = Set<String>()
        for role in roles {
            for contact in people(for: role, excluding: excluded) where emails.insert(contact.email.lowercased()).inserted {
                recipients.append(CaseNotification.Recipient(role: contact.role, email: contact.email))
            }
        }
        return recipients
    }

    /// The comparable names of everyone a post is about: the names given, and the roster names of
    /// the subjects with ids.
    func excludedNames(names: Set<String>, subjects: [BreachSubject]) -> Set<String> {
        var excluded = Set(names.map(Self.comparable))
        for subject in subjects {
            if let id = subject.id, let name = rosterNames[id] { excluded.insert(Self.comparable(name)) }
        }
        return excluded
    }

    /// The contacts holding `role`; when every one of them is excluded (or the school has no
    /// one in the role), those of the next role in its chain (``ContactRole/chain``).
    func people(for role: ContactRole, excluding excluded: Set<String>) -> [Contact] {
        for role in role.chain {
            let allowed = contacts.filter { $0.role == role && !excluded.contains(Self.comparable($0.name)) }
            if !allowed.isEmpty { return allowed }
        }
        return []
    }

    /// A name as compared with another: case and spacing ignored.
    static func comparable(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension ContactRole {
    /// This role, then who is told instead when no one holding it may be: a safeguarding lead's
    /// line goes to the other safeguarding lead and then the head, the head's to the chair of
    /// governors, the chair's to the trust safeguarding lead.
    public var chain: [ContactRole] {
        switch self {
        case .designatedSafeguardingLead:
            [.designatedSafeguardingLead, .deputyDesignatedSafeguardingLead, .headteacher, .chairOfGovernors, .trustSafeguardingLead]
        case .deputyDesignatedSafeguardingLead:
            [.deputyDesignatedSafeguardingLead, .designatedSafeguardingLead, .headteacher, .chairOfGovernors, .trustSafeguardingLead]
        case .headteacher: [.headteacher, .chairOfGovernors, .trustSafeguardingLead]
        case .chairOfGovernors: [.chairOfGovernors, .trustSafeguardingLead]
        case .trustSafeguardingLead: [.trustSafeguardingLead]
        }
    }
}
