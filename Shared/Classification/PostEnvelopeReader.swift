import Foundation
import ParapetModels

/// Reads a `parapet.post/1` envelope straight from its bytes, several times faster than
/// `JSONDecoder`, which at the classifier's rate would take more CPU than the policy engine.
///
/// It is a fast path, never the judge: it returns a post only for a well-formed envelope whose
/// every field it understands, and then exactly the value ``IncomingEvent/init(json:)`` would
/// give. For anything else (another schema or version, a field out of place, an escape or a
/// number it does not handle, bad UTF-8, a duplicate key) it returns nil, and the caller reads
/// the message with ``IncomingEvent``, which accepts every schema version the models accept and
/// says precisely what is wrong with a bad message.
public enum PostEnvelopeReader {
    public static func read(_ bytes: [UInt8]) -> Envelope<Post>? {
        bytes.withUnsafeBufferPointer { buffer in
            // Checked once here, so each string below is made without checking again.
            guard UTF8Validation.isValid(buffer) else { return nil }
            var reader = JSONCursor(buffer)
            guard let envelope = reader.envelope(), reader.atEnd() else { return nil }
            return envelope
        }
    }
}

/// The shapes of a post envelope, read with ``JSONCursor``.
extension JSONCursor {
    mutating func envelope() -> Envelope<Post>? {
        var schema: String?, id: UUID?, trust: String?, school: String?, occurredAt: Date?, payload: Post?
        let complete = object { key, cursor in
            switch key {
            case "schema": return assign(&schema, cursor.string())
            case "id": return assign(&id, cursor.uuid())
            case "trust": return assign(&trust, cursor.string())
            case "school": return assign(&school, cursor.string())
            case "occurred_at": return assign(&occurredAt, cursor.date())
            case "payload": return assign(&payload, cursor.post())
            default: return cursor.skipValue()
            }
        }
        guard complete, schema == EventSchema.postV1.description, let id, let trust, let school, let occurredAt,
            let payload, payload.school == school
        else { return nil }
        return Envelope(schema: .postV1, id: id, trust: trust, school: school, occurredAt: occurredAt, payload: payload)
    }

    mutating func post() -> Post? {
        var id: UUID?, trust: String?, school: String?, account: String?, platform: MonitoredAccount.Platform?
        var externalID: String?, author: PostAuthor?, text: String?, media: [MediaAttachment]?
        var createdAt: Date?, receivedAt: Date?, revision: Int?
        var replyTo: String??, permalink: URL??, editedAt: Date??, removedAt: Date??
        let complete = object { key, cursor in
            switch key {
            case "id": return assign(&id, cursor.uuid())
            case "trust": return assign(&trust, cursor.string())
            case "school": return assign(&school, cursor.string())
            case "account": return assign(&account, cursor.string())
            case "platform": return assign(&platform, cursor.string().flatMap(MonitoredAccount.Platform.init(rawValue:)))
            case "external_id": return assign(&externalID, cursor.string())
            case "author": return assign(&author, cursor.author())
            case "text": return assign(&text, cursor.string())
            case "media": return assign(&media, cursor.array { $0.attachment() })
            case "reply_to": return assign(&replyTo, cursor.optional { $0.string() })
            case "created_at": return assign(&createdAt, cursor.date())
            case "received_at": return assign(&receivedAt, cursor.date())
            case "permalink": return assign(&permalink, cursor.optional { $0.string().flatMap { URL(string: $0) } })
            case "revision": return assign(&revision, cursor.integer())
            case "edited_at": return assign(&editedAt, cursor.optional { $0.date() })
            case "removed_at": return assign(&removedAt, cursor.optional { $0.date() })
            default: return cursor.skipValue()
            }
        }
        guard complete, let id, let trust, let school, let account, let platform, let externalID, let author, let text,
            let media, let createdAt, let receivedAt, let revision, revision >= 1
        else { return nil }
        return Post(
            id: id, trust: trust, school: school, account: account, platform: platform, externalID: externalID,
            author: author, text: text, media: media, replyTo: replyTo ?? nil, createdAt: createdAt, receivedAt: receivedAt,
            permalink: permalink ?? nil, revision: revision, editedAt: editedAt ?? nil, removedAt: removedAt ?? nil)
    }

    mutating func author() -> PostAuthor? {
        var handle: String?, displayName: String??, kind: PostAuthor.Kind??
        let complete = object { key, cursor in
            switch key {
            case "handle": return assign(&handle, cursor.string())
            case "display_name": return assign(&displayName, cursor.optional { $0.string() })
            case "kind": return assign(&kind, cursor.optional { $0.string().flatMap(PostAuthor.Kind.init(rawValue:)) })
            default: return cursor.skipValue()
            }
        }
        guard complete, let handle else { return nil }
        return PostAuthor(handle: handle, displayName: displayName ?? nil, kind: (kind ?? nil) ?? .unknown)
    }

    mutating func attachment() -> MediaAttachment? {
        var url: URL?, type: MediaAttachment.Kind?, altText: String??, sha256: String??, tagged: [String]??
        let complete = object { key, cursor in
            switch key {
            case "url": return assign(&url, cursor.string().flatMap { URL(string: $0) })
            case "type": return assign(&type, cursor.string().flatMap(MediaAttachment.Kind.init(rawValue:)))
            case "alt_text": return assign(&altText, cursor.optional { $0.string() })
            case "sha256": return assign(&sha256, cursor.optional { $0.string() })
            case "tagged_people": return assign(&tagged, cursor.optional { $0.array { $0.string() } })
            default: return cursor.skipValue()
            }
        }
        guard complete, let url, let type else { return nil }
        return MediaAttachment(url: url, type: type, altText: altText ?? nil, sha256: sha256 ?? nil, taggedPeople: tagged ?? nil)
    }
}

/// Sets `slot` to `value`; false when there is no value (the member could not be read).
private func assign<Value>(_ slot: inout Value?, _ value: Value?) -> Bool {
    guard let value else { return false }
    slot = value
    return true
}
