import CCurl
import Foundation
import ParapetBlocking
import ParapetMail

/// Sends email through libcurl's SMTP support: the one place Parapet calls libcurl.
///
/// One connection, kept open between messages (libcurl reuses it), on a thread of its own: a
/// send blocks for as long as the server takes, never on Swift's cooperative pool. Sends run one
/// at a time, in the order they are asked for.
public final class SMTPClient: Sendable {
    private let configuration: SMTPConfiguration
    private let queue = BlockingQueue(label: "parapet.smtp")
    private let easy: CurlEasy

    public init(configuration: SMTPConfiguration) throws(SMTPError) {
        guard ["smtp", "smtps"].contains(configuration.url.scheme ?? "") else {
            throw SMTPError(
                kind: .configuration, code: 0, reply: "", detail: "the mail server URL must start smtp:// or smtps://, not \(configuration.url)")
        }
        guard (configuration.username == nil) == (configuration.password == nil) else {
            throw SMTPError(kind: .configuration, code: 0, reply: "", detail: "an SMTP user name needs a password, and a password a user name")
        }
        _ = CurlEasy.globalInit
        guard let easy = CurlEasy() else {
            throw SMTPError(kind: .configuration, code: 0, reply: "", detail: "libcurl could not make a handle")
        }
        self.configuration = configuration
        self.easy = easy
    }

    /// Sends `message` to each of its recipients; returns the server's reply to the message
    /// (`250 OK queued as …`).
    ///
    /// - Throws: ``SMTPError``: ``SMTPError/Kind/rejected`` for a 5xx reply (to the sender, a
    ///   recipient or the message), ``SMTPError/Kind/unavailable`` for a server that is down or
    ///   answered 4xx.
    @discardableResult
    public func send(_ message: MailMessage) async throws -> String {
        let bytes = try message.rendered()
        return try await send(bytes, sender: configuration.sender, recipients: message.to.map(\.address))
    }

    /// Sends `bytes`, an RFC 5322 message, from `sender` to `recipients`.
    @discardableResult
    public func send(_ bytes: [UInt8], sender: String, recipients: [String]) async throws(SMTPError) -> String {
        let configuration = configuration
        let easy = easy
        return try await queue.run { () throws(SMTPError) -> String in
            try easy.send(bytes, sender: sender, recipients: recipients, configuration: configuration)
        }
    }
}

/// One libcurl easy handle. Used only on its client's serial queue, which is why it may be
/// `@unchecked Sendable`; the pointer never leaves this file.
private final class CurlEasy: @unchecked Sendable {
    static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    private let handle: UnsafeMutableRawPointer

    init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    func send(_ bytes: [UInt8], sender: String, recipients: [String], configuration: SMTPConfiguration) throws(SMTPError) -> String {
        guard !recipients.isEmpty else {
            throw SMTPError(kind: .rejected, code: 0, reply: "", detail: "no recipients")
        }
        // Reset keeps the open connection: the next message goes on it.
        curl_easy_reset(handle)
        let transfer = Transfer(body: bytes)
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients { list = curl_slist_append(list, "<\(recipient)>") }
        defer { curl_slist_free_all(list) }
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        var setup: [CURLcode] = [
            parapet_curl_setopt_pointer(handle, CURLOPT_URL, configuration.url.absoluteString),
            parapet_curl_setopt_pointer(handle, CURLOPT_MAIL_FROM, "<\(sender)>"),
            parapet_curl_setopt_pointer(handle, CURLOPT_MAIL_RCPT, list),
            parapet_curl_setopt_long(handle, CURLOPT_UPLOAD, 1),
            parapet_curl_setopt_read(handle) { buffer, size, count, context in
                guard let buffer, let context else { return 0 }
                return Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().read(into: buffer, capacity: size * count)
            },
            parapet_curl_setopt_pointer(handle, CURLOPT_READDATA, context),
            // Every server reply reaches the debug callback: the last one is what a failure reports.
            parapet_curl_setopt_long(handle, CURLOPT_VERBOSE, 1),
            parapet_curl_setopt_debug(handle) { _, kind, data, size, context in
                guard kind == CURLINFO_HEADER_IN, let data, let context else { return 0 }
                Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().heard(data, size: size)
                return 0
            },
            parapet_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, context),
            parapet_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, transfer.errorBuffer),
            // Timeouts by signal would reach other threads.
            parapet_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            parapet_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(configuration.connectTimeout / .milliseconds(1))),
            parapet_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(configuration.sendTimeout / .milliseconds(1))),
        ]
        switch configuration.security {
        case .startTLS: setup.append(parapet_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
        case .implicitTLS, .none: setup.append(parapet_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue)))
        }
        if let username = configuration.username, let password = configuration.password {
            setup.append(parapet_curl_setopt_pointer(handle, CURLOPT_USERNAME, username))
            setup.append(parapet_curl_setopt_pointer(handle, CURLOPT_PASSWORD, password))
        }
        if let failed = setup.first(where: { $0 != CURLE_OK }) {
            throw SMTPError(kind: .configuration, code: 0, reply: "", detail: String(cString: curl_easy_strerror(failed)))
        }
        let result = curl_easy_perform(handle)
        var code = 0
        _ = parapet_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        // The reply that decided: the last with the code libcurl reports (not the QUIT's "221 Bye").
        let reply = transfer.replies.last { $0.hasPrefix(String(code)) } ?? transfer.replies.last ?? ""
        guard result == CURLE_OK else {
            let detail = transfer.errorText.isEmpty ? String(cString: curl_easy_strerror(result)) : transfer.errorText
            let kind: SMTPError.Kind =
                switch (code, result) {
                case (500..<600, CURLE_LOGIN_DENIED): .configuration
                case (500..<600, _): .rejected
                case (_, CURLE_UNSUPPORTED_PROTOCOL), (_, CURLE_URL_MALFORMAT), (_, CURLE_USE_SSL_FAILED): .configuration
                default: .unavailable
                }
            throw SMTPError(kind: kind, code: code, reply: reply, detail: detail)
        }
        return reply
    }
}

/// What one send's callbacks read from and write to.
private final class Transfer {
    private let body: [UInt8]
    private var offset = 0
    private(set) var replies: [String] = []
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(body: [UInt8]) {
        self.body = body
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit { errorBuffer.deallocate() }

    var errorText: String { String(cString: errorBuffer) }

    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, body.count - offset)
        guard count > 0 else { return 0 }
        body.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    func heard(_ data: UnsafeMutablePointer<CChar>, size: Int) {
        let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) where !line.isEmpty { replies.append(String(line)) }
    }
}
