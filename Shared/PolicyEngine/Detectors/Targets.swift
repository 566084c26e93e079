import ParapetModels

/// Who a sentence is about: specific people at the school, named or by role.
extension PostContext {
    /// Singular roles that point at one person ("the head", "his teacher"); plural ones ("the
    /// staff", "teachers") point at a group and are left out.
    static let groupRoles: Set<String> = [
        "teachers", "the teachers", "staff", "the staff", "office staff", "the office", "governors", "tas", "dinner ladies", "trust",
        "staff members", "members of staff", "teaching assistants", "lunchtime supervisors", "coaches", "tutors", "mrs", "mr", "ms",
        "miss", "sir", "dr", "head of",
    ]

    /// Token ranges in `view` naming one identifiable person at the school: roster names, a
    /// title and a capitalised surname ("Mrs Patel"), a singular role, or a particular child.
    func individuals(in view: TextView) -> [Range<Int>] {
        var result = view.names.map(\.tokens)
        for hit in view.hits(.staffRole) where !Self.groupRoles.contains(view.phrase(hit)) {
            result.append(hit)
        }
        for hit in view.hits(.personTitle) {
            let next = hit.upperBound
            if next < view.tokenCount, view.tokenized.tokens[next].flags.contains(.capitalised) {
                result.append(hit.lowerBound..<(next + 1))
            }
        }
        result += view.hits(.thirdPartyChild)
        return result
    }
}
