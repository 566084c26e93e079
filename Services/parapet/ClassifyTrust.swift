import Crypto
import Foundation
import ParapetModels
import ParapetPolicyEngine
import ParapetTrustConfiguration

/// The trust `parapet classify` judges posts for: its configuration, the engine built from it,
/// and the defaults that turn a bare text into a post of that trust.
struct ClassifyTrust: Sendable {
    /// What a post falls back to where the input does not say.
    struct Defaults: Sendable {
        var school: String
        /// Nil for the school's default account.
        var account: String?
        var author: String
        var authorKind: PostAuthor.Kind
        var decidedAt: Date
    }

    /// Where the example trust is, relative to the repository's root.
    static let exampleFolder = "Examples/oakfield-learning-trust"
    static let defaultSchool = "stour-provost"
    static let defaultAuthor = "anonymous"

    let configuration: TrustConfiguration
    let engine: PolicyEngine
    private(set) var defaults: Defaults
    private let schools: [String: School]
    private let accounts: [String: MonitoredAccount]
    /// Each school's parents' group if it has one, else its first account.
    private let defaultAccounts: [String: MonitoredAccount]

    /// Checks the default school and account (choosing the account when `defaults.account` is
    /// nil), then builds the engine.
    init(configuration: TrustConfiguration, defaults: Defaults) throws(ClassifyError) {
        self.configuration = configuration
        schools = Dictionary(configuration.schools.map { ($0.id, $0) }) { first, _ in first }
        accounts = Dictionary(configuration.accounts.map { ($0.id, $0) }) { first, _ in first }
        var defaultAccounts: [String: MonitoredAccount] = [:]
        for account in configuration.accounts {
            let chosen = defaultAccounts[account.school]
            if chosen == nil || (chosen?.runBy != .parentGroup && account.runBy == .parentGroup) {
                defaultAccounts[account.school] = account
            }
        }
        self.defaultAccounts = defaultAccounts
        self.defaults = defaults
        do {
            engine = try PolicyEngine(configuration: configuration)
        } catch {
            throw .words(error)
        }
        self.defaults.account = try resolve(school: defaults.school, account: defaults.account).account.id
    }

    /// The trust folder: `--trust`, else `PARAPET_TRUST`, else the example trust in the current directory.
    static func folder(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        option ?? environment["PARAPET_TRUST"].flatMap { $0.isEmpty ? nil : $0 } ?? exampleFolder
    }

    func school(_ id: String) -> School? { schools[id] }

    func account(_ id: String) -> MonitoredAccount? { accounts[id] }

    /// The school and account a post is on: `account`, or when nil the school's parents' group
    /// if it has one, else its first account.
    func resolve(school: String, account: String?) throws(ClassifyError) -> (school: School, account: MonitoredAccount) {
        guard let found = schools[school] else { throw .unknownSchool(school, known: configuration.schools.map(\.id)) }
        guard let account else {
            guard let chosen = defaultAccounts[school] else { throw .noAccount(school: school) }
            return (found, chosen)
        }
        guard let monitored = accounts[account] else {
            throw .unknownAccount(account, known: configuration.accounts.filter { $0.school == school }.map(\.id))
        }
        guard monitored.school == school else {
            throw .accountOfAnotherSchool(account: account, accountSchool: monitored.school, school: school)
        }
        return (found, monitored)
    }

    /// The post `input` describes, completed from the defaults: an account alone decides the
    /// school; a school alone gets its default account.
    ///
    /// The post's id is derived from what it says, so the same input gives the same verdict id.
    func post(from input: ClassifyPostInput) throws(ClassifyError) -> Post {
        let schoolID = input.school ?? input.account.flatMap { accounts[$0]?.school } ?? defaults.school
        let accountID = input.account ?? (input.school == nil || input.school == defaults.school ? defaults.account : nil)
        let (_, account) = try resolve(school: schoolID, account: accountID)
        let author = PostAuthor(
            handle: input.author?.handle ?? defaults.author, kind: input.author?.kind ?? defaults.authorKind)
        let media = input.media.enumerated().map { index, medium in
            MediaAttachment(
                url: medium.url ?? URL(string: "https://media.invalid/\(index)")!, type: medium.type, altText: medium.altText,
                taggedPeople: medium.taggedPeople)
        }
        let id = Self.postID(input: input, school: schoolID, account: account.id, author: author)
        return Post(
            id: id, trust: configuration.trust.id, school: schoolID, account: account.id, platform: account.platform,
            externalID: input.id ?? "classify-\(id.uuidString.prefix(8).lowercased())", author: author, text: input.text, media: media,
            replyTo: input.replyTo, createdAt: defaults.decidedAt, receivedAt: defaults.decidedAt)
    }

    /// Classifies `post`; the engine's refusal becomes a ``ClassifyError``.
    func classify(_ post: Post) throws(ClassifyError) -> Verdict {
        do {
            return try engine.classify(post, decidedAt: defaults.decidedAt)
        } catch {
            throw .classification(error)
        }
    }

    /// The clause a breach names in the school's effective pack.
    func clause(_ id: String, school: String) -> PolicyClause? {
        configuration.effectivePack(for: school)?.clauses.first { $0.id == id }
    }

    /// A name-based id: SHA-256 of everything that makes the post what it is.
    private static func postID(input: ClassifyPostInput, school: String, account: String, author: PostAuthor) -> UUID {
        // Every part then a NUL, hashed in one call: a hash update per part cost more than the
        // copy into one buffer.
        var name: [UInt8] = []
        name.reserveCapacity(input.text.utf8.count + 128)
        func add(_ part: String) {
            name.append(contentsOf: part.utf8)
            name.append(0)
        }
        add(input.id ?? "")
        add(school)
        add(account)
        add(author.handle)
        add(author.kind.rawValue)
        add(input.replyTo ?? "")
        add(input.text)
        for medium in input.media {
            add(medium.type.rawValue)
            add(medium.altText ?? "")
            for person in medium.taggedPeople ?? [] { add(person) }
        }
        var bytes = Array(SHA256.hash(data: name).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x50  // version 5-style name-based id
        bytes[8] = bytes[8] & 0x3F | 0x80  // RFC 4122 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9], bytes[10],
                bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
