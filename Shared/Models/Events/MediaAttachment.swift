import Foundation

/// A photo, video or other file attached to a post.
public struct MediaAttachment: Codable, Sendable, Hashable {
    /// What the file is.
    public enum Kind: String, NamedChoice {
        case image, video, other

        /// The names platforms give the same things: Meta's and X's `photo`, and X's
        /// `animated_gif` (which it serves as a video).
        public static let aliases: [String: Kind] = ["photo": .image, "animated_gif": .video]
    }

    /// Where the platform serves the file.
    public var url: URL
    public var type: Kind
    /// The platform's or author's description of the file, when there is one.
    public var altText: String?
    /// SHA-256 of the file's bytes in lower-case hex, when ingest fetched it.
    public var sha256: String?
    /// Handles or names the platform says are tagged in it: nil when the platform does not say,
    /// empty when it says no one is.
    public var taggedPeople: [String]?

    public init(url: URL, type: Kind, altText: String? = nil, sha256: String? = nil, taggedPeople: [String]? = nil) {
        self.url = url
        self.type = type
        self.altText = altText
        self.sha256 = sha256
        self.taggedPeople = taggedPeople
    }

    enum CodingKeys: String, CodingKey {
        case url, type, sha256
        case altText = "alt_text"
        case taggedPeople = "tagged_people"
    }
}
