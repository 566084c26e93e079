import ParapetPackDrafting
import Testing

/// How a policy's layout carries who a rule is for, and where sentences end.
@Suite struct PolicyDocumentReadsAudiencesTests {
    @Test func headingsListsAndSubjectsSetTheAudience() {
        let document = PolicyDocument(
            text: """
                Guidelines for Parents and Carers

                - Never include children's full names.

                Staff and Volunteer Responsibilities

                - Some members of staff may have accounts as parents. They must not respond to comments.

                All parents are invited to join staff in setting a good example by not:
                · Posting photographs of other people's children.

                The staff and governors of the school's agreement.
                We agree not to:
                · Use social networking sites to communicate with any pupil.
                """)
        let audiences = document.sentences.map { ($0.text, $0.audience) }
        #expect(audiences.first { $0.0.hasPrefix("Never include") }?.1 == .parents)
        #expect(audiences.first { $0.0.hasPrefix("They must not") }?.1 == .staff)
        #expect(audiences.first { $0.0.hasPrefix("Posting photographs") }?.1 == .parents)
        #expect(audiences.first { $0.0.hasPrefix("Use social networking") }?.1 == .staffAndGovernors)
    }

    @Test func sentencesSplitAtFullStopsButNotAbbreviations() {
        let document = PolicyDocument(
            text: "3. We may ban anyone who breaks the terms e.g. Facebook's terms do not allow under 13s. This includes tagging photographs etc.")
        #expect(
            document.sentences.map(\.text) == [
                "We may ban anyone who breaks the terms e.g. Facebook's terms do not allow under 13s.", "This includes tagging photographs etc.",
            ])
        #expect(document.sentences.allSatisfy { $0.isListItem && $0.line == 1 })
    }

    @Test func hardWrappedLinesJoinAndAListOfAimsIsMarked() {
        let document = PolicyDocument(
            text: """
                Procedure the school will follow if inappropriate use continues
                Parents must not post photographs of other children taken at school events without
                asking their parents first.

                The purpose of this policy is to:
                - Safeguard the reputation of the school.

                Parents should not:
                - Post racist comments.
                """)
        #expect(
            document.sentences.map(\.text) == [
                "Parents must not post photographs of other children taken at school events without asking their parents first.",
                "The purpose of this policy is to:", "Safeguard the reputation of the school.", "Parents should not:",
                "Post racist comments.",
            ])
        #expect(document.sentences.map(\.line) == [2, 5, 6, 8, 9])
        #expect(document.sentences.map(\.isAim) == [false, false, true, false, false])
    }
}
