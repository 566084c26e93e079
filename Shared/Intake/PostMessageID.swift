import Crypto
import Foundation
import ParapetModels

/// The envelope id of a published post: one per post revision and removal state, so publishing
/// the same stored post again (after a crash, or for a duplicate delivery) carries the same id
/// and consumers can drop the repeat.
public enum PostMessageID {
    public static func `for`(_ post: Post) -> UUID {
        // The name "parapet.post:<id>:<revision>:<live|removed>", written as bytes: one is
        // hashed for every post published.
        var name: [UInt8] = []
        name.reserveCapacity(72)
        name.append(contentsOf: "parapet.post:".utf8)
        post.id.appendLowercased(to: &name)
        name.append(UInt8(ascii: ":"))
        name.append(contentsOf: String(post.revision).utf8)
        name.append(contentsOf: (post.isRemoved ? ":removed" : ":live").utf8)
        return SHA256.hash(data: name).withUnsafeBytes { UUID(version8Hash: $0) }
    }
}
