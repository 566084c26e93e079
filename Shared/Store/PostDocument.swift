import Foundation
import ParapetModels
import ParapetPostgres

/// JSON text that is already in Parapet's dialect, sent as `jsonb` as it is.
///
/// ``PostgresJSON`` encodes with a plain `JSONEncoder` (dates as numbers); a post's document
/// must be exactly what ``ParapetJSON`` writes, because it is what ingest publishes.
struct PostDocument: PostgresEncodable {
    var json: Data

    static var postgresDataType: PostgresDataType { .jsonb }

    func encode(into buffer: inout PostgresEncodingBuffer) {
        buffer.writeInteger(UInt8(1))  // jsonb's binary format version
        buffer.writeBytes(json)
    }

    /// The post stored in a document column (read as text).
    static func post(from text: String) throws -> Post {
        try ParapetJSON.decode(Post.self, from: Data(text.utf8))
    }
}

extension Post {
    /// The incoming post as the store keeps it: dates to the millisecond (as they come back
    /// from its JSON, so a returned post equals the one read back later), not removed, and
    /// `editedAt` as a new revision would carry it (the platform's time, else when ingest
    /// received it).
    func normalisedForStore() -> Post {
        var post = self
        post.createdAt = Self.wholeMilliseconds(createdAt)
        post.receivedAt = Self.wholeMilliseconds(receivedAt)
        post.editedAt = Self.wholeMilliseconds(editedAt ?? receivedAt)
        post.removedAt = nil
        return post
    }

    /// This normalised post as revision `number`: revision 1 has no `editedAt`.
    func asRevision(_ number: Int) -> Post {
        var post = self
        post.revision = number
        if number == 1 { post.editedAt = nil }
        return post
    }

    /// `date` as ParapetJSON decodes its own rendering of it: the nearest millisecond, made up
    /// the same way (whole seconds plus milliseconds), so that the two compare equal.
    static func wholeMilliseconds(_ date: Date) -> Date {
        let total = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = total >= 0 ? total / 1000 : -((-total + 999) / 1000)
        return Date(timeIntervalSince1970: Double(seconds) + Double(total - seconds * 1000) / 1000)
    }
}

/// Post JSON written directly, without `JSONEncoder`: the same object ``ParapetJSON`` writes
/// (sorted keys, absent optionals left out, dates as ``ParapetJSON/string(from:)``, URLs as
/// their absolute string, UUIDs upper-case, slashes unescaped), at a fraction of the cost.
/// Bulk import encodes every post twice (the stored document and the published envelope).
public struct PostJSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 512) {
        bytes.reserveCapacity(capacity)
    }

    /// `post` as ParapetJSON encodes it.
    public static func encode(_ post: Post) -> [UInt8] {
        var writer = PostJSONWriter()
        writer.post(post)
        return writer.bytes
    }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func string(_ value: String) {
        JSONStringEscaping.append(value, to: &bytes)
    }

    public mutating func date(_ value: Date) {
        string(ParapetJSON.string(from: value))
    }

    public mutating func post(_ post: Post) {
        raw("{\"account\":"); string(post.account)
        raw(",\"author\":{")
        if let name = post.author.displayName { raw("\"display_name\":"); string(name); raw(",") }
        raw("\"handle\":"); string(post.author.handle)
        raw(",\"kind\":"); string(post.author.kind.rawValue)
        raw("},\"created_at\":"); date(post.createdAt)
        if let edited = post.editedAt { raw(",\"edited_at\":"); date(edited) }
        raw(",\"external_id\":"); string(post.externalID)
        raw(",\"id\":"); string(post.id.uuidString)
        raw(",\"media\":[")
        for (index, item) in post.media.enumerated() {
            if index > 0 { raw(",") }
            raw("{")
            if let alt = item.altText { raw("\"alt_text\":"); string(alt); raw(",") }
            if let sha = item.sha256 { raw("\"sha256\":"); string(sha); raw(",") }
            if let tagged = item.taggedPeople {
                raw("\"tagged_people\":[")
                for (index, person) in tagged.enumerated() {
                    if index > 0 { raw(",") }
                    string(person)
                }
                raw("],")
            }
            raw("\"type\":"); string(item.type.rawValue)
            raw(",\"url\":"); string(item.url.absoluteString)
            raw("}")
        }
        raw("]")
        if let permalink = post.permalink { raw(",\"permalink\":"); string(permalink.absoluteString) }
        raw(",\"platform\":"); string(post.platform.rawValue)
        raw(",\"received_at\":"); date(post.receivedAt)
        if let removed = post.removedAt { raw(",\"removed_at\":"); date(removed) }
        if let reply = post.replyTo { raw(",\"reply_to\":"); string(reply) }
        raw(",\"revision\":"); bytes.append(contentsOf: String(post.revision).utf8)
        raw(",\"school\":"); string(post.school)
        raw(",\"text\":"); string(post.text)
        raw(",\"trust\":"); string(post.trust)
        raw("}")
    }
}
