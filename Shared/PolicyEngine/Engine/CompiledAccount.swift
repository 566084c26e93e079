import ParapetModels

/// A monitored account as the engine reads it for each post. A class: finding a post's account
/// hands out one reference, where a copy of the `MonitoredAccount` retained and released its five
/// strings for every post.
final class CompiledAccount: Sendable {
    let account: MonitoredAccount
    /// The account's external id as a handle key, and its id in lower case: an author writing
    /// with either on the school's own account is the school (worked out once, not per post).
    let externalHandleKey: String
    let lowercasedID: String

    init(_ account: MonitoredAccount) {
        self.account = account
        externalHandleKey = CompiledTrust.handleKey(account.externalID)
        lowercasedID = account.id.lowercased()
    }

    var id: String { account.id }
    var school: String { account.school }
    var name: String { account.name }
    var runBy: MonitoredAccount.Operator { account.runBy }
}
