import Foundation
import ParapetCodecs
import ParapetModels

/// Reads a `parapet classify` JSON post straight from its bytes with ``JSONCursor``: several
/// times faster than `JSONDecoder`, which took more of `classify --jsonl`'s time than the
/// policy engine.
///
/// A fast path, never the judge: it returns exactly the value ``ClassifyPostInput``'s `Decodable`
/// reading gives, or nil for anything it does not expect (a field of another type, an escape
/// in a key, a repeated key, bad UTF-8), and the caller then decodes the slow way, which names
/// the field at fault.
enum ClassifyPostInputReader {
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> ClassifyPostInput? {
        // Checked once here, so the cursor makes each string without checking again.
        guard UTF8Validation.isValid(bytes) else { return nil }
        var cursor = JSONCursor(bytes)
        guard let input = cursor.classifyInput(), cursor.atEnd() else { return nil }
        return input
    }
}

extension JSONCursor {
    fileprivate mutating func classifyInput() -> ClassifyPostInput? {
        var id: String??, text: String?, school: String??, account: String??
        var author: ClassifyPostInput.Author??, replyTo: String??, media: [ClassifyPostInput.Media]??
        let complete = object { key, cursor in
            switch key {
            case "id": return Self.assign(&id, cursor.optional { $0.identifier() })
            case "text": return Self.assign(&text, cursor.string())
            case "school": return Self.assign(&school, cursor.optional { $0.string() })
            case "account": return Self.assign(&account, cursor.optional { $0.string() })
            case "author": return Self.assign(&author, cursor.optional { $0.classifyAuthor() })
            case "reply_to": return Self.assign(&replyTo, cursor.optional { $0.string() })
            case "media": return Self.assign(&media, cursor.optional { $0.array { $0.classifyMedium() } })
            default: return cursor.skipValue()
            }
        }
        guard complete, let text else { return nil }
        return ClassifyPostInput(
            id: id ?? nil, text: text, school: school ?? nil, account: account ?? nil, author: author ?? nil, replyTo: replyTo ?? nil,
            media: (media ?? nil) ?? [])
    }

    /// An id given as a string or a whole number, as the slow path reads it.
    private mutating func identifier() -> String? {
        peek() == UInt8(ascii: "\"") ? string() : integer().map(String.init)
    }

    /// A bare handle, or `{"handle": …, "kind": …}`.
    private mutating func classifyAuthor() -> ClassifyPostInput.Author? {
        if peek() == UInt8(ascii: "\"") { return string().map { ClassifyPostInput.Author(handle: $0, kind: nil) } }
        var handle: String?, kind: PostAuthor.Kind??
        let complete = object { key, cursor in
            switch key {
            case "handle": return Self.assign(&handle, cursor.string())
            case "kind": return Self.assign(&kind, cursor.optional { $0.string().flatMap(PostAuthor.Kind.init(name:)) })
            default: return cursor.skipValue()
            }
        }
        guard complete, let handle else { return nil }
        return ClassifyPostInput.Author(handle: handle, kind: kind ?? nil)
    }

    private mutating func classifyMedium() -> ClassifyPostInput.Media? {
        var url: URL??, type: MediaAttachment.Kind??, altText: String??, taggedPeople: [String]??, tagged: [String]??
        let complete = object { key, cursor in
            switch key {
            case "url": return Self.assign(&url, cursor.optional { $0.string().flatMap { URL(string: $0) } })
            case "type": return Self.assign(&type, cursor.optional { $0.string().flatMap(MediaAttachment.Kind.init(name:)) })
            case "alt_text": return Self.assign(&altText, cursor.optional { $0.string() })
            case "tagged_people": return Self.assign(&taggedPeople, cursor.optional { $0.array { $0.string() } })
            case "tagged": return Self.assign(&tagged, cursor.optional { $0.array { $0.string() } })
            default: return cursor.skipValue()
            }
        }
        guard complete else { return nil }
        return ClassifyPostInput.Media(
            url: url ?? nil, type: (type ?? nil) ?? .image, altText: altText ?? nil, taggedPeople: (taggedPeople ?? nil) ?? (tagged ?? nil))
    }
}
