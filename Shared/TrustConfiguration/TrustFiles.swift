import ParapetModels
import Yams

/// `trust.yaml`
enum TrustFile {
    static func read(_ reader: YAMLReader) -> Trust? {
        guard let fields = reader.mapping(allowed: ["id", "name", "timezone", "contacts", "deadlines", "words"]) else { return nil }
        let id = fields.value("id")?.identifier()
        let name = fields.value("name")?.string()
        let timezone = fields.value("timezone")?.string()
        let contacts = (fields.value("contacts", required: false)?.items() ?? []).compactMap {
            ContactsFile.contact($0, school: nil)
        }
        var acknowledge: [Severity: Int] = [:]
        var act: [Severity: Int] = [:]
        if let deadlines = fields.value("deadlines", required: false)?.mapping(allowed: ["acknowledge_within_minutes", "act_within_minutes"]) {
            acknowledge = minutes(deadlines.value("acknowledge_within_minutes", required: false))
            act = minutes(deadlines.value("act_within_minutes", required: false))
        }
        let words = fields.value("words", required: false).map(TrustWordsSection.read) ?? []
        guard let id, let name, let timezone else { return nil }
        return Trust(
            id: id, name: name, timezone: timezone, contacts: contacts, acknowledgementDeadlines: acknowledge, stepDeadlines: act,
            words: words)
    }

    /// `{critical: 30, high: 240}`: minutes by severity, as seconds.
    private static func minutes(_ reader: YAMLReader?) -> [Severity: Int] {
        guard let reader, let fields = reader.mapping(allowed: Set(Severity.allCases.map(\.rawValue))) else { return [:] }
        var result: [Severity: Int] = [:]
        for severity in Severity.allCases {
            if let minutes = fields.value(severity.rawValue, required: false)?.int(in: 1...(60 * 24 * 90)) { result[severity] = minutes * 60 }
        }
        return result
    }
}

/// `schools.yaml`
enum SchoolsFile {
    static func read(_ reader: YAMLReader, loader: TrustConfigurationLoader) -> [School]? {
        guard let items = reader.mapping(allowed: ["schools"])?.value("schools")?.items() else { return nil }
        return items.compactMap { item in
            guard let fields = item.mapping(allowed: ["id", "name", "phase", "local_authority", "website", "also_known_as"]) else {
                return nil
            }
            let idReader = fields.value("id")
            let id = idReader?.identifier()
            if let id, let idReader { loader.claim(id, kind: "school", at: idReader) }
            let name = fields.value("name")?.string()
            let phase = fields.value("phase")?.choice(School.Phase.self)
            let authority = fields.value("local_authority", required: false)?.string()
            let website = fields.value("website", required: false)?.string()
            let otherNames = fields.value("also_known_as", required: false).map(TrustWordsSection.phrases) ?? []
            guard let id, let name, let phase else { return nil }
            return School(id: id, name: name, phase: phase, localAuthority: authority, website: website, alsoKnownAs: otherNames)
        }
    }
}

/// `accounts.yaml`
enum AccountsFile {
    static func read(_ reader: YAMLReader, schools: Set<String>, loader: TrustConfigurationLoader) -> [MonitoredAccount]? {
        guard let items = reader.mapping(allowed: ["accounts"])?.value("accounts")?.items() else { return nil }
        return items.compactMap { item in
            guard let fields = item.mapping(allowed: ["id", "school", "platform", "external_id", "name", "run_by"]) else { return nil }
            let idReader = fields.value("id")
            let id = idReader?.identifier()
            if let id, let idReader { loader.claim(id, kind: "account", at: idReader) }
            let schoolReader = fields.value("school")
            let school = schoolReader?.identifier()
            loader.checkSchool(school, at: schoolReader, schools: schools)
            let platform = fields.value("platform")?.choice(MonitoredAccount.Platform.self)
            let external = fields.value("external_id")?.string()
            let name = fields.value("name")?.string()
            let runBy = fields.value("run_by")?.choice(MonitoredAccount.Operator.self)
            guard let id, let school, schools.contains(school), let platform, let external, let name, let runBy else { return nil }
            return MonitoredAccount(id: id, school: school, platform: platform, externalID: external, name: name, runBy: runBy)
        }
    }
}

/// `contacts.yaml`
enum ContactsFile {
    static func read(_ reader: YAMLReader, schools: Set<String>, loader: TrustConfigurationLoader) -> [Contact]? {
        guard let items = reader.mapping(allowed: ["contacts"])?.value("contacts")?.items() else { return nil }
        return items.compactMap { item in
            guard item.node.mapping != nil else {
                item.problem("expected a mapping of keys to values")
                return nil
            }
            let schoolReader = item.mapping(allowed: ["school", "role", "name", "email"])?.value("school")
            let school = schoolReader?.identifier()
            loader.checkSchool(school, at: schoolReader, schools: schools)
            guard let school, schools.contains(school) else { return nil }
            return contact(item, school: school)
        }
    }

    /// One contact; `school` nil for trust-level contacts (which have no school field).
    static func contact(_ item: YAMLReader, school: String?) -> Contact? {
        let allowed: Set<String> = school == nil ? ["role", "name", "email"] : ["school", "role", "name", "email"]
        // Unknown keys were reported by the caller's own mapping read for school contacts.
        guard let fields = school == nil ? item.mapping(allowed: allowed) : quietMapping(item, allowed: allowed) else { return nil }
        let role = fields.value("role")?.choice(ContactRole.self)
        let name = fields.value("name")?.string()
        let emailReader = fields.value("email")
        let email = emailReader?.string()
        if let email, let emailReader, !isEmail(email) {
            emailReader.problem("\"\(email)\" is not an email address")
        }
        guard let role, let name, let email, isEmail(email) else { return nil }
        return Contact(school: school, role: role, name: name, email: email)
    }

    private static func quietMapping(_ item: YAMLReader, allowed: Set<String>) -> YAMLReader.Mapping? {
        let silent = YAMLReader(file: item.file, node: item.node, path: item.path, log: ProblemLog())
        guard let mapping = silent.mapping(allowed: allowed) else { return nil }
        // Re-home the values onto the real log so their own problems are reported.
        return YAMLReader.Mapping(
            owner: item,
            values: mapping.values.mapValues { YAMLReader(file: $0.file, node: $0.node, path: $0.path, log: item.log) })
    }

    /// A plain check: one `@`, something before it, a dotted domain after, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}
