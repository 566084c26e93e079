import Foundation
import ParapetModels

/// A post as a policy author writes it for `parapet classify --json` and `--jsonl`: only `text` is
/// required; everything else falls back to the command's options.
///
/// ```json
/// {"text": "…", "school": "stour-provost", "account": "sp-parents-facebook-group",
///  "author": {"handle": "dave.p", "kind": "parent"}, "reply_to": null,
///  "media": [{"type": "image", "alt_text": "…", "tagged_people": ["sp-p-0070"]}]}
/// ```
///
/// `author` may also be a bare handle, and a medium's `tagged` is read as `tagged_people`, so the
/// labelled corpus (`Tests/PolicyEngineTests/Corpus`) can be piped in as it is. Other fields (a
/// corpus line's `label` and `breaks`) are ignored.
struct ClassifyPostInput: Decodable, Sendable, Equatable {
    /// The author: a handle, and the kind when the input gives one.
    struct Author: Decodable, Sendable, Equatable {
        var handle: String
        var kind: PostAuthor.Kind?

        init(handle: String, kind: PostAuthor.Kind?) {
            self.handle = handle
            self.kind = kind
        }

        init(from decoder: any Decoder) throws {
            if let handle = try? decoder.singleValueContainer().decode(String.self) {
                self.init(handle: handle, kind: nil)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let handle = try container.decode(String.self, forKey: .handle)
            self.init(handle: handle, kind: try container.decodeIfPresent(PostAuthor.Kind.self, forKey: .kind))
        }

        enum CodingKeys: String, CodingKey {
            case handle, kind
        }
    }

    /// An attachment: its alt text and tags are what the engine reads.
    struct Media: Decodable, Sendable, Equatable {
        var url: URL?
        var type: MediaAttachment.Kind
        var altText: String?
        var taggedPeople: [String]?

        init(url: URL?, type: MediaAttachment.Kind, altText: String?, taggedPeople: [String]?) {
            self.url = url
            self.type = type
            self.altText = altText
            self.taggedPeople = taggedPeople
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            url = try container.decodeIfPresent(URL.self, forKey: .url)
            type = try container.decodeIfPresent(MediaAttachment.Kind.self, forKey: .type) ?? .image
            altText = try container.decodeIfPresent(String.self, forKey: .altText)
            taggedPeople =
                try container.decodeIfPresent([String].self, forKey: .taggedPeople)
                ?? container.decodeIfPresent([String].self, forKey: .tagged)
        }

        enum CodingKeys: String, CodingKey {
            case url, type, tagged
            case altText = "alt_text"
            case taggedPeople = "tagged_people"
        }
    }

    /// The input's own id for the post (a corpus id, a platform id), if it gives one.
    var id: String?
    var text: String
    var school: String?
    var account: String?
    var author: Author?
    var replyTo: String?
    var media: [Media]

    init(
        id: String? = nil, text: String, school: String? = nil, account: String? = nil, author: Author? = nil, replyTo: String? = nil,
        media: [Media] = []
    ) {
        self.id = id
        self.text = text
        self.school = school
        self.account = account
        self.author = author
        self.replyTo = replyTo
        self.media = media
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id =
            (try? container.decodeIfPresent(String.self, forKey: .id))
            ?? (try? container.decodeIfPresent(Int.self, forKey: .id)).flatMap { $0.map(String.init) }
        text = try container.decode(String.self, forKey: .text)
        school = try container.decodeIfPresent(String.self, forKey: .school)
        account = try container.decodeIfPresent(String.self, forKey: .account)
        author = try container.decodeIfPresent(Author.self, forKey: .author)
        replyTo = try container.decodeIfPresent(String.self, forKey: .replyTo)
        media = try container.decodeIfPresent([Media].self, forKey: .media) ?? []
    }

    enum CodingKeys: String, CodingKey {
        case id, text, school, account, author, media
        case replyTo = "reply_to"
    }

    /// Reads one JSON post; any problem becomes one line naming the field. The common shapes
    /// are read straight from the bytes (``ClassifyPostInputReader``); anything else, and every
    /// mistake, by `decoder`.
    static func decode(_ data: Data, with decoder: JSONDecoder) throws(ClassifyError) -> ClassifyPostInput {
        if let input = data.withUnsafeBytes({ ClassifyPostInputReader.read($0.assumingMemoryBound(to: UInt8.self)) }) { return input }
        do {
            return try decoder.decode(ClassifyPostInput.self, from: data)
        } catch let error as DecodingError {
            throw .badPost(describe(error))
        } catch {
            throw .badPost("not a JSON post: \(error)")
        }
    }

    /// A decoding error as a policy author would want to read it.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return field == "text" ? "no \"text\": a post needs its text (a string)" : "no \"\(field)\""
        case .valueNotFound(_, let context):
            return "\"\(path(context.codingPath))\" is null"
        case .typeMismatch(let type, let context):
            if context.codingPath.isEmpty { return "not a JSON object: each post is one object such as {\"text\": \"…\"}" }
            let field = path(context.codingPath)
            if field == "author" { return "\"author\" must be a handle or {\"handle\": …, \"kind\": …}" }
            return "\"\(field)\" must be \(typeName(type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return "not JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))" }
            return "\"\(path(context.codingPath))\": \(context.debugDescription)"
        @unknown default:
            return "not a JSON post: \(error)"
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [String].Type: "a list of strings"
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
