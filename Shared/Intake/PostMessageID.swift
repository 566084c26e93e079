import Crypto
import Foundation
import ParapetModels

/// The envelope id of a published post: one per post revision and removal state, so publishing
/// the same stored post again (after a crash, or for a duplicate delivery) carries the same id
/// and consumers can drop the repeat.
public enum PostMessageID {
    public static func `for`(_ post: Post) -> UUID {
        let name = "parapet.post:\(post.id.lowercasedString):\(post.revision):\(post.isRemoved ? "removed" : "live")"
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: name-based, hash chosen by the application
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
