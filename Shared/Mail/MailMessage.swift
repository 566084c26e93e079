import Foundation

/// One email as Parapet sends it: plain text and HTML alternatives of the same words, UTF-8,
/// threaded by `Message-ID`, `In-Reply-To` and `References`.
///
/// A pure value; ``rendered()`` gives the RFC 5322 bytes an SMTP server accepts, with CRLF line
/// ends, quoted-printable bodies and RFC 2047 encoded words for a subject that is not ASCII.
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    /// Without angle brackets: `4F1C…@parapet.example.org`.
    public var messageID: String
    /// The `Message-ID` of the first email of its thread, nil for the first itself.
    public var threadRoot: String?
    public var date: Date
    public var text: String
    public var html: String

    public init(
        from: MailAddress, to: [MailAddress], subject: String, messageID: String, threadRoot: String? = nil, date: Date,
        text: String, html: String
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.messageID = messageID
        self.threadRoot = threadRoot
        self.date = date
        self.text = text
        self.html = html
    }

    /// The message as sent: headers, then both parts in one `multipart/alternative` body.
    ///
    /// - Throws: ``MailError`` when a header would be malformed (a line break in the subject or
    ///   an id, no recipient).
    public func rendered() throws(MailError) -> [UInt8] {
        guard !to.isEmpty else { throw MailError.noRecipient }
        for (name, value) in [("Subject", subject), ("Message-ID", messageID), ("In-Reply-To", threadRoot ?? "")]
        where value.contains(where: \.isNewline) {
            throw MailError.lineBreakInHeader(name)
        }
        for (name, value) in [("Message-ID", messageID), ("In-Reply-To", threadRoot ?? "")]
        where value.contains(where: { $0 == "<" || $0 == ">" || $0 == " " }) {
            throw MailError.malformedID(name, value)
        }
        // "=_" cannot occur in quoted-printable text ("=" is always "=3D" there), so the
        // boundary never appears in a part.
        let boundary = "=_parapet_" + MIMEEncoding.boundaryToken(for: messageID)
        var out = ""
        out.reserveCapacity(2 * (text.utf8.count + html.utf8.count) + 1024)
        func header(_ name: String, _ value: String) { out += MIMEEncoding.folded(name + ": " + value) + "\r\n" }
        header("Date", MIMEEncoding.rfc5322Date(date))
        header("From", from.header)
        header("To", to.map(\.header).joined(separator: ", "))
        out += MIMEEncoding.encodedHeader(name: "Subject", value: subject) + "\r\n"
        header("Message-ID", "<\(messageID)>")
        if let root = threadRoot {
            header("In-Reply-To", "<\(root)>")
            header("References", "<\(root)>")
        }
        header("MIME-Version", "1.0")
        header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
        out += "\r\n"
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            out += "--\(boundary)\r\n"
            out += "Content-Type: \(type); charset=utf-8\r\n"
            out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            out += MIMEEncoding.quotedPrintable(body)
            out += "\r\n"
        }
        out += "--\(boundary)--\r\n"
        return Array(out.utf8)
    }
}

/// An email address, with the name shown for it.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public var address: String
    public var name: String?

    /// Nil unless `address` is one mailbox, `local@domain`, with nothing a header could be
    /// broken by (spaces, line breaks, angle brackets, commas).
    public init?(_ address: String, name: String? = nil) {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            !address.contains(where: { $0.isWhitespace || $0.isNewline || "<>,;\"()[]\\".contains($0) })
        else { return nil }
        self.address = address
        self.name = name.map { $0.filter { !$0.isNewline } }
    }

    public var description: String { address }

    /// As a `From` or `To` header has it: `"Parapet" <alerts@example.org>`, the name in an
    /// encoded word when it is not ASCII.
    var header: String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        return "\(MIMEEncoding.phrase(name)) <\(address)>"
    }
}

/// Why a message cannot be written.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    case noRecipient
    case lineBreakInHeader(String)
    case malformedID(String, String)

    public var description: String {
        switch self {
        case .noRecipient: "an email needs at least one recipient"
        case .lineBreakInHeader(let name): "the \(name) header would contain a line break"
        case .malformedID(let name, let value): "\(name) \"\(value)\" is not an id (no spaces or angle brackets)"
        }
    }
}
