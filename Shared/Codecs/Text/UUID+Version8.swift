import Foundation

extension UUID {
    /// A name-based UUID: the first 16 bytes of a hash of the name (Parapet uses SHA-256), as
    /// version 8 with the RFC 9562 variant. Post ids, envelope ids and verdict ids are made this
    /// way, so that the same name always gives the same id.
    /// - Precondition: `hash` holds at least 16 bytes.
    public init(version8Hash hash: UnsafeRawBufferPointer) {
        precondition(hash.count >= 16, "a version 8 UUID takes 16 bytes of the hash")
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &uuid) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: hash.prefix(16))) }
        uuid.6 = (uuid.6 & 0x0F) | 0x80  // version 8: name-based, hash chosen by the application
        uuid.8 = (uuid.8 & 0x3F) | 0x80  // RFC 9562 variant
        self.init(uuid: uuid)
    }
}
