import Foundation
import ParapetCodecs

/// Reading a JSON Lines file of posts for `parapet import`: each line one post object in the
/// shape of ``GenericPostRequest`` (not a `{"posts": …}` batch), errors prefixed with the line
/// number (`line 12: created_at: "yesterday" is not an ISO 8601 time`).
public enum JSONLinesImport {
    /// Whether `line` holds nothing but white space, which a JSON Lines reader skips.
    public static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    /// The post on one line, beside the account id it names.
    ///
    /// - Parameters:
    ///   - bytes: the line's bytes, with or without its line ending.
    ///   - number: the line's number, counting from 1, for messages.
    ///   - receivedAt: when the import read it.
    /// - Throws: the errors of ``GenericPostRequest/decode(_:receivedAt:)``, messages prefixed `line N: `.
    public static func decode(
        _ bytes: [UInt8], line number: Int, receivedAt: Date
    ) throws(IngestError) -> (account: String, item: IngestItem) {
        do {
            let value = try JSONValue.parseRequest(bytes, name: "post")
            return try GenericPostRequest.post(JSONField(value, rootName: "post"), receivedAt: receivedAt)
        } catch {
            throw error.prefixed("line \(number): ")
        }
    }
}
