import Foundation
import ParapetMail
import Testing

/// The message writer alone, without a server: what must never reach a mail server.
@Suite struct MessagesRenderSafelyTests {
    private static func message(subject: String = "A case", id: String = "a@b.org", root: String? = nil, text: String = "x") -> MailMessage {
        MailMessage(
            from: MailAddress("alerts@parapet.example.org")!, to: [MailAddress("head@school.example.org")!], subject: subject, messageID: id,
            threadRoot: root, date: Date(timeIntervalSince1970: 0), text: text, html: "<p>\(text)</p>")
    }

    @Test("a line break in the subject or an id is refused, not written as a second header")
    func headerInjectionIsRefused() {
        #expect(throws: MailError.lineBreakInHeader("Subject")) { try Self.message(subject: "Hi\r\nBcc: everyone@example.org").rendered() }
        #expect(throws: MailError.malformedID("Message-ID", "a b@c")) { try Self.message(id: "a b@c").rendered() }
        #expect(throws: MailError.lineBreakInHeader("In-Reply-To")) { try Self.message(root: "x\n@y").rendered() }
    }

    @Test("addresses that could break a header are not addresses")
    func unsafeAddressesAreRefused() {
        for bad in ["head@school.org, other@evil.org", "no-at-sign", "a@b@c", "<a@b.org>", "a@b.org\r\nBcc: x@y.org", "@b.org", "a@"] {
            #expect(MailAddress(bad) == nil, "\(bad)")
        }
        #expect(MailAddress("head.teacher+alerts@school.example.org") != nil)
    }

    @Test("the same message renders to the same bytes, so a resend is the same email")
    func renderingIsStable() throws {
        #expect(try Self.message().rendered() == (try Self.message().rendered()))
    }

    @Test("quoted-printable lines stay within 76 characters and no body line starts with a dot")
    func bodyLinesAreSafe() throws {
        let text = (0..<40).map { ".line \($0) " + String(repeating: "é", count: $0 * 3) }.joined(separator: "\n")
        let rendered = String(decoding: try Self.message(text: text).rendered(), as: UTF8.self)
        let body = rendered.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        for line in body.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76, "\(line)")
            #expect(!line.hasPrefix("."), "\(line)")
        }
    }
}
