/// Why a post could not be classified. Each names what was wrong, so the dead-letter entry an
/// operator reads says what to fix.
public enum ClassificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The post names a school this engine has no pack for.
    case unknownSchool(String)
    /// The post names an account this trust does not monitor.
    case unknownAccount(String)
    /// The post's account belongs to another school than the post says.
    case accountOfAnotherSchool(account: String, accountSchool: String, postSchool: String)
    /// The post belongs to another trust.
    case otherTrust(String)
    /// The text is longer than the engine reads (UTF-8 bytes).
    case textTooLong(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .unknownSchool(let school): "no policy pack for school \"\(school)\""
        case .unknownAccount(let account): "account \"\(account)\" is not a monitored account of this trust"
        case .accountOfAnotherSchool(let account, let accountSchool, let postSchool):
            "account \"\(account)\" belongs to school \"\(accountSchool)\", not \"\(postSchool)\""
        case .otherTrust(let trust): "the post belongs to trust \"\(trust)\", not this one"
        case .textTooLong(let bytes, let limit): "the text is \(bytes) bytes long; the classifier reads at most \(limit)"
        }
    }
}
