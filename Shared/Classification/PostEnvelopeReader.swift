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
        JSONCursor.envelope(bytes, schemas: [.postV1]) { $0.post() }
    }
}

/// The shapes of a post, read with ``JSONCursor``.
extension JSONCursor {
    mutating func post() -> Post? {
        var id: UUID?, trust: String?, school: String?, account: String?, platform: MonitoredAccount.Platform?
        var externalID: String?, author: PostAuthor?, text: String?, media: [MediaAttachment]?
        var createdAt: Date?, receivedAt: Date?, revision: Int?
        var replyTo: String??, permalink: URL??, editedAt: Date??, removedAt: Date??
        let complete = object { key, cursor in
            switch key {
            case "id": return Self.assign(&id, cursor.uuid())
            case "trust": return Self.assign(&trust, cursor.string())
            case "school": return Self.assign(&school, cursor.string())
            case "account": return Self.assign(&account, cursor.string())
            case "platform": return Self.assign(&platform, cursor.string().flatMap(MonitoredAccount.Platform.init(rawValue:)))
            case "external_id": return Self.assign(&externalID, cursor.string())
            case "author": return Self.assign(&author, cursor.author())
            case "text": return Self.assign(&text, cursor.string())
            case "media": return Self.assign(&media, cursor.array { $0.attachment() })
            case "reply_to": return Self.assign(&replyTo, cursor.optional { $0.string() })
            case "created_at": return Self.assign(&createdAt, cursor.date())
            case "received_at": return Self.assign(&receivedAt, cursor.date())
            case "permalink": return Self.assign(&permalink, cursor.optional { $0.string().flatMap { URL(string: $0) } })
            case "revision": return Self.assign(&revision, cursor.integer())
            case "edited_at": return Self.assign(&editedAt, cursor.optional { $0.date() })
            case "removed_at": return Self.assign(&removedAt, cursor.optional { $0.date() })
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
            case "handle": return Self.assign(&handle, cursor.string())
            case "display_name": return Self.assign(&displayName, cursor.optional { $0.string() })
            case "kind": return Self.assign(&kind, cursor.optional { $0.string().flatMap(PostAuthor.Kind.init(rawValue:)) })
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
            case "url": return Self.assign(&url, cursor.string().flatMap { URL(string: $0) })
            case "type": return Self.assign(&type, cursor.string().flatMap(MediaAttachment.Kind.init(rawValue:)))
            case "alt_text": return Self.assign(&altText, cursor.optional { $0.string() })
            case "sha256": return Self.assign(&sha256, cursor.optional { $0.string() })
            case "tagged_people": return Self.assign(&tagged, cursor.optional { $0.array { $0.string() } })
            default: return cursor.skipValue()
            }
        }
        guard complete, let url, let type else { return nil }
        return MediaAttachment(url: url, type: type, altText: altText ?? nil, sha256: sha256 ?? nil, taggedPeople: tagged ?? nil)
    }
}
