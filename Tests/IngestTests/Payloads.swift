import Foundation

/// Webhook and API bodies shaped as Meta's, X's and Parapet's documentation show them, with the
/// ids and text of an imagined school. Shared by the parser tests and the fuzz test.
enum Payloads {
    static let pageID = "104839512345678"
    static let postID = "104839512345678_122103846645077607"
    static let commentID = "122103846645077607_1354207589618104"

    /// A comment added to a Page post (Meta's `feed` sample, with `post` and `message`).
    static let metaCommentAdded = """
        {
          "entry": [
            {
              "id": "104839512345678",
              "time": 1726906500,
              "changes": [
                {
                  "value": {
                    "from": {
                      "id": "7712345678901234",
                      "name": "Sam Parent"
                    },
                    "post": {
                      "status_type": "added_photos",
                      "is_published": true,
                      "updated_time": "2024-09-21T08:14:58+0000",
                      "permalink_url": "https://www.facebook.com/104839512345678/posts/pfbid02xyz",
                      "promotion_status": "inactive",
                      "id": "104839512345678_122103846645077607"
                    },
                    "message": "Well done Year 6!",
                    "post_id": "104839512345678_122103846645077607",
                    "comment_id": "122103846645077607_1354207589618104",
                    "created_time": 1726906497,
                    "item": "comment",
                    "parent_id": "104839512345678_122103846645077607",
                    "verb": "add"
                  },
                  "field": "feed"
                }
              ]
            }
          ],
          "object": "page"
        }
        """

    /// The same comment, edited a minute later.
    static let metaCommentEdited = """
        {
          "entry": [
            {
              "id": "104839512345678",
              "time": 1726906560,
              "changes": [
                {
                  "value": {
                    "from": {
                      "id": "7712345678901234",
                      "name": "Sam Parent"
                    },
                    "message": "Well done Year 6! Shame about the referee.",
                    "post_id": "104839512345678_122103846645077607",
                    "comment_id": "122103846645077607_1354207589618104",
                    "created_time": 1726906497,
                    "item": "comment",
                    "parent_id": "104839512345678_122103846645077607",
                    "verb": "edited"
                  },
                  "field": "feed"
                }
              ]
            }
          ],
          "object": "page"
        }
        """

    /// The comment deleted.
    static let metaCommentRemoved = """
        {
          "entry": [
            {
              "id": "104839512345678",
              "time": 1726906620,
              "changes": [
                {
                  "value": {
                    "from": {
                      "id": "7712345678901234",
                      "name": "Sam Parent"
                    },
                    "parent_id": "104839512345678_122103846645077607",
                    "comment_id": "122103846645077607_1354207589618104",
                    "post_id": "104839512345678_122103846645077607",
                    "created_time": 1726906620,
                    "item": "comment",
                    "verb": "remove"
                  },
                  "field": "feed"
                }
              ]
            }
          ],
          "object": "page"
        }
        """

    /// The comment hidden by the page.
    static let metaCommentHidden = """
        {
          "entry": [
            {
              "id": "104839512345678",
              "time": 1726906680,
              "changes": [
                {
                  "value": {
                    "from": {
                      "id": "7712345678901234",
                      "name": "Sam Parent"
                    },
                    "parent_id": "104839512345678_122103846645077607",
                    "comment_id": "122103846645077607_1354207589618104",
                    "post_id": "104839512345678_122103846645077607",
                    "created_time": 1726906680,
                    "item": "comment",
                    "verb": "hide"
                  },
                  "field": "feed"
                }
              ]
            }
          ],
          "object": "page"
        }
        """

    /// A photo posted by the page (`item: photo`, the picture in `link`).
    static let metaPhotoPost = """
        {
          "entry": [
            {
              "id": "104839512345678",
              "time": 1726909200,
              "changes": [
                {
                  "field": "feed",
                  "value": {
                    "from": {
                      "id": "104839512345678",
                      "name": "Levens CE School"
                    },
                    "link": "https://scontent.xx.fbcdn.net/v/t39.30808-6/460056812_122103846_n.jpg",
                    "message": "Sports day on the top field",
                    "post_id": "104839512345678_122103999000000001",
                    "created_time": 1726909198,
                    "item": "photo",
                    "photo_id": "122103998900000001",
                    "published": 1,
                    "verb": "add"
                  }
                }
              ]
            }
          ],
          "object": "page"
        }
        """

    /// A status (text) post by the page, ISO `created_time` as some deliveries carry it.
    static let metaStatusPost = """
        {
          "entry": [
            {
              "id": "104839512345678",
              "time": 1726912800,
              "changes": [
                {
                  "field": "feed",
                  "value": {
                    "from": {
                      "id": "104839512345678",
                      "name": "Levens CE School"
                    },
                    "item": "status",
                    "post_id": "104839512345678_122104000000000002",
                    "verb": "add",
                    "published": 1,
                    "created_time": "2024-09-21T09:59:58+0000",
                    "is_hidden": false,
                    "message": "School closes at 1pm on Friday."
                  }
                }
              ]
            }
          ],
          "object": "page"
        }
        """

    /// A post with several photos (`photos`), and a reaction in the same entry (skipped).
    static let metaPhotosAndReaction = """
        {
          "object": "page",
          "entry": [
            {
              "id": "104839512345678",
              "time": 1726916400,
              "changes": [
                {
                  "field": "feed",
                  "value": {
                    "from": { "id": "104839512345678", "name": "Levens CE School" },
                    "item": "status",
                    "post_id": "104839512345678_122104000000000003",
                    "verb": "add",
                    "published": 1,
                    "created_time": 1726916399,
                    "message": "Swimming gala",
                    "photos": [
                      "https://scontent.xx.fbcdn.net/v/t39.30808-6/1_n.jpg",
                      "https://scontent.xx.fbcdn.net/v/t39.30808-6/2_n.jpg"
                    ]
                  }
                },
                {
                  "field": "feed",
                  "value": {
                    "from": { "id": "7712345678901234", "name": "Sam Parent" },
                    "item": "reaction",
                    "post_id": "104839512345678_122104000000000003",
                    "verb": "add",
                    "reaction_type": "like",
                    "created_time": 1726916450
                  }
                }
              ]
            }
          ]
        }
        """

    /// A comment on the school's Instagram media (Meta's `comments` sample).
    static let instagramComment = """
        {
          "entry": [
            {
              "id": "17841400008460056",
              "time": 1726920000,
              "changes": [
                {
                  "field": "comments",
                  "value": {
                    "from": {
                      "id": "232323232",
                      "username": "trimley_dad"
                    },
                    "media": {
                      "id": "17887498072083520",
                      "media_product_type": "FEED"
                    },
                    "id": "17865799348089039",
                    "parent_id": "17865799348089011",
                    "text": "Is that Jamie Smith in the front row?"
                  }
                }
              ]
            }
          ],
          "object": "instagram"
        }
        """

    /// An @mention of the school as Meta documents it: ids only, no words.
    static let instagramMention = """
        {
          "entry": [
            {
              "id": "17841400008460056",
              "time": 1726920100,
              "changes": [
                {
                  "field": "mentions",
                  "value": {
                    "media_id": "17918195224117851",
                    "comment_id": "17894227972186120"
                  }
                }
              ]
            }
          ],
          "object": "instagram"
        }
        """

    /// A tweet mentioning the school account, with two photos, as the Account Activity API sends it.
    static let xMentionWithMedia = """
        {
          "for_user_id": "2244994945",
          "user_has_blocked": false,
          "tweet_create_events": [
            {
              "created_at": "Wed Oct 10 20:19:24 +0000 2018",
              "id": 1050118621198921728,
              "id_str": "1050118621198921728",
              "text": "@LevensSchool look at the state of the swimming gala https://t.co/Xf3RnUh8Ab",
              "display_text_range": [0, 52],
              "source": "<a href=\\"https://mobile.twitter.com\\" rel=\\"nofollow\\">Twitter Web App</a>",
              "truncated": false,
              "in_reply_to_status_id": null,
              "in_reply_to_status_id_str": null,
              "in_reply_to_user_id": 2244994945,
              "in_reply_to_user_id_str": "2244994945",
              "in_reply_to_screen_name": "LevensSchool",
              "user": {
                "id": 6253282,
                "id_str": "6253282",
                "name": "A Parent",
                "screen_name": "a_parent",
                "location": "Cumbria",
                "protected": false,
                "verified": false,
                "followers_count": 210,
                "created_at": "Wed May 23 06:01:13 +0000 2007"
              },
              "geo": null,
              "coordinates": null,
              "place": null,
              "contributors": null,
              "is_quote_status": false,
              "quote_count": 0,
              "reply_count": 0,
              "retweet_count": 0,
              "favorite_count": 0,
              "entities": {
                "hashtags": [],
                "urls": [],
                "user_mentions": [
                  {
                    "screen_name": "LevensSchool",
                    "name": "Levens CE School",
                    "id": 2244994945,
                    "id_str": "2244994945",
                    "indices": [0, 13]
                  }
                ],
                "symbols": [],
                "media": [
                  {
                    "id": 1050118616832421888,
                    "id_str": "1050118616832421888",
                    "indices": [53, 76],
                    "media_url": "http://pbs.twimg.com/media/DpMhY2XU0AAl5Xv.jpg",
                    "media_url_https": "https://pbs.twimg.com/media/DpMhY2XU0AAl5Xv.jpg",
                    "url": "https://t.co/Xf3RnUh8Ab",
                    "display_url": "pic.twitter.com/Xf3RnUh8Ab",
                    "expanded_url": "https://twitter.com/a_parent/status/1050118621198921728/photo/1",
                    "type": "photo",
                    "sizes": { "thumb": { "w": 150, "h": 150, "resize": "crop" } }
                  }
                ]
              },
              "extended_entities": {
                "media": [
                  {
                    "id": 1050118616832421888,
                    "id_str": "1050118616832421888",
                    "indices": [53, 76],
                    "media_url": "http://pbs.twimg.com/media/DpMhY2XU0AAl5Xv.jpg",
                    "media_url_https": "https://pbs.twimg.com/media/DpMhY2XU0AAl5Xv.jpg",
                    "url": "https://t.co/Xf3RnUh8Ab",
                    "display_url": "pic.twitter.com/Xf3RnUh8Ab",
                    "expanded_url": "https://twitter.com/a_parent/status/1050118621198921728/photo/1",
                    "type": "photo",
                    "ext_alt_text": "Children at the pool side"
                  },
                  {
                    "id": 1050118616832421889,
                    "id_str": "1050118616832421889",
                    "indices": [53, 76],
                    "media_url": "http://pbs.twimg.com/media/DpMhY2XU0AAl5Xw.jpg",
                    "media_url_https": "https://pbs.twimg.com/media/DpMhY2XU0AAl5Xw.jpg",
                    "url": "https://t.co/Xf3RnUh8Ab",
                    "display_url": "pic.twitter.com/Xf3RnUh8Ab",
                    "expanded_url": "https://twitter.com/a_parent/status/1050118621198921728/photo/2",
                    "type": "photo"
                  }
                ]
              },
              "favorited": false,
              "retweeted": false,
              "possibly_sensitive": false,
              "filter_level": "low",
              "lang": "en",
              "timestamp_ms": "1539202764000"
            }
          ]
        }
        """

    /// A reply longer than 140 characters: `text` truncated, the whole of it in `extended_tweet`.
    static let xLongReply = """
        {
          "for_user_id": "2244994945",
          "tweet_create_events": [
            {
              "created_at": "Thu Oct 11 07:30:00 +0000 2018",
              "id_str": "1050287400000000001",
              "text": "@LevensSchool Replying to your post about the trip: the coach left forty minutes late and nobody told the parents waiting at the\\u2026 https://t.co/zz",
              "truncated": true,
              "in_reply_to_status_id": 1050200000000000000,
              "in_reply_to_status_id_str": "1050200000000000000",
              "user": { "id_str": "99887766", "name": "Another Parent", "screen_name": "another_parent" },
              "extended_tweet": {
                "full_text": "@LevensSchool Replying to your post about the trip: the coach left forty minutes late and nobody told the parents waiting at the gate. Not good enough.",
                "display_text_range": [14, 152],
                "entities": { "hashtags": [], "urls": [], "user_mentions": [], "symbols": [] }
              },
              "entities": { "hashtags": [], "urls": [], "user_mentions": [], "symbols": [] },
              "timestamp_ms": "1539243000000"
            }
          ]
        }
        """

    /// A tweet deleted (signed in the signature tests, so kept on one line, byte for byte).
    static let xTweetDeleted =
        #"{"for_user_id":"2244994945","tweet_delete_events":[{"status":{"id":"1045405559317569537","user_id":"732521058507620356"},"timestamp_ms":"1432228155593"}]}"#

    /// A Page comment on one line, byte for byte as signed in the signature tests.
    static let metaSignedComment =
        #"{"object":"page","entry":[{"id":"104839512345678","time":1726906500,"changes":[{"field":"feed","value":{"from":{"id":"7712345678901234","name":"Sam Parent"},"post_id":"104839512345678_122103846645077607","comment_id":"122103846645077607_1354207589618104","created_time":1726906497,"item":"comment","parent_id":"104839512345678_122103846645077607","verb":"add","message":"Well done Year 6!"}}]}]}"#

    /// One post for `/v1/posts`.
    static let genericSingle = """
        {
          "account": "levens-parents-forum",
          "external_id": "thread-88/post-4",
          "author": { "handle": "mum_of_three", "display_name": "Mum of Three", "kind": "parent" },
          "text": "Has anyone else complained about the new head?",
          "media": [
            {
              "url": "https://forum.example.org/uploads/gate.jpg",
              "type": "image",
              "alt_text": "The school gate",
              "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
            }
          ],
          "reply_to": "thread-88/post-1",
          "created_at": "2024-09-21T08:15:00Z",
          "permalink": "https://forum.example.org/t/88#post-4"
        }
        """

    /// A batch: an edited post and a removal.
    static let genericBatch = """
        {
          "posts": [
            {
              "account": "levens-parents-forum",
              "external_id": "thread-88/post-4",
              "author": { "handle": "mum_of_three" },
              "text": "Has anyone else had a problem with the new head?",
              "created_at": "2024-09-21T08:15:00Z",
              "edited_at": "2024-09-21T09:00:00.250+01:00"
            },
            {
              "account": "levens-parents-forum",
              "external_id": "thread-88/post-5",
              "removed": true,
              "removed_at": "2024-09-21T10:00:00Z"
            }
          ]
        }
        """

    /// The bytes of `text`.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A fixed receive time for every test.
    static let receivedAt = Date(timeIntervalSince1970: 1_726_920_000)
}
