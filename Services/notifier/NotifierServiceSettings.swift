import Foundation
import ParapetNotifications
import ParapetRuntime
import ParapetSMTP

/// The notifier's own settings.
struct NotifierServiceSettings: Sendable {
    /// `PARAPET_SMTP_URL`: `smtp://host:port` or `smtps://host:port` (required).
    var smtpURL: URL
    /// `PARAPET_SMTP_SECURITY`: `starttls`, `implicit_tls` or `none`. Default: implicit TLS for
    /// `smtps://`, none for a server on loopback, STARTTLS (required) otherwise.
    var security: SMTPConfiguration.Security
    /// `PARAPET_SMTP_USER` and `PARAPET_SMTP_PASSWORD`, or `PARAPET_SMTP_PASSWORD_FILE` naming a
    /// file that holds the password: both or neither; never logged.
    var username: String?
    var password: String?
    /// `PARAPET_MAIL_FROM`: the sender of every email (default `parapet@` and the public URL's host).
    var sender: String
    /// `PARAPET_PUBLIC_URL`: where leaders open cases (default `http://127.0.0.1:8082`).
    var publicURL: URL
    /// `PARAPET_DIGEST_TIME`: the local time of the daily digest, `HH:MM` in each trust's time zone (default 16:00).
    var digestHour: Int
    var digestMinute: Int
    /// `PARAPET_NOTIFIER_LANES`: how many cases' emails go out side by side, each on its own SMTP connection (default 4).
    var lanes: Int
    /// `PARAPET_NOTIFIER_BATCH_SIZE`: the most notifications polled at once (default 500).
    var batchSize: Int

    init(_ reader: ConfigurationReader) throws(ConfigurationErrors) {
        let securityText: String?
        let passwordFile: String?
        let digestTime: (Int, Int)
        (smtpURL, securityText, username, password, passwordFile) = try reader.values(
            ConfigurationKey("PARAPET_SMTP_URL", .url(schemes: ["smtp", "smtps"])),
            ConfigurationKey.optional("PARAPET_SMTP_SECURITY", .oneOf(["starttls", "implicit_tls", "none"])),
            ConfigurationKey.optional("PARAPET_SMTP_USER", .string),
            ConfigurationKey.optional("PARAPET_SMTP_PASSWORD", .string(expected: "the password")),
            ConfigurationKey.optional("PARAPET_SMTP_PASSWORD_FILE", .string(expected: "a file holding the password")))
        let publicURL: URL
        let from: String?
        (publicURL, from, digestTime, lanes, batchSize) = try reader.values(
            ConfigurationKey("PARAPET_PUBLIC_URL", .url(schemes: ["http", "https"]), default: URL(string: "http://127.0.0.1:8082")),
            ConfigurationKey.optional("PARAPET_MAIL_FROM", .string(expected: "an email address")),
            ConfigurationKey("PARAPET_DIGEST_TIME", Self.timeOfDay, default: (16, 0)),
            ConfigurationKey("PARAPET_NOTIFIER_LANES", .int(in: 1...32), default: 4),
            ConfigurationKey("PARAPET_NOTIFIER_BATCH_SIZE", .int(in: 1...10_000), default: 500))
        self.publicURL = publicURL
        (digestHour, digestMinute) = digestTime
        sender = from ?? "parapet@\(publicURL.host ?? "localhost")"
        if password == nil, let passwordFile {
            guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                throw ConfigurationErrors([
                    ConfigurationError(
                        kind: .invalid, variable: "PARAPET_SMTP_PASSWORD_FILE", shownValue: "\"\(passwordFile)\"",
                        reason: "cannot be read", expected: "a file holding the password",
                        location: reader.location(of: "PARAPET_SMTP_PASSWORD_FILE"))
                ])
            }
            password = text.trimmingCharacters(in: .newlines)
        }
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(smtpURL.host ?? "")
        security =
            securityText.flatMap(SMTPConfiguration.Security.init(rawValue:))
            ?? (smtpURL.scheme == "smtps" ? .implicitTLS : loopback ? .none : .startTLS)
    }

    /// `HH:MM`, 24-hour.
    static let timeOfDay = ConfigurationParser<(Int, Int)>(expected: "a time of day, HH:MM") { text throws(ConfigurationRejection) in
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { throw ConfigurationRejection("is not a time of day") }
        return (hour, minute)
    }

    var smtp: SMTPConfiguration {
        SMTPConfiguration(url: smtpURL, security: security, sender: sender, username: username, password: password)
    }
}
