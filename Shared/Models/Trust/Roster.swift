/// The people of one school: pupils, staff and governors.
public struct Roster: Codable, Sendable, Hashable {
    public var school: String
    public var pupils: [Pupil]
    public var staff: [StaffMember]
    public var governors: [Governor]

    public init(school: String, pupils: [Pupil], staff: [StaffMember], governors: [Governor]) {
        self.school = school
        self.pupils = pupils
        self.staff = staff
        self.governors = governors
    }
}
