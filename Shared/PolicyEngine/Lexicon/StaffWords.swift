extension Lexicon {
    static let staff: [(Cue, [String])] = [
        (
            .contactInvite,
            [
                "add me", "add me on", "dm me", "d m me", "message me", "msg me", "pm me", "inbox me", "text me", "txt me", "follow me",
                "follow me on", "follow back", "followed back", "follow for follow", "f4f", "my snap", "my snapchat", "snap me", "snapchat me",
                "on snap", "on snapchat", "add me on snap", "my insta", "my instagram", "my tiktok", "my tik tok", "my number", "my mobile",
                "ring me", "call me", "whatsapp me", "what s app me", "on whatsapp", "facetime", "face time", "facetime me", "friend request~",
                "follow request~", "accepted your request", "accepted your friend", "sent you a request", "send me a request", "request me",
                "hit me up", "slide into", "chat on", "chat with me", "talk to me on", "message me privately", "drop me a message",
                "drop me a dm", "drop me a line", "dms are open", "dms open", "my dms", "in my dms", "in dms", "in the dms", "link in dms",
                "private message", "privately message", "private chat", "keep in touch", "stay in touch", "let s keep in touch", "meet up",
                "meet me", "hang out", "hang out with", "catch up with", "link up", "send me your", "send me pics", "send me photos",
                "what s your snap", "whats your snap", "what s your number", "whats your number", "your snapchat", "your insta",
                "your number", "followed", "following you", "follow you", "added you", "add you", "friended", "dm'd", "dmd", "dmed",
                "dm ed", "direct messaged", "messaged her", "messaged him", "messaged them", "texted her", "texted him", "snapped her",
                "snapped him", "my personal facebook", "my personal account", "my personal page", "my personal number", "accept requests",
                "find me on", "you know where to find me", "message me on", "message me directly", "messenger", "on messenger",
                "on roblox", "on fortnite", "on xbox", "on discord", "my discord",
                // Saying the invitation is for adults only (see StaffDetector)
                "grown ups only", "adults only", "parents only", "over 18s only", "over 18s", "no kids", "not for kids",
            ]
        ),
        (
            .workplace,
            [
                "my school", "our school", "the school i work at", "the school where i work", "where i work", "the place i work",
                "place i work", "at work", "at work today", "work today", "back to work", "my work", "my job", "my class", "my classroom",
                "my pupils", "my students", "my kids at school", "my little ones", "my year 1s", "my year 2s", "my year 3s", "my year 4s",
                "my year 5s", "my year 6s", "my reception class", "my reception kids", "my ks1", "my ks2", "my tutor group", "my form",
                "my group at school", "my class s", "the staffroom", "staff room", "staffroom", "our staffroom", "colleagues",
                "my colleagues", "my headteacher", "my head teacher", "my boss", "my line manager", "inset day", "inset", "parents evening",
                "report writing", "reports to write", "marking", "lesson planning", "lesson plans", "playground duty", "on duty",
                "break duty", "gate duty", "school trip with", "ofsted visit", "we had ofsted", "our ofsted", "ofsted", "i teach",
                "1 ta", "a ta", "the ta", "as a ta", "our ta",
                "i work at", "i work in", "teaching at", "working at", "working with the", "i m a teacher at", "i m a ta at",
                "as a teacher at", "as a teacher", "as a member of staff", "as staff", "our pupils", "our class", "our head", "our sports day",
                "our nativity", "our trip", "our leavers", "our staff", "back to school", "first day back", "end of term",
                "last day of term", "new term", "start of term", "lanyard", "teacher life", "teacherlife", "primary teaching",
                "years of teaching", "of teaching", "in the office", "school office", "the briefing", "staff briefing", "briefing",
                "staff meeting", "tas", "us tas", "the gates", "school gates", "the school gate", "at the gate", "safeguarding",
                "safeguarding rules", "we re open", "we are open", "we re closed", "we are closed", "open as normal", "we re not closing",
                "my door is always open", "come in and see me", "come and see me", "lunch menu", "the kids in my", "i help in",
                "nativity rehearsal~", "rehearsals", "fire drill", "sats week", "glue sticks", "display board", "classroom display",
            ]
        ),
        (
            .officialChannel,
            [
                "email the office", "contact the office", "ring the office", "call the office", "via the office", "through the office",
                "school office", "the office", "school email", "school account", "class dojo", "dojo", "tapestry", "seesaw", "parentmail",
                "parent mail", "google classroom", "teams", "the school app", "school website", "school newsletter", "newsletter",
                "through school", "via school", "at school", "in school", "official channels", "parents evening", "pta", "class rep",
                "class email", "class blog", "school page", "on the school website",
            ]
        ),
    ]

    static let sites: [(Cue, [String])] = [
        (
            .commerce,
            [
                "selling", "for sale", "sell", "sale", "price", "priced", "£", "buy", "buying", "order", "orders", "ordering", "pre order",
                "preorder", "dm to order", "dm for prices", "message to order", "order on", "order now", "available", "in stock", "stock",
                "delivery", "postage", "shipping", "discount", "offer", "deal", "deals", "merch", "merchandise", "hoodie~", "t shirt~",
                "tshirt~", "tee~", "mug~", "keyring~", "key ring~", "badge~", "sticker~", "tote", "tote bag~", "bag~", "book bag~",
                "printed", "printing", "print", "embroidered", "custom", "personalised", "handmade", "hand made", "etsy", "vinted",
                "ebay", "depop", "marketplace", "raffle", "tombola", "lottery", "fundraiser", "fundraising", "fund raising", "gofundme",
                "go fund me", "justgiving", "just giving", "donate", "donation~", "sponsor~", "sponsored", "sponsor form~", "collection",
                "collecting money", "collecting for", "bucket", "tickets", "ticket", "per ticket", "per child", "each",
                "business", "my business", "small business", "tutoring", "tutor~", "tuition", "lessons", "classes", "per hour", "an hour",
                "rates", "booking", "book now", "bookings", "book through me", "advert~", "advertising", "promo", "promote", "brand", "logo",
                "crest", "badge", "uniform", "uniforms", "jumper~", "sweatshirt~", "leavers hoodies", "leavers hoodie", "party", "parties",
                "bouncy castle", "cakes", "bake", "bakes", "cupcakes", "calendar~", "tea towel~", "cards", "candle~", "cufflinks",
                "earrings", "jewellery", "hamper~", "link in bio", "link in my bio", "paypal", "pay pal", "bank transfer", "cash only",
                "pay me", "send money", "forms from me", "tickets from me", "organised by me", "run by me", "order through me",
                "buy through me", "money to me", "profits to me", "profit to me", "comes to me", "paid to me", "my stall", "proceeds",
                "profits", "profit", "all money", "flyers", "products", "car sticker~", "fun day", "on sale", "each or",
            ]
        ),
        (
            .officialClaim,
            [
                "official", "officially", "the official", "official page", "official group", "official account", "on behalf of",
                "in the name of", "endorsed", "endorsed by", "approved by", "supported by", "partnered with", "in partnership with",
                "proud sponsor", "official supplier", "official partner", "school logo", "school s logo", "the logo", "logo", "crest",
                "school badge", "school crest", "with the logo", "with the crest", "with the badge", "the school name", "school name",
                "the school s name", "representing", "represent", "ambassador", "for the school", "for school", "raising money for the school",
                "raising money for", "proceeds to", "all proceeds", "money goes to", "funds for", "as recommended by", "recommended by",
                "trusted by", "as used by", "chosen by", "supplier to", "official cake", "as seen at", "in association with",
            ]
        ),
        (
            .authorised,
            [
                "pta", "p t a", "friends of", "fosp", "the friends", "school fair", "summer fair", "christmas fair", "winter fair",
                "approved by the school", "with the school s permission", "with permission", "permission from the school", "school approved",
                "head has approved", "the head agreed", "agreed with the school", "the school asked", "on behalf of the pta",
                "official school", "school uniform shop", "uniform shop", "uniform supplier", "school supplier", "school newsletter",
                "see the newsletter", "as per the newsletter", "in the newsletter", "on the school website", "on the school s website",
                "via the school website", "through the school website", "through the school office", "through the office",
                "from the office", "at the office", "in the office", "run by the school", "organised by the school", "the school s own",
                "school s own", "run with the school", "with the school s blessing", "happy for", "let the office know", "asked the pta",
                "the school knows", "approved by",
            ]
        ),
        (
            .siteSetup,
            [
                // Setting up or announcing (see SchoolNameDetector.platforms for the rest)
                "set up", "setup", "setting up", "made a", "made an", "made this", "made the", "created", "create a", "started a",
                "started an", "started the", "starting a", "launched", "launching", "just launched", "put together", "new", "brand new",
                "is live", "is now live", "now live", "are live", "live now", "up and running", "is up", "now up", "join us", "request to join",
                "ask to join", "join here", "join link", "link to join", "click to join", "invite link", "add yourself", "add yourselves",
                "give it a follow", "follow the page", "follow our page", "like our page", "like and share", "like the page", "subscribe",
                "want in on", "search for it", "dm me to join", "message me to join", "message me for the link", "for the link",
                "link below", "link in the comments", "link in comments", "link in my bio", "link in bio", "i ll let you in",
                "i ll add you", "want adding", "get added",
                // Places online
                "page", "pages", "group", "groups", "chat", "chats", "group chat", "whatsapp", "what s app", "whatsapp group",
                "whatsapp chat", "facebook group", "facebook page", "fb group", "fb page", "insta", "instagram", "insta page",
                "instagram page", "instagram account", "tiktok", "tik tok", "tiktok account", "tiktok page", "twitter", "twitter account",
                "x account", "discord", "discord server", "telegram", "telegram channel", "channel", "youtube", "youtube channel",
                "forum", "website", "site", "google site", "blog", "account", "messenger", "messenger group", "snapchat group",
                "community page", "server",
            ]
        ),
        (
            .schoolOwnWebsite,
            [
                "school website", "the school s website", "school s website", "on the website", "the website", "school app", "newsletter",
                "the official page", "our official", "the school page", "school facebook page", "the school s page", "the school s facebook",
                "the school s twitter", "the school s instagram", "the school s app", "school s app", "the school has set up",
                "the school has made", "the school has launched", "school have set up", "its own", "their own website", "run with the school",
                "shared from the",
            ]
        ),
        (
            .ageStatement,
            [
                "i m 8", "i m 9", "i m 10", "i m 11", "i m 12", "i m 13", "i am 8", "i am 9", "i am 10", "i am 11", "i am 12", "i am 13",
                "im 8", "im 9", "im 10", "im 11", "im 12", "im 13", "i m only 10", "i m only 11", "i m only 12", "i m only 13",
                "im only 10", "im only 11", "im only 12", "im only 13", "i am only 11", "i am only 12", "i m eight", "i m nine", "i m ten",
                "i m eleven", "i m twelve", "i m thirteen", "im ten", "im eleven", "im twelve", "im thirteen", "i m nearly 12", "i m nearly 13",
                "i m nearly 14", "im nearly 13", "im nearly 14", "i m almost 13", "i m almost 14", "when i turn 13", "when i m 13",
                "till i m 13", "until i m 13", "when i turn 14", "when i m 14", "till i m 14", "i turn 13", "i turn 14", "i turned 11",
                "i turned 12", "i turned 10", "i turned 13", "my 10th birthday", "my 11th birthday", "my 12th birthday", "my 13th birthday",
                "my 9th birthday", "my 11th", "my 12th", "my 10th", "i m in year", "im in year", "i am in year", "i m in yr", "im in yr",
                "i m in y", "im in y", "i m in reception", "i m in year 6", "im in year 6", "i m in year 5", "im in year 5", "i m in year 4",
                "i m in year 7", "i m in year 8", "im in year 7", "im in year 8", "i m in year 9", "in year 6 at", "in year 5 at", "in y6 at",
                "my teacher", "my class", "i go to", "i m at", "im at", "me and my friends in", "our teacher", "my mum won t let me",
                "my mum said", "my dad said", "my mum says", "aged 11", "aged 12", "age 11", "age 12", "11 years old", "12 years old",
                "10 years old", "13 years old", "11yo", "12yo", "10yo", "11 yrs", "12 yrs",
            ]
        ),
        (
            .pastTense,
            [
                "when i was", "when we were", "back when i", "years ago", "i used to", "used to be", "back in", "as a kid", "as a child",
                "growing up", "in my day", "at his age", "at her age", "at their age", "my son is", "my daughter is", "my son s", "my daughter s",
                "my son", "my daughter", "my child", "my kid", "my boy", "my girl", "he s", "she s", "he is", "she is", "they re", "they are",
                "her son", "his son", "her daughter", "his daughter",
            ]
        ),
    ]
}
