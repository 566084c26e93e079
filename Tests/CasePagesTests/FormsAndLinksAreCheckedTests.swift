import Foundation
import Testing

@testable import ParapetCasePages

/// The pages' checks that need no server: form tokens, where sign-in may lead, form bodies,
/// what the audit log may record, and the sign-in throttle.
struct FormsAndLinksAreCheckedTests {
    @Test func aFormTokenMatchesOnlyItsOwnCookie() {
        let mine = FormToken.token(for: "parapet_aaaa_1111")
        #expect(FormToken.matches(mine, secret: "parapet_aaaa_1111"))
        #expect(!FormToken.matches(mine, secret: "parapet_aaaa_1112"))
        #expect(!FormToken.matches(FormToken.token(for: "parapet_bbbb_2222"), secret: "parapet_aaaa_1111"))
        #expect(!FormToken.matches(nil, secret: "parapet_aaaa_1111"))
        #expect(!FormToken.matches(mine, secret: nil))
        #expect(!FormToken.matches("", secret: "parapet_aaaa_1111"))
        #expect(!FormToken.matches(String(mine.dropLast()), secret: "parapet_aaaa_1111"))
        #expect(mine.count == 64 && mine.allSatisfy(\.isHexDigit))
    }

    @Test func signInLeadsOnlyToParapetsOwnPages() {
        let id = "2050eaa5-7ed4-84c2-b587-07f0a1337bf5"
        #expect(CasePages.safeNext("/cases") == "/cases")
        #expect(CasePages.safeNext("/trust") == "/trust")
        #expect(CasePages.safeNext("/cases/\(id.uppercased())") == "/cases/\(id)")
        for hostile in [
            "https://evil.example/cases", "//evil.example", "/cases/../sign-out", "/cases/\(id)/actions", "/cases/not-an-id", "",
            "javascript:alert(1)",
        ] {
            #expect(CasePages.safeNext(hostile) == nil, "\(hostile)")
        }
        #expect(CasePages.safeNext(nil) == nil)
    }

    @Test func formBodiesAreDecodedAsBrowsersEncodeThem() {
        let fields = CasePages.formFields("form_token=ab12&note=Rang+101%3B+an+officer+%26+a+PCSO&reference=CAD%204417%2F07DEC&empty=&bare")
        #expect(fields["note"] == "Rang 101; an officer & a PCSO")
        #expect(fields["reference"] == "CAD 4417/07DEC")
        #expect(fields["empty"] == "")
        #expect(fields["bare"] == "")
        #expect(CasePages.formFields("a=1&a=2")["a"] == "2")
        #expect(CasePages.formFields("bad=%zz")["bad"] == "")
    }

    @Test func theAuditLogNeverRecordsASignInLinksSecret() {
        #expect(CasePages.auditedPath("/sign-in/parapet_0011_2233") == "/sign-in/[link]")
        #expect(CasePages.auditedPath("/cases/abc") == "/cases/abc")
        #expect(CasePages.auditedPath("/" + String(repeating: "x", count: 1000)).count == 300)
    }

    @Test func theThrottleCountsEachAddressAndEachEmailInItsWindow() async {
        let throttle = SignInThrottle(perEmail: 2, perAddress: 3, window: .seconds(60))
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(await throttle.allow(email: "Head@school.org", address: "a", now: start))
        #expect(await throttle.allow(email: "head@school.org", address: "b", now: start))
        // The third for one email, from anywhere, within the minute: refused.
        #expect(await !throttle.allow(email: "HEAD@school.org", address: "c", now: start.addingTimeInterval(10)))
        #expect(await throttle.allow(email: "other@school.org", address: "a", now: start.addingTimeInterval(10)))
        #expect(await throttle.allow(email: "third@school.org", address: "a", now: start.addingTimeInterval(10)))
        // The fourth from one address: refused, whatever the email.
        #expect(await !throttle.allow(email: "fourth@school.org", address: "a", now: start.addingTimeInterval(20)))
        // Once the window has passed, both go again.
        #expect(await throttle.allow(email: "head@school.org", address: "a", now: start.addingTimeInterval(75)))
    }

    @Test func timesTakenReadAsAHeadWouldSayThem() {
        #expect(CasePages.took(59) == "1 minute")
        #expect(CasePages.took(35 * 60) == "35 minutes")
        #expect(CasePages.took(3 * 3600) == "3 hours")
        #expect(CasePages.took(3 * 3600 + 600) == "3 hours 10 minutes")
        #expect(CasePages.took(52 * 3600) == "2 days 4 hours")
    }
}
