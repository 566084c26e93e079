import Foundation
import ParapetModels
import ParapetPostgres

/// JSON text that is already in Parapet's dialect, sent as `json` as it is (`posts.document`
/// keeps it as written; migration 0006).
///
/// ``PostgresJSON`` encodes with a plain `JSONEncoder` (dates as numbers); a post's document
/// must be exactly what ``ParapetJSON`` writes, because it is what ingest publishes.
struct PostDocument: PostgresArrayElement {
    var json: [UInt8]

    init(json: [UInt8]) {
        self.json = json
    }

    init(json: Data) {
        self.json = Array(json)
    }

    static var postgresDataType: PostgresDataType { .json }
    static var postgresArrayDataType: PostgresDataType { .jsonArray }

    func encode(into buffer: inout PostgresEncodingBuffer) {
        buffer.writeBytes(json)  // json's binary form is its text
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
        post.normaliseForStore()
        return post
    }

    /// ``normalisedForStore()`` in place.
    mutating func normaliseForStore() {
        createdAt = ParapetJSON.wholeMilliseconds(createdAt)
        receivedAt = ParapetJSON.wholeMilliseconds(receivedAt)
        editedAt = ParapetJSON.wholeMilliseconds(editedAt ?? receivedAt)
        removedAt = nil
    }

    /// This normalised post as revision `number`: revision 1 has no `editedAt`.
    func asRevision(_ number: Int) -> Post {
        var post = self
        post.revision = number
        if number == 1 { post.editedAt = nil }
        return post
    }
}
