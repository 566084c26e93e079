import Foundation
import ParapetModels
import Testing

@Suite("Trust configuration values survive JSON")
struct TrustConfigurationCodingTests {
    static let dateOfBirthPupil = Pupil(
        id: "sp-p-0001", name: "Oliver Hughes", knownAs: ["Olly"], yearGroup: .year(4),
        age: .dateOfBirth(CalendarDate(year: 2016, month: 9, day: 14)), photoConsent: true, handles: ["instagram": "olly.h"])
    static let ageBandPupil = Pupil(
        id: "sp-p-0002", name: "Zoé Martin", yearGroup: .reception, age: .band(lower: 4, upper: 5), photoConsent: false)

    @Test("a pupil with a date of birth and one with an age band round-trip, with snake_case keys")
    func pupils() throws {
        #expect(try Fixture.roundTripped(Self.dateOfBirthPupil) == Self.dateOfBirthPupil)
        #expect(try Fixture.roundTripped(Self.ageBandPupil) == Self.ageBandPupil)
        #expect(
            try Fixture.keys(of: Self.dateOfBirthPupil) == [
                "id", "name", "known_as", "year_group", "age", "photo_consent", "handles",
            ])
    }

    @Test("a pupil's age in years: from the date of birth, or the band's lower bound")
    func pupilAge() {
        let day = CalendarDate(year: 2026, month: 9, day: 13)
        #expect(Self.dateOfBirthPupil.age.years(on: day) == 9)
        #expect(Self.dateOfBirthPupil.age.years(on: CalendarDate(year: 2026, month: 9, day: 14)) == 10)
        #expect(Self.ageBandPupil.age.years(on: day) == 4)
    }

    @Test("the trust, its schools, accounts, contacts and roster round-trip")
    func trustAndRoster() throws {
        let headteacher = Contact(school: "stour-provost", role: .headteacher, name: "Jane Stanford", email: "head@sp.example.sch.uk")
        let trust = Trust(
            id: "oakfield-learning-trust", name: "Oakfield Learning Trust", timezone: "Europe/London",
            contacts: [Contact(school: nil, role: .trustSafeguardingLead, name: "Dr Amara Okafor", email: "safeguarding@oakfield.example.org")])
        let school = School(
            id: "stour-provost", name: "Stour Provost Primary School", phase: .primary, localAuthority: "Dorset",
            website: "https://stourprovost.example.sch.uk")
        let account = MonitoredAccount(
            id: "sp-facebook-page", school: "stour-provost", platform: .facebook, externalID: "104523987654321",
            name: "Stour Provost Primary School", runBy: .school)
        let roster = Roster(
            school: "stour-provost", pupils: [Self.dateOfBirthPupil, Self.ageBandPupil],
            staff: [StaffMember(id: "sp-s-001", name: "Jane Stanford", role: .headteacher, handles: ["facebook": "jane.stanford.77"])],
            governors: [Governor(id: "sp-g-01", name: "Peter Ainsley", role: .chair)])
        #expect(try Fixture.roundTripped(trust) == trust)
        #expect(try Fixture.roundTripped(headteacher) == headteacher)
        #expect(try Fixture.roundTripped(school) == school)
        #expect(try Fixture.keys(of: school) == ["id", "name", "phase", "local_authority", "website"])
        #expect(try Fixture.roundTripped(account) == account)
        #expect(try Fixture.keys(of: account) == ["id", "school", "platform", "external_id", "name", "run_by"])
        #expect(try Fixture.roundTripped(roster) == roster)
    }

    @Test("calendar dates accept 29 February in a leap year and reject days that do not exist")
    func calendarDates() throws {
        #expect(CalendarDate("2016-02-29") == CalendarDate(year: 2016, month: 2, day: 29))
        #expect(CalendarDate("2000-02-29") != nil)
        for text in ["2016-02-30", "2015-02-29", "1900-02-29", "2016-04-31", "2016-13-01", "2016-00-10", "2016-2-09", "16-02-09", ""] {
            #expect(CalendarDate(text) == nil, "\(text)")
        }
        #expect(try ParapetJSON.decode([CalendarDate].self, from: Data(#"["2016-02-29"]"#.utf8)) == [CalendarDate(year: 2016, month: 2, day: 29)])
        #expect(throws: DecodingError.self) { try ParapetJSON.decode([CalendarDate].self, from: Data(#"["2016-02-30"]"#.utf8)) }
        #expect(try ParapetJSON.encode([CalendarDate(year: 2016, month: 9, day: 4)]) == Data(#"["2016-09-04"]"#.utf8))
    }

    @Test("year groups are R and 1 to 13, read from strings or numbers, written as strings")
    func yearGroups() throws {
        #expect(Pupil.YearGroup("R") == .reception)
        for year in 1...13 {
            #expect(Pupil.YearGroup(String(year)) == .year(year))
        }
        for text in ["0", "14", "r", "Y4", ""] {
            #expect(Pupil.YearGroup(text) == nil, "\(text)")
        }
        let decoded = try ParapetJSON.decode([Pupil.YearGroup].self, from: Data(#"["R", 4, "13"]"#.utf8))
        #expect(decoded == [.reception, .year(4), .year(13)])
        #expect(try ParapetJSON.encode(decoded) == Data(#"["R","4","13"]"#.utf8))
        #expect(throws: DecodingError.self) { try ParapetJSON.decode([Pupil.YearGroup].self, from: Data("[14]".utf8)) }
    }
}
