import ParapetPolicyEngine

/// Why `parapet classify` could not classify a post: one line a policy author can act on.
enum ClassifyError: Error, CustomStringConvertible {
    /// The school is not in the trust.
    case unknownSchool(String, known: [String])
    /// The account is not one the trust monitors.
    case unknownAccount(String, known: [String])
    /// The account belongs to another school than the one given.
    case accountOfAnotherSchool(account: String, accountSchool: String, school: String)
    /// The school has no monitored account to default to.
    case noAccount(school: String)
    /// The input is not a post: not JSON, no text, a field of the wrong type.
    case badPost(String)
    /// The engine refused the post (text too long, for example).
    case classification(ClassificationError)
    /// The word files installed with Parapet are missing or wrong.
    case words(WordFileError)

    var description: String {
        switch self {
        case .unknownSchool(let school, let known):
            "no school \"\(school)\" in the trust (schools: \(known.joined(separator: ", ")))"
        case .unknownAccount(let account, let known):
            "no monitored account \"\(account)\" in the trust (accounts of the school: \(known.joined(separator: ", ")))"
        case .accountOfAnotherSchool(let account, let accountSchool, let school):
            "account \"\(account)\" belongs to school \"\(accountSchool)\", not \"\(school)\""
        case .noAccount(let school):
            "school \"\(school)\" has no monitored account to post on"
        case .badPost(let problem):
            problem
        case .classification(let error):
            error.description
        case .words(let error):
            "the word lists cannot be read: \(error.description)"
        }
    }
}
