import Foundation
import ParapetModels

/// `packs/default.yaml` and `packs/<school-id>.yaml`
enum PolicyPackFile {
    static func read(
        _ reader: YAMLReader, expectedID: String, schools: Set<String>, base: PolicyPack?, loader: TrustConfigurationLoader
    ) -> PolicyPack? {
        let allowed: Set<String> = ["id", "school", "extends", "source", "settings", "disable", "clauses", "procedure"]
        guard let fields = reader.mapping(allowed: allowed) else { return nil }
        let idReader = fields.value("id")
        let id = idReader?.identifier()
        if let id, let idReader, id != expectedID {
            idReader.problem("\"\(id)\" does not match the file name (expected \(expectedID))")
        }
        let isDefault = expectedID == "default"
        var school: String?
        var extends: String?
        if !isDefault {
            let schoolReader = fields.value("school")
            school = schoolReader?.identifier()
            loader.checkSchool(school, at: schoolReader, schools: schools)
            if let school, let schoolReader, school != expectedID {
                schoolReader.problem("\"\(school)\" does not match the file name (expected \(expectedID))")
            }
            let extendsReader = fields.value("extends")
            extends = extendsReader?.identifier()
            if let extends, let extendsReader, extends != "default" {
                extendsReader.problem("\"\(extends)\" is not a pack to extend (expected default)")
            }
        } else {
            for key in ["school", "extends", "disable", "procedure"] where fields.has(key) {
                fields.value(key)?.problem("the trust default has no \(key)")
            }
        }
        let source = fields.value("source", required: !isDefault)?.string()
        let settings = fields.value("settings", required: false).flatMap(readSettings) ?? PolicyPack.Settings()
        let disableReader = fields.value("disable", required: false)
        let disable = disableReader?.strings() ?? []
        if let base, let disableReader {
            let known = Set(base.clauses.map(\.id))
            for (index, clause) in disable.enumerated() where !known.contains(clause) {
                YAMLReader(file: disableReader.file, node: disableReader.node, path: disableReader.path + "[\(index)]", log: loader.log)
                    .problem("\"\(clause)\" is not a clause of the default pack")
            }
        }
        var clauseIDs: Set<String> = []
        let clauses = (fields.value("clauses")?.items() ?? []).compactMap { item -> PolicyClause? in
            let clause = readClause(item, requireQuote: !isDefault)
            if let clause {
                if !clauseIDs.insert(clause.id).inserted { item.problem("duplicate clause id \"\(clause.id)\"") }
            }
            return clause
        }
        let procedure = isDefault ? [:] : fields.value("procedure", required: false).map { readProcedure($0, clauses: clauses, base: base) } ?? [:]
        guard let id, id == expectedID else { return nil }
        if !isDefault && (school == nil || extends == nil) { return nil }
        return PolicyPack(
            id: id, school: school, extends: extends, source: source, settings: settings, disable: disable, clauses: clauses,
            procedure: procedure)
    }

    /// `procedure: {step: "the policy's words for it"}`: each key a ladder step that some
    /// clause the school is held to climbs, so words cannot sit on a step no case reaches.
    private static func readProcedure(_ reader: YAMLReader, clauses: [PolicyClause], base: PolicyPack?) -> [LadderStep: String] {
        let names = Set(LadderStep.allCases.map(\.rawValue))
        guard let fields = reader.mapping(allowed: names) else { return [:] }
        let climbed = Set((clauses + (base?.clauses ?? [])).flatMap(\.ladder))
        var procedure: [LadderStep: String] = [:]
        for step in LadderStep.allCases {
            guard let value = fields.value(step.rawValue, required: false) else { continue }
            guard let words = value.string() else { continue }
            if words.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                value.problem("is empty: give the policy's words for this step, or leave the step out")
            } else if !climbed.contains(step) {
                value.problem("no clause's ladder has the step \(step.rawValue)")
            } else {
                procedure[step] = words
            }
        }
        return procedure
    }

    private static func readSettings(_ reader: YAMLReader) -> PolicyPack.Settings? {
        guard let fields = reader.mapping(allowed: ["minimum_account_age", "pupil_first_names_on_own_page", "staff_may_name_workplace"]) else {
            return nil
        }
        return PolicyPack.Settings(
            minimumAccountAge: fields.value("minimum_account_age", required: false)?.int(in: 8...21),
            pupilFirstNamesOnOwnPage: fields.value("pupil_first_names_on_own_page", required: false)?.choice(PolicyPack.Settings.Permission.self),
            staffMayNameWorkplace: fields.value("staff_may_name_workplace", required: false)?.bool())
    }

    private static func readClause(_ item: YAMLReader, requireQuote: Bool) -> PolicyClause? {
        let allowed: Set<String> = [
            "id", "quote", "rationale", "behaviour", "applies_to", "where", "severity", "notify", "recipients", "ladder",
        ]
        guard let fields = item.mapping(allowed: allowed) else { return nil }
        let id = fields.value("id")?.identifier()
        let quote = fields.value("quote", required: requireQuote)?.string()
        let rationale = fields.value("rationale", required: false)?.string()
        if !requireQuote && quote == nil && rationale == nil {
            item.problem("a clause without a quote needs a rationale")
        }
        let behaviour = fields.value("behaviour")?.choice(Behaviour.self)
        let audience = fields.value("applies_to")?.choices(Audience.self)
        let scope = fields.value("where", required: false)?.choice(ClauseScope.self) ?? .anywhere
        let severity = fields.value("severity")?.choice(Severity.self)
        let notify = fields.value("notify")?.choice(NotifyMode.self)
        let recipients = fields.value("recipients")?.choices(ContactRole.self)
        let ladder = fields.value("ladder")?.choices(LadderStep.self)
        guard let id, let behaviour, let audience, let severity, let notify, let recipients, let ladder else { return nil }
        if requireQuote && quote == nil { return nil }
        return PolicyClause(
            id: id, quote: quote, rationale: rationale, behaviour: behaviour, appliesTo: audience, scope: scope, severity: severity,
            notify: notify, recipients: recipients, ladder: ladder)
    }
}
