import Foundation
import ParapetModels

/// Deliveries from X's Account Activity API for a subscribed school account.
///
/// A delivery is `{"for_user_id": <the school account's user id>, …events}`. Tweets in
/// `tweet_create_events` (the account's own tweets, replies to it, @mentions of it, retweets and
/// quotes) become posts; `tweet_delete_events` become removals. Every other kind of event
/// (favourites, follows, blocks, direct messages, …) is skipped without error.
public enum XWebhook {
    /// The items in one delivery: created tweets first, then deletions, each in the order X sent them.
    ///
    /// - Parameter receivedAt: when ingest received the delivery; stands in for a deletion time X leaves out.
    /// - Throws: `invalid_utf8` or `malformed_json` (400) for a body that is not UTF-8 JSON;
    ///   `invalid_field` (400) naming the JSON path for a field of the wrong type or value.
    public static func parse(_ body: [UInt8], receivedAt: Date) throws(IngestError) -> [IngestItem] {
        let root = try JSONField(JSONValue.parseRequest(body)).object()
        let account = try root.required("for_user_id").identifier()
        var items: [IngestItem] = []
        for event in try root.optional("tweet_create_events")?.array() ?? [] {
            items.append(.post(try tweet(try event.object(), account: account)))
        }
        for event in try root.optional("tweet_delete_events")?.array() ?? [] {
            let deletion = try event.object()
            let status = try deletion.required("status").object()
            items.append(
                .removal(
                    PostRemoval(
                        platform: .x, accountExternalID: account, externalID: try id(of: status),
                        at: try deletion.optional("timestamp_ms")?.unixTimeAllowingString() ?? receivedAt)))
        }
        return items
    }

    /// A v1.1 Tweet object as a draft.
    private static func tweet(_ tweet: JSONObject, account: String) throws(IngestError) -> PostDraft {
        let externalID = try id(of: tweet)
        let user = try tweet.required("user").object()
        let screenName = try user.optional("screen_name")?.nonEmptyString()
        let handle: String
        if let screenName { handle = screenName } else { handle = try id(of: user) }
        let author = PostAuthor(handle: handle, displayName: try user.optional("name")?.string())
        let extended = try tweet.optional("extended_tweet")?.object()

        var text = try fullText(of: tweet, extended: extended)
        if let retweeted = try tweet.optional("retweeted_status")?.object() {
            let original = try retweeted.optional("user")?.object().optional("screen_name")?.nonEmptyString()
            text = "RT @\(original ?? "unknown"): " + (try fullText(of: retweeted, extended: retweeted.optional("extended_tweet")?.object()))
        }

        let createdAt: Date
        if let createdField = tweet.optional("created_at") {
            let stamp = try createdField.string()
            guard let date = UTCTimestamp.twitter(stamp) else {
                throw createdField.invalid(
                    "\(JSONStringEscaping.excerpt(stamp)) is not an X time like \"Wed Oct 10 20:19:24 +0000 2018\"")
            }
            createdAt = date
        } else {
            createdAt = try tweet.required("timestamp_ms").unixTimeAllowingString()
        }

        var replyTo = try tweet.optional("in_reply_to_status_id_str")?.identifier()
        if replyTo == nil { replyTo = try tweet.optional("in_reply_to_status_id")?.identifier() }

        return PostDraft(
            platform: .x, accountExternalID: account, externalID: externalID, author: author, text: text,
            media: try media(of: tweet, extended: extended), replyTo: replyTo, createdAt: createdAt,
            permalink: screenName.flatMap { IngestURL.permalink("https://x.com/", $0, "status", externalID) })
    }

    /// `id_str`, else `id` (as digits, never through a Double).
    private static func id(of object: JSONObject) throws(IngestError) -> String {
        try object.required(anyOf: "id_str", "id").identifier()
    }

    /// `extended_tweet.full_text`, else `full_text`, else `text` (which X truncates past 140 characters).
    private static func fullText(of tweet: JSONObject, extended: JSONObject?) throws(IngestError) -> String {
        if let full = extended?.optional("full_text") { return try full.string() }
        if let full = tweet.optional("full_text") { return try full.string() }
        return try tweet.required("text").string()
    }

    /// The attached photos and videos: `extended_entities` lists them all, `entities` only the first.
    private static func media(of tweet: JSONObject, extended: JSONObject?) throws(IngestError) -> [MediaAttachment] {
        let holders = [
            extended?.optional("extended_entities"), tweet.optional("extended_entities"),
            extended?.optional("entities"), tweet.optional("entities"),
        ]
        for holder in holders {
            guard let list = try holder?.object().optional("media")?.array(), !list.isEmpty else { continue }
            var attachments: [MediaAttachment] = []
            for entry in list {
                let item = try entry.object()
                let url = try item.required(anyOf: "media_url_https", "media_url").webURL()
                let type: MediaAttachment.Kind
                switch try item.optional("type")?.string() {
                case "photo": type = .image
                case "video", "animated_gif": type = .video
                default: type = .other
                }
                attachments.append(
                    MediaAttachment(url: url, type: type, altText: try item.optional("ext_alt_text")?.string()))
            }
            return attachments
        }
        return []
    }
}
