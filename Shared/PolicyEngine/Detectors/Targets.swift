import ParapetModels

/// Who a sentence is about: specific people at the school, named or by role.
extension PostContext {
    /// Singular roles that point at one person ("the head", "his teacher"); plural ones ("the
    /// staff", "teachers") point at a group and are left out.
    static let groupRoles: PhraseSet = PhraseSet(WordBook.current.list("targetsGroupRoles"))

    /// Token ranges in `view` naming one identifiable person at the school: roster names, a
    /// title and a capitalised surname ("Mrs Patel"), a singular role, one of a group ("one of
    /// the dinner ladies", "a member of your staff"), a described person ("the mum with the
    /// white range rover", "the lady who runs the breakfast club"), or a particular child.
    func individuals(in view: TextView) -> [Range<Int>] { view.individuals }
}

extension TextView {
    /// "nobody's kids", "everyone's children": no one in particular.
    private static let nobody: Set<String> = WordBook.set("targetsNobody")

    /// Computed once per text (by `individuals`, when first asked) for `PostContext.individuals(in:)`.
    func findIndividuals() -> [Range<Int>] {
        var result = names.map(\.tokens)
        for hit in hits(.staffRole) {
            if !phrase(hit, isIn: PostContext.groupRoles) || singledOut(before: hit.lowerBound) {
                result.append(hit)
            }
        }
        for hit in hits(.personTitle) {
            let next = hit.upperBound
            if next < tokenCount, tokenized.tokens[next].flags.contains(.capitalised) {
                result.append(hit.lowerBound..<(next + 1))
            }
        }
        for hit in hits(.thirdPartyChild) {
            if hit.lowerBound > 0, tokenized.plain(hit.lowerBound).elementsEqual("s".utf8),
                Self.nobody.contains(tokenized.word(hit.lowerBound - 1))
            {
                continue
            }
            result.append(hit)
        }
        result += hits(.personDescription)
        return result
    }

    private static let one = Array("one".utf8), of = Array("of".utf8), member = Array("member".utf8)

    /// Whether the words just before `index` pick one person out of a group: "one of the",
    /// "one of your year 6", "a member of".
    func singledOut(before index: Int) -> Bool {
        let one = Self.one, of = Self.of, member = Self.member
        var at = index - 1
        while at >= 1 && index - at <= 4 {
            if tokenized.plain(at).elementsEqual(of) {
                let before = tokenized.plain(at - 1)
                return before.elementsEqual(one) || before.elementsEqual(member)
            }
            at -= 1
        }
        return false
    }
}
