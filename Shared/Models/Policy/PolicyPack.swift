/// A school's policy as Parapet applies it: settings and clauses, on top of the trust default.
public struct PolicyPack: Codable, Sendable, Hashable {
    /// Where the policy differs from the trust default in ways that are not single clauses.
    public struct Settings: Codable, Sendable, Hashable {
        /// The minimum age the policy names for platform accounts (13 in most, 14 at Levens CE).
        public var minimumAccountAge: Int?
        /// Whether pupils' first names may appear in comments on the school's own page.
        public var pupilFirstNamesOnOwnPage: Permission?
        /// Whether staff may say where they work (Trimley St Martin says not).
        public var staffMayNameWorkplace: Bool?

        public enum Permission: String, NamedChoice {
            case allowed, forbidden
        }

        public init(minimumAccountAge: Int? = nil, pupilFirstNamesOnOwnPage: Permission? = nil, staffMayNameWorkplace: Bool? = nil) {
            self.minimumAccountAge = minimumAccountAge
            self.pupilFirstNamesOnOwnPage = pupilFirstNamesOnOwnPage
            self.staffMayNameWorkplace = staffMayNameWorkplace
        }

        /// These settings, with any unset one taken from `base`.
        public func over(_ base: Settings) -> Settings {
            Settings(
                minimumAccountAge: minimumAccountAge ?? base.minimumAccountAge,
                pupilFirstNamesOnOwnPage: pupilFirstNamesOnOwnPage ?? base.pupilFirstNamesOnOwnPage,
                staffMayNameWorkplace: staffMayNameWorkplace ?? base.staffMayNameWorkplace)
        }

        enum CodingKeys: String, CodingKey {
            case minimumAccountAge = "minimum_account_age"
            case pupilFirstNamesOnOwnPage = "pupil_first_names_on_own_page"
            case staffMayNameWorkplace = "staff_may_name_workplace"
        }
    }

    /// `default` for the trust default, else the school's id.
    public var id: String
    /// The school, or nil for the trust default.
    public var school: String?
    /// The pack this one builds on (`default`), or nil.
    public var extends: String?
    /// The seed file the quotes come from.
    public var source: String?
    public var settings: Settings
    /// Default clauses this school does not use.
    public var disable: [String]
    public var clauses: [PolicyClause]
    /// What the school's procedure says for each step of its ladders, in the policy's own words
    /// (a case shows it as what to do next); a step the policy says nothing about is absent.
    public var procedure: [LadderStep: String]

    public init(
        id: String, school: String? = nil, extends: String? = nil, source: String? = nil, settings: Settings = Settings(),
        disable: [String] = [], clauses: [PolicyClause], procedure: [LadderStep: String] = [:]
    ) {
        self.id = id
        self.school = school
        self.extends = extends
        self.source = source
        self.settings = settings
        self.disable = disable
        self.clauses = clauses
        self.procedure = procedure
    }

    /// The policy's words for `step`, if it has any.
    public func words(for step: LadderStep) -> String? { procedure[step] }

    /// The clauses with these ids, in the order given; ids no longer in the pack are skipped.
    public func clauses(_ ids: [String]) -> [PolicyClause] {
        ids.compactMap { id in clauses.first { $0.id == id } }
    }

    /// The pack a school is held to: this pack's clauses, then the base's clauses it neither
    /// replaces (same id) nor disables; settings fall back to the base's.
    public func merged(onto base: PolicyPack) -> PolicyPack {
        let own = Set(clauses.map(\.id))
        let disabled = Set(disable)
        let inherited = base.clauses.filter { !own.contains($0.id) && !disabled.contains($0.id) }
        return PolicyPack(
            id: id, school: school, extends: extends, source: source, settings: settings.over(base.settings), disable: [],
            clauses: clauses + inherited, procedure: procedure.merging(base.procedure) { own, _ in own })
    }

    /// The clauses covering `behaviour`, most severe first.
    public func clauses(for behaviour: Behaviour) -> [PolicyClause] {
        clauses.filter { $0.behaviour == behaviour }.sorted { $0.severity > $1.severity }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        school = try container.decodeIfPresent(String.self, forKey: .school)
        extends = try container.decodeIfPresent(String.self, forKey: .extends)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        settings = try container.decode(Settings.self, forKey: .settings)
        disable = try container.decode([String].self, forKey: .disable)
        clauses = try container.decode([PolicyClause].self, forKey: .clauses)
        // Packs stored before steps had words have none.
        let words = try container.decodeIfPresent([String: String].self, forKey: .procedure) ?? [:]
        procedure = [:]
        for (name, text) in words {
            guard let step = LadderStep(name: name) else {
                throw DecodingError.dataCorruptedError(forKey: .procedure, in: container, debugDescription: LadderStep.unknown(name))
            }
            procedure[step] = text
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(school, forKey: .school)
        try container.encodeIfPresent(extends, forKey: .extends)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encode(settings, forKey: .settings)
        try container.encode(disable, forKey: .disable)
        try container.encode(clauses, forKey: .clauses)
        // Keyed by step name, so the stored document reads as the YAML does.
        try container.encode(Dictionary(uniqueKeysWithValues: procedure.map { ($0.key.rawValue, $0.value) }), forKey: .procedure)
    }

    enum CodingKeys: String, CodingKey {
        case id, school, extends, source, settings, disable, clauses, procedure
    }
}
