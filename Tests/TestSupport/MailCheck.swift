import Foundation

/// A message as Python's standard `email` package reads it (Tests/TestSupport/mime_check.py).
public struct MailCheck: Decodable, Sendable {
    public struct Part: Decodable, Sendable {
        public var type: String
        public var charset: String?
        public var text: String
    }

    public var defects: [String]
    public var type: String
    public var subject: String
    public var from: String
    public var to: [String]
    public var messageID: String
    public var inReplyTo: String?
    public var references: String?
    public var rcptTo: String
    public var longestLine: Int
    public var parts: [Part]

    enum CodingKeys: String, CodingKey {
        case defects, type, subject, from, to, parts
        case messageID = "message_id"
        case inReplyTo = "in_reply_to"
        case rcptTo = "rcpt_to"
        case longestLine = "longest_line"
        case references
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("mime_check.py").path

    public static func read(_ file: URL) async throws -> MailCheck {
        let output = try await ChildProcess.run(["/usr/bin/python3", script, file.path])
        return try JSONDecoder().decode(MailCheck.self, from: Data(output.utf8))
    }

    /// The files the sink has filed, oldest first.
    public static func delivered(in maildir: String) throws -> [URL] {
        let folder = URL(fileURLWithPath: maildir).appendingPathComponent("new")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
        return try files.sorted {
            let a = try $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
            let b = try $1.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
            return (a, $0.lastPathComponent) < (b, $1.lastPathComponent)
        }
    }
}
