import Foundation
import ParapetModels
import ParapetPostgres

/// JSON text that is already in Parapet's dialect, sent as `jsonb` as it is.
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

    static var postgresDataType: PostgresDataType { .jsonb }
    static var postgresArrayDataType: PostgresDataType { .jsonbArray }

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
