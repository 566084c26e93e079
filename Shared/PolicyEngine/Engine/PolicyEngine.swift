import Foundation
import ParapetModels

/// Holds posts against their school's policy pack and returns verdicts.
///
/// Built once per trust (its roster, accounts and packs compiled into one matcher) and then
/// shared: `classify` is a pure function of the post, the trust's configuration, the pack
/// versions and `decidedAt`, safe to call from any number of threads at once.
public struct PolicyEngine: Sendable {
    /// The detectors' own revision: bumped whenever a change to their code changes what a
    /// verdict says. The word lists need no bump: their fingerprint is in ``rulesetVersion``.
    public static let detectorsRevision = "2026.12.2"

    /// Names the detectors and the built-in word lists: `parapet-rules/<detectors' revision>+<the
    /// first 12 hex digits of the word files' SHA-256>`. An engine's own ``rulesetVersion`` adds
    /// its trust's words to this.
    public static let builtInRulesetVersion = "parapet-rules/\(detectorsRevision)+\(WordBook.current.fingerprint.prefix(12))"

    /// The longest text the engine reads, in UTF-8 bytes; longer posts are rejected, not cut.
    public static let maximumTextBytes = 4 * 1024 * 1024

    /// The version of the rules this engine holds posts to: ``builtInRulesetVersion``, and when
    /// the trust has words of its own (or other names for a school),
    /// `+trust.<the first 8 hex digits of their SHA-256>`. Verdict ids derive from it, so a post
    /// classified again after a change of rules gets a new verdict, and under the same rules the
    /// same one.
    public let rulesetVersion: String

    let compiled: CompiledTrust

    /// Compiles `configuration` for classification.
    /// - Parameter packVersions: each school's effective pack version as stored by
    ///   `config apply` (school id to version); a school without one gets version 0, meaning
    ///   "read from files, not applied".
    /// - Throws: ``WordFileError`` when the word files installed with Parapet are missing or
    ///   wrong (file, line and entry): no post is classified without its words.
    public init(configuration: TrustConfiguration, packVersions: [String: Int] = [:]) throws(WordFileError) {
        _ = try WordBook.builtIn.get()
        rulesetVersion = Self.rulesetVersion(of: configuration)
        compiled = CompiledTrust(configuration: configuration, packVersions: packVersions, rulesetVersion: rulesetVersion)
    }

    /// The trust this engine classifies for.
    public var trust: String { compiled.trust }

    /// The verdict for `post` under its school's pack: every clause broken with its evidence,
    /// or no breaches for a benign post.
    ///
    /// The verdict's id is derived from the post's id and revision, the ruleset and the pack
    /// version, so classifying the same post again under the same rules gives the same verdict.
    public func classify(_ post: Post, decidedAt: Date) throws(ClassificationError) -> Verdict {
        let (school, account) = try compiled.place(of: post)
        let context = PostContext(post: post, school: school, trust: compiled, account: account)
        var verdict = school.verdict(
            for: post, detections: analyse(context), author: context.author, account: account, rulesetVersion: rulesetVersion,
            decidedAt: decidedAt)
        if !verdict.breaches.isEmpty { verdict.breaches = BreachSubjects.fill(verdict.breaches, in: context) }
        return verdict
    }

    /// Everything the detectors found in `post`, whether or not the school's pack has a clause
    /// for it: for policy authors trying rules (`parapet classify --explain`).
    public func detections(in post: Post) throws(ClassificationError) -> [Detection] {
        let (school, account) = try compiled.place(of: post)
        return analyse(PostContext(post: post, school: school, trust: compiled, account: account))
    }

    /// The ruleset version of `configuration`: the built-in one, with the trust's own words'
    /// fingerprint when it has any.
    public static func rulesetVersion(of configuration: TrustConfiguration) -> String {
        guard let own = TrustLexicon.fingerprint(of: configuration) else { return builtInRulesetVersion }
        return "\(builtInRulesetVersion)+trust.\(own.prefix(8))"
    }

    func analyse(_ context: PostContext) -> [Detection] {
        var found = Detections()
        Detectors.detect(in: context, into: &found)
        return found.takeAll()
    }
}
