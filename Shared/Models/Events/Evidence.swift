/// Why a detector thinks a clause was broken: where in the post, what it matched, and which
/// detector matched it.
///
/// Where: `span` in the post's `text`; or, when `attachment` is set, in the alt text of
/// `media[attachment]`; or, with `span` nil, the attachment as a whole (a photo, its tags).
public struct Evidence: Codable, Sendable, Hashable {
    /// The stretch of text that matched, in UTF-16 code units; nil for evidence that is a whole attachment.
    public var span: TextSpan?
    /// The index in the post's `media` of the attachment the evidence is in; nil for the post's text.
    public var attachment: Int?
    /// What the detector matched, such as the lexicon term, name or tag.
    public var matched: String
    /// The detector that matched, with its rule, such as `lexicon.threats` or `roster.full-name`.
    public var detector: String

    public init(span: TextSpan?, attachment: Int? = nil, matched: String, detector: String) {
        self.span = span
        self.attachment = attachment
        self.matched = matched
        self.detector = detector
    }

    /// The text the evidence points at in `post` (its text, or its attachment's alt text); nil
    /// when the evidence is a whole attachment or does not fit the post.
    public func excerpt(in post: Post) -> Substring? {
        guard let span else { return nil }
        guard let attachment else { return span.substring(of: post.text) }
        guard post.media.indices.contains(attachment), let altText = post.media[attachment].altText else { return nil }
        return span.substring(of: altText)
    }
}
