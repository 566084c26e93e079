import Foundation

/// How the case pages sign leaders in and keep them signed in.
public struct CasePagesConfiguration: Sendable {
    /// `PARAPET_PUBLIC_URL`: where leaders reach the pages. Cookies are `Secure` when it is https.
    public var publicURL: URL
    /// Signed out after this long without a page (`PARAPET_PAGE_IDLE_TIMEOUT`).
    public var idleTimeout: Duration
    /// Sign-in links asked for per email address, and per remote address, in `throttleWindow`.
    public var signInsPerEmail: Int
    public var signInsPerAddress: Int
    public var throttleWindow: Duration

    public init(
        publicURL: URL, idleTimeout: Duration = .seconds(30 * 60), signInsPerEmail: Int = 5, signInsPerAddress: Int = 30,
        throttleWindow: Duration = .seconds(15 * 60)
    ) {
        self.publicURL = publicURL
        self.idleTimeout = idleTimeout
        self.signInsPerEmail = signInsPerEmail
        self.signInsPerAddress = signInsPerAddress
        self.throttleWindow = throttleWindow
    }

    var secureCookies: Bool { publicURL.scheme?.lowercased() == "https" }
}
