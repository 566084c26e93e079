import Foundation

/// Limits how often sign-in links may be asked for: per email address and per remote address,
/// each within a sliding window. Counted alike for addresses that are contacts and those that
/// are not, so a refusal tells nothing about who is a contact.
actor SignInThrottle {
    let perEmail: Int
    let perAddress: Int
    let window: TimeInterval
    private var byEmail: [String: [Date]] = [:]
    private var byAddress: [String: [Date]] = [:]

    init(perEmail: Int = 5, perAddress: Int = 20, window: Duration = .seconds(15 * 60)) {
        self.perEmail = perEmail
        self.perAddress = perAddress
        self.window = window / .seconds(1)
    }

    /// Whether one more request from `address` for `email` may go now; counts it if so.
    func allow(email: String, address: String, now: Date = Date()) -> Bool {
        let email = email.lowercased()
        let since = now.addingTimeInterval(-window)
        let emails = (byEmail[email] ?? []).filter { $0 > since }
        let addresses = (byAddress[address] ?? []).filter { $0 > since }
        guard emails.count < perEmail, addresses.count < perAddress else {
            byEmail[email] = emails
            byAddress[address] = addresses
            return false
        }
        byEmail[email] = emails + [now]
        byAddress[address] = addresses + [now]
        if byEmail.count > 10_000 { prune(since) }
        return true
    }

    /// Forgets what has left the window, so the counts cannot grow without bound.
    private func prune(_ since: Date) {
        byEmail = byEmail.compactMapValues { dates in dates.last.map { $0 > since } == true ? dates : nil }
        byAddress = byAddress.compactMapValues { dates in dates.last.map { $0 > since } == true ? dates : nil }
    }
}
