import Foundation
import ParapetModels
import ParapetNotifications
import Testing

/// What an email may say: the case's own child by name, every other child masked, nothing of a
/// sensitive post's words, and every value escaped in the HTML part.
@Suite("Emails keep children private")
struct EmailsKeepChildrenPrivateTests {
    let composer: EmailComposer

    init() async throws {
        composer = EmailComposer(templates: try await EmailTemplates.bundled())
    }

    func facts(_ post: Post, case: Case, template: CaseNotification.Template = .caseOpened, evidence: [Evidence] = []) -> CaseEmailFacts {
        CaseEmailFacts(
            notification: NotifierFixtures.notification(case: `case`.id, template: template), trustName: "Oakfield Learning Trust",
            schoolName: "Stokes Wood Primary School", timeZone: NotifierFixtures.london, case: `case`,
            clauses: NotifierFixtures.clauses(`case`.clauseIDs), post: post, evidence: evidence, pupils: NotifierFixtures.stokesWoodPupils,
            recipientName: "Anita Chauhan", caseLink: URL(string: "https://parapet.example.org/cases/\(`case`.id.uuidString.lowercased())")!)
    }

    @Test("a child the case is not about is masked in both parts; the child it is about is named")
    func otherChildrenMasked() throws {
        let post = NotifierFixtures.post("Nathaniel Campbell hit my son and bilal farah watched. Bilal laughed. I will sort it.")
        let found = NotifierFixtures.case(clauses: ["sw-threats"], behaviours: [.threatOfViolence], post: post.id)
        let (text, html) = try composer.compose(facts(post, case: found))
        for part in [text, html] {
            #expect(part.contains("Nathaniel Campbell"))
            #expect(!part.lowercased().contains("bilal"))
            #expect(part.contains("[a child] watched. [a child] laughed."))
            // An ordinary word that is also a name stays: no pupil is called Will, but "will" must survive masking.
            #expect(part.contains("I will sort it."))
            #expect(part.contains("Posting comments which threaten violence"))
            #expect(part.contains("Ask for the post to be removed"))
            #expect(part.contains("The headteacher will ask for the post to be taken down."))
            #expect(part.contains("https://parapet.example.org/cases/\(found.id.uuidString.lowercased())"))
            #expect(part.contains("Dear Anita Chauhan"))
        }
        // The deadline, in London time: 1,790,003,600 s is 15:13 UTC, 16:13 BST, on 21 September 2026.
        #expect(text.contains("4:13pm on Monday 21 September 2026"))
    }

    @Test("the evidence is marked in both parts")
    func evidenceMarked() throws {
        let text = "I am going to smash his face in at pick-up."
        let post = NotifierFixtures.post(text)
        let range = text.range(of: "smash his face in")!
        let evidence = Evidence(span: TextSpan(range, in: text), matched: "smash his face in", detector: "lexicon.threats")
        let found = NotifierFixtures.case(clauses: ["sw-threats"], behaviours: [.threatOfViolence], post: post.id)
        let (plain, html) = try composer.compose(facts(post, case: found, evidence: [evidence]))
        #expect(plain.contains("I am going to [[smash his face in]] at pick-up."))
        #expect(html.contains("<mark style=\"background:#ffe58a;\">smash his face in</mark>"))
    }

    @Test("an allegation's email carries the school, the concern, the step, the deadline and the link, never the post or the clause")
    func sensitiveCasesSayLittle() throws {
        let post = NotifierFixtures.post("Mr Jones touched Nathaniel Campbell in the changing rooms")
        let found = NotifierFixtures.case(clauses: ["sw-allegations"], behaviours: [.allegation], post: post.id)
        let (text, html) = try composer.compose(facts(post, case: found))
        for part in [text, html] {
            #expect(!part.contains("Jones"))
            #expect(!part.contains("changing rooms"))
            #expect(!part.contains("Nathaniel"))
            #expect(!part.contains("Making allegations about staff"))
            #expect(part.contains("Stokes Wood Primary School"))
            #expect(part.contains("An allegation posted online"))
            #expect(part.contains("Ask for the post to be removed"))
            #expect(part.contains("4:13pm on Monday 21 September 2026"))
            #expect(part.contains("/cases/\(found.id.uuidString.lowercased())"))
            #expect(part.contains("this email does not repeat it"))
        }
    }

    @Test("what a post says is escaped in HTML and left as written in plain text")
    func htmlEscaped() throws {
        let post = NotifierFixtures.post("<script>alert('x')</script> & <b>you</b> will pay")
        let found = NotifierFixtures.case(clauses: ["sw-threats"], behaviours: [.threatOfViolence], post: post.id)
        let (text, html) = try composer.compose(facts(post, case: found))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<b>you</b>"))
        #expect(text.contains("<script>alert('x')</script> & <b>you</b> will pay"))
    }

    @Test("every kind of case email renders, each with its own opening words", arguments: CaseNotification.Template.allCases)
    func everyKindRenders(_ template: CaseNotification.Template) throws {
        let post = NotifierFixtures.post("You will regret this")
        var found = NotifierFixtures.case(clauses: ["sw-threats"], behaviours: [.threatOfViolence], post: post.id)
        if template == .caseClosed { found = try found.closed(.postRemoved, at: NotifierFixtures.start) }
        let (text, html) = try composer.compose(facts(post, case: found, template: template))
        let opening: String =
            switch template {
            case .caseOpened: "breaks Stokes Wood Primary School's social media policy"
            case .caseJoined: "The same author has posted again"
            case .caseEscalated: "The case has moved up the school's procedure"
            case .caseReminder: "No one has acknowledged this case yet"
            case .caseStalled: "no step has been recorded by its deadline"
            case .referralOverdue: "Local Authority Designated Officer (LADO)"
            case .caseOverdue: "No one at Stokes Wood Primary School acknowledged this case by its deadline"
            case .caseClosed: "The post was removed."
            }
        #expect(text.contains(opening))
        #expect(html.contains(opening))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!text.contains("{{") && !html.contains("{{"))
    }
}
