import Foundation
import ParapetMail
import ParapetSMTP
import TestSupport
import Testing

/// Messages sent through libcurl to the local SMTP sink, read back by Python's `email` package
/// as a mail client would: valid MIME, both parts, the words as written, threaded.
@Suite(.serialized) struct EmailsAreValidMIMETests {
    static let text = """
        A post on the Stokes Wood Facebook page may break your social media policy.
        .A line that starts with a dot, and one that is much longer than seventy-six characters so that quoted-printable has to break it softly.
        Zoë's café — “quotes” and a trailing space 
        = signs = stay
        """
    static let html = "<p>A post may break <strong>clause 4.2</strong> of your policy: “naming pupils”.</p>\n<p>Zoë</p>"

    static func message(id: String, root: String? = nil, to: String = "head@stokes-wood.example.org") -> MailMessage {
        MailMessage(
            from: MailAddress("alerts@parapet.example.org", name: "Parapet (Oakfield Learning Trust)")!, to: [MailAddress(to)!],
            subject: "Stokes Wood: a post naming a pupil needs your attention — café “Zoë” with a subject long enough to need folding",
            messageID: id, threadRoot: root, date: Date(timeIntervalSince1970: 1_796_000_000), text: text, html: html)
    }

    @Test("an alert sent through libcurl arrives as valid MIME with both parts, its words and its threading")
    func alertArrivesAsValidMIME() async throws {
        try await LocalInfrastructure.with([.smtp]) { infrastructure in
            let client = try SMTPClient(
                configuration: SMTPConfiguration(url: URL(string: infrastructure.smtpURL)!, sender: "alerts@parapet.example.org"))
            let reply = try await client.send(Self.message(id: "case-1.first@parapet.example.org"))
            #expect(reply.hasPrefix("250"), "\(reply)")
            try await client.send(
                Self.message(id: "case-1.second@parapet.example.org", root: "case-1.first@parapet.example.org", to: "dsl@stokes-wood.example.org"))
            let files = try MailCheck.delivered(in: infrastructure.environment["PARAPET_SMTP_MAILDIR"] ?? "")
            #expect(files.count == 2)
            guard files.count == 2 else { return }
            let first = try await MailCheck.read(files[0])
            let second = try await MailCheck.read(files[1])
            for check in [first, second] {
                #expect(check.defects.isEmpty, "\(check.defects)")
                #expect(check.type == "multipart/alternative")
                #expect(check.subject == Self.message(id: "x").subject)
                #expect(check.from == "\"Parapet (Oakfield Learning Trust)\" <alerts@parapet.example.org>")
                #expect(check.longestLine <= 78)
                #expect(check.parts.map(\.type) == ["text/plain", "text/html"])
                #expect(check.parts.allSatisfy { $0.charset == "utf-8" })
                #expect(check.parts.first?.text == Self.text)
                #expect(check.parts.last?.text == Self.html)
            }
            #expect(first.to == ["head@stokes-wood.example.org"] && first.rcptTo == "head@stokes-wood.example.org")
            #expect(first.messageID == "<case-1.first@parapet.example.org>" && first.inReplyTo == nil && first.references == nil)
            #expect(second.to == ["dsl@stokes-wood.example.org"])
            #expect(second.inReplyTo == "<case-1.first@parapet.example.org>")
            #expect(second.references == "<case-1.first@parapet.example.org>")
        }
    }

    @Test("a recipient the server refuses is a rejection carrying its 550 reply, and the next message still goes")
    func refusedRecipientIsRejected() async throws {
        try await LocalInfrastructure.with([.smtp]) { infrastructure in
            let maildir = infrastructure.environment["PARAPET_SMTP_MAILDIR"] ?? ""
            try "gone@stokes-wood.example.org\n".write(toFile: maildir + "/reject", atomically: true, encoding: .utf8)
            let client = try SMTPClient(
                configuration: SMTPConfiguration(url: URL(string: infrastructure.smtpURL)!, sender: "alerts@parapet.example.org"))
            do {
                try await client.send(Self.message(id: "refused@parapet.example.org", to: "gone@stokes-wood.example.org"))
                Issue.record("the refused recipient was accepted")
            } catch let error as SMTPError {
                #expect(error.kind == .rejected && !error.isTransient)
                #expect(error.code == 550)
                #expect(error.reply.contains("Recipient address rejected"), "\(error)")
            }
            try await client.send(Self.message(id: "next@parapet.example.org"))
            #expect(try MailCheck.delivered(in: maildir).count == 1)
        }
    }

    @Test("a mail server that is not there is unavailable, to be tried again, not a rejection")
    func absentServerIsUnavailable() async throws {
        let port = try FreePort.next()
        let client = try SMTPClient(
            configuration: SMTPConfiguration(
                url: URL(string: "smtp://127.0.0.1:\(port)")!, sender: "alerts@parapet.example.org", connectTimeout: .seconds(2)))
        do {
            try await client.send(Self.message(id: "nowhere@parapet.example.org"))
            Issue.record("a send to a closed port succeeded")
        } catch let error as SMTPError {
            #expect(error.kind == .unavailable && error.isTransient, "\(error)")
        }
    }
}
