import Foundation

/// Post JSON written with ``JSONWriter``, without `JSONEncoder`: the same object ``ParapetJSON``
/// writes (sorted keys, absent optionals left out, dates as ``ParapetJSON/string(from:)``, URLs
/// as their absolute string, UUIDs upper-case, slashes unescaped), at a fraction of the cost.
/// Bulk import encodes every post twice (the stored document and the published envelope), and
/// every post published is encoded once more in its envelope.
public enum PostJSONWriter {
    /// `post` as ParapetJSON encodes it.
    public static func encode(_ post: Post) -> [UInt8] {
        var writer = JSONWriter()
        writer.post(post)
        return writer.bytes
    }

    /// `envelope` as ParapetJSON encodes it (sorted keys), its post written by ``post(_:)``.
    public static func encode(_ envelope: Envelope<Post>) -> [UInt8] {
        encode(envelope) { $0.post(envelope.payload) }
    }

    /// ``encode(_:)`` with the post's JSON already written (`encode(envelope.payload)`), as
    /// the store has it for a new post.
    public static func encode(_ envelope: Envelope<Post>, payloadJSON: [UInt8]) -> [UInt8] {
        encode(envelope) { $0.append(json: payloadJSON) }
    }

    private static func encode(_ envelope: Envelope<Post>, payload: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(capacity: 768)
        writer.raw("{\"id\":"); writer.uuid(envelope.id)
        writer.raw(",\"occurred_at\":"); writer.date(envelope.occurredAt)
        writer.raw(",\"payload\":"); payload(&writer)
        writer.raw(",\"schema\":"); writer.string(envelope.schema.description)
        writer.raw(",\"school\":"); writer.string(envelope.school)
        writer.raw(",\"trust\":"); writer.string(envelope.trust)
        writer.raw("}")
        return writer.bytes
    }

}

extension JSONWriter {
    /// `post` as ParapetJSON encodes it.
    public mutating func post(_ post: Post) {
        raw("{\"account\":"); string(post.account)
        raw(",\"author\":{")
        if let name = post.author.displayName { raw("\"display_name\":"); string(name); raw(",") }
        raw("\"handle\":"); string(post.author.handle)
        raw(",\"kind\":"); string(post.author.kind.rawValue)
        raw("},\"created_at\":"); date(post.createdAt)
        if let edited = post.editedAt { raw(",\"edited_at\":"); date(edited) }
        raw(",\"external_id\":"); string(post.externalID)
        raw(",\"id\":"); uuid(post.id)
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
        raw(",\"revision\":"); integer(post.revision)
        raw(",\"school\":"); string(post.school)
        raw(",\"text\":"); string(post.text)
        raw(",\"trust\":"); string(post.trust)
        raw("}")
    }
}

extension Post {
    /// Written by ``PostJSONWriter``: every post ingest accepts is published in its envelope.
    public static func encodedEnvelope(_ envelope: Envelope<Post>) -> [UInt8] {
        PostJSONWriter.encode(envelope)
    }
}
