import ParapetModels

/// `roster/<school-id>.yaml`
enum RosterFile {
    static func read(_ reader: YAMLReader, expectedSchool: String, schools: Set<String>, loader: TrustConfigurationLoader) -> Roster? {
        guard let fields = reader.mapping(allowed: ["school", "pupils", "staff", "governors"]) else { return nil }
        let schoolReader = fields.value("school")
        let school = schoolReader?.identifier()
        if let school, let schoolReader {
            if school != expectedSchool {
                schoolReader.problem("\"\(school)\" does not match the file name (expected \(expectedSchool))")
            }
            loader.checkSchool(school, at: schoolReader, schools: schools)
        }
        let pupils = (fields.value("pupils")?.items() ?? []).compactMap { pupil($0, loader: loader) }
        let staff = (fields.value("staff")?.items() ?? []).compactMap { item -> StaffMember? in
            guard let (id, name, role, handles) = person(item, StaffMember.Role.self, loader: loader) else { return nil }
            return StaffMember(id: id, name: name, role: role, handles: handles)
        }
        let governors = (fields.value("governors", required: false)?.items() ?? []).compactMap { item -> Governor? in
            guard let (id, name, role, handles) = person(item, Governor.Role.self, loader: loader) else { return nil }
            return Governor(id: id, name: name, role: role, handles: handles)
        }
        guard let school, school == expectedSchool, schools.contains(school) else { return nil }
        return Roster(school: school, pupils: pupils, staff: staff, governors: governors)
    }

    static func pupil(_ item: YAMLReader, loader: TrustConfigurationLoader) -> Pupil? {
        let allowed: Set<String> = ["id", "name", "known_as", "year_group", "date_of_birth", "age_band", "photo_consent", "handles"]
        guard let fields = item.mapping(allowed: allowed) else { return nil }
        let id = claimedID(fields, kind: "person", loader: loader)
        let name = fields.value("name")?.string()
        let knownAs = fields.value("known_as", required: false)?.strings() ?? []
        let yearReader = fields.value("year_group")
        let year = yearReader.flatMap { reader -> Pupil.YearGroup? in
            guard let text = reader.string() else { return nil }
            guard let year = Pupil.YearGroup(text) else {
                reader.problem("\"\(text)\" is not a year group (expected R or 1 to 13)")
                return nil
            }
            return year
        }
        let age = age(fields, owner: item)
        let consent = fields.value("photo_consent")?.bool()
        let handles = fields.value("handles", required: false)?.stringMap() ?? [:]
        guard let id, let name, let year, let age, let consent else { return nil }
        return Pupil(id: id, name: name, knownAs: knownAs, yearGroup: year, age: age, photoConsent: consent, handles: handles)
    }

    /// `date_of_birth: YYYY-MM-DD`, or `age_band: "8-9"`; exactly one.
    private static func age(_ fields: YAMLReader.Mapping, owner: YAMLReader) -> Pupil.Age? {
        switch (fields.value("date_of_birth", required: false), fields.value("age_band", required: false)) {
        case (let birth?, nil):
            guard let text = birth.string() else { return nil }
            guard let date = CalendarDate(text) else {
                birth.problem("\"\(text)\" is not a date (expected YYYY-MM-DD)")
                return nil
            }
            return .dateOfBirth(date)
        case (nil, let band?):
            guard let text = band.string() else { return nil }
            let bounds = text.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] <= bounds[1], (2...19).contains(bounds[0]), (2...19).contains(bounds[1]) else {
                band.problem("\"\(text)\" is not an age band (expected two ages like 8-9)")
                return nil
            }
            return .band(lower: bounds[0], upper: bounds[1])
        case (nil, nil):
            owner.problem("needs date_of_birth or age_band")
            return nil
        case (_?, let band?):
            band.problem("give date_of_birth or age_band, not both")
            return nil
        }
    }

    /// The fields staff and governors share.
    private static func person<Role: NamedChoice>(
        _ item: YAMLReader, _ role: Role.Type, loader: TrustConfigurationLoader
    ) -> (String, String, Role, [String: String])? {
        guard let fields = item.mapping(allowed: ["id", "name", "role", "handles"]) else { return nil }
        let id = claimedID(fields, kind: "person", loader: loader)
        let name = fields.value("name")?.string()
        let value = fields.value("role")?.choice(role)
        let handles = fields.value("handles", required: false)?.stringMap() ?? [:]
        guard let id, let name, let value else { return nil }
        return (id, name, value, handles)
    }

    /// Reads `id` and claims it trust-wide: a person id names one person in the whole trust.
    private static func claimedID(_ fields: YAMLReader.Mapping, kind: String, loader: TrustConfigurationLoader) -> String? {
        guard let reader = fields.value("id"), let id = reader.identifier() else { return nil }
        loader.claim(id, kind: kind, at: reader)
        return id
    }
}
