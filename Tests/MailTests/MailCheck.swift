import Foundation
import TestSupport

/// A message as Python's standard `email` package reads it (Tests/MailTests/mime_check.py).
struct MailCheck: Decodable {
    struct Part: Decodable {
        var type: String
        var charset: String?
        var text: String
    }

    var defects: [String]
    var type: String
    var subject: String
    var from: String
    var to: [String]
    var messageID: String
    var inReplyTo: String?
    var references: String?
    var rcptTo: String
    var longestLine: Int
    var parts: [Part]

    enum CodingKeys: String, CodingKey {
        case defects, type, subject, from, to, parts
        case messageID = "message_id"
        case inReplyTo = "in_reply_to"
        case rcptTo = "rcpt_to"
        case longestLine = "longest_line"
        case references
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("mime_check.py").path

    static func read(_ file: URL) async throws -> MailCheck {
        let output = try await ChildProcess.run(["/usr/bin/python3", script, file.path])
        return try JSONDecoder().decode(MailCheck.self, from: Data(output.utf8))
    }

    /// The files the sink has filed, oldest first.
    static func delivered(in maildir: String) throws -> [URL] {
        let folder = URL(fileURLWithPath: maildir).appendingPathComponent("new")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
        return try files.sorted {
            let a = try $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
            let b = try $1.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
            return (a, $0.lastPathComponent) < (b, $1.lastPathComponent)
        }
    }
}
