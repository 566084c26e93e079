/// A social media account, page, forum or search that Parapet watches for one school.
public struct MonitoredAccount: Codable, Sendable, Hashable {
    public enum Platform: String, NamedChoice {
        case facebook, instagram, x, forum, website
    }

    /// Who runs it, which decides which rules apply (a school's own page has rules of its own).
    public enum Operator: String, NamedChoice {
        case school
        case parentGroup = "parent_group"
        case publicMentionSearch = "public_mention_search"
    }

    public var id: String
    public var school: String
    public var platform: Platform
    /// The page id, handle or forum id as the platform names it.
    public var externalID: String
    public var name: String
    public var runBy: Operator

    public init(id: String, school: String, platform: Platform, externalID: String, name: String, runBy: Operator) {
        self.id = id
        self.school = school
        self.platform = platform
        self.externalID = externalID
        self.name = name
        self.runBy = runBy
    }

    enum CodingKeys: String, CodingKey {
        case id, school, platform, name
        case externalID = "external_id"
        case runBy = "run_by"
    }
}
