import ParapetModels

extension CompiledTrust {
    /// The school and account a post is classified under, or why it cannot be.
    func place(of post: Post) throws(ClassificationError) -> (school: CompiledSchool, account: CompiledAccount) {
        guard post.trust == trust else { throw .otherTrust(post.trust) }
        let bytes = post.text.utf8.count + post.media.reduce(0) { $0 + ($1.altText?.utf8.count ?? 0) }
        guard bytes <= PolicyEngine.maximumTextBytes else { throw .textTooLong(bytes: bytes, limit: PolicyEngine.maximumTextBytes) }
        guard let index = schoolIndex[post.school] else { throw .unknownSchool(post.school) }
        guard let account = accounts[post.account] else { throw .unknownAccount(post.account) }
        guard account.school == post.school else {
            throw .accountOfAnotherSchool(account: account.id, accountSchool: account.school, postSchool: post.school)
        }
        return (schools[Int(index)], account)
    }

    /// The person whose handle `key` (a `handleKey`) is, if any.
    func person(withHandle key: String) -> Int32? { handles[key] }
}
