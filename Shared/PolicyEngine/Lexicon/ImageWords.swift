extension Lexicon {
    static let images: [(Cue, [String])] = [
        // Swimwear and kit outright; PhotoDetector.waterWords and .otherWeakSwimwear list the
        // phrases that count only together ("swimmers in costumes", "gala" + "towels").
        (
            .swimwear,
            [
                "swimwear", "swimming costume~", "swim costume~", "swimming cozzie~", "cozzie~", "cossie~", "swimsuit~", "swim suit~",
                "bathing suit~", "bathing costume~", "trunks", "swim trunks", "swimming trunks", "swim shorts", "speedos", "budgie smugglers",
                "bikini~", "tankini~", "leotard~", "unitard~", "gymnastics kit", "gymnastic kit", "gym kit", "gym knickers", "gym leotard~",
                "pe kit", "p e kit", "pe top~", "pe shorts", "pe t shirt~", "sports kit", "football kit", "netball kit", "rugby kit",
                "running kit", "athletics kit", "dance kit", "in their pants", "in his pants", "in her pants", "in their underwear",
                "in his underwear", "in her underwear", "underwear", "knickers", "in their vest~", "changing room~", "changing area~",
                "changing cubicle~", "getting changed", "get changed", "got changed", "undressed", "undressing", "half dressed",
                "half naked", "naked", "topless", "shirtless", "no top on", "wetsuit~", "wet suit~", "rash vest~", "swim nappy",
                "swim nappies", "in their towels",
                // Only with another of these (see PhotoDetector)
                "costume~", "swimming", "swim", "swimmers", "swimmer", "gala", "swimming gala", "swim gala", "in the pool", "at the pool",
                "by the pool", "pool side", "poolside", "swimming lesson~", "swim lesson~", "paddling pool", "lido", "swimming relay",
                "swim squad", "swimming club", "swim club", "swimming pool", "goggles", "swim cap~", "swimming cap~", "towel~", "shower~",
                "in the showers", "splash", "sprinklers", "water play", "water fun", "pants", "lycra", "tutu~", "ballet", "cheer kit",
                "cheerleading", "gymnastics", "gymnastic", "changing",
            ]
        ),
        (
            .kitOrder,
            [
                "order form~", "price list~", "prices", "price", "£", "available to order", "order by", "orders by", "to order", "ordering",
                "uniform shop", "uniform supplier", "school shop", "in stock", "out of stock", "sizes", "size guide", "second hand",
                "secondhand", "pre loved", "preloved", "for sale", "selling", "sale", "lost property", "name labels", "label~", "iron on",
                "kit list", "what kit", "what they need", "needs to bring", "need to bring", "remember to bring", "don t forget", "reminder",
                "please bring", "bring their", "named", "please name", "timetable", "rota", "letter", "consent form", "permission slip",
                "results", "times", "poster", "flyer", "leaflet", "building", "the new pool", "pool building", "refurb~", "opening hours",
                "empty pool", "the pool is", "pool closed", "closed",
            ]
        ),
        (
            .event,
            [
                "sports day", "nativity", "nativity play", "christmas play", "school play", "the play", "school show", "the show", "concert",
                "carol service", "carols", "harvest festival", "assembly", "class assembly", "celebration assembly", "school trip", "the trip",
                "residential", "school disco", "the disco", "christmas disco", "leavers", "leavers assembly", "leavers party", "prom",
                "fun run", "litter pick", "parade", "float", "maypole", "county show", "show", "picnic", "craft morning", "snow day", "egg and spoon",
                "sack race", "relay", "school fair", "summer fair", "christmas fair", "fete", "tournament", "match", "football match",
                "netball match",
                "swimming gala", "gala", "presentation", "prize giving", "awards", "world book day", "book day", "dress up day", "dress down day",
                "red nose day", "children in need", "sports relief", "forest school", "after school club", "breakfast club", "choir", "the cast",
                "performance", "singing", "dance", "drama", "class photo", "school photo", "open day", "open evening", "graduation",
                "first day", "last day", "party", "birthday party", "playdate", "play date", "at school", "in the playground", "the playground",
                "outside school", "at the gates", "school gates", "in class", "the classroom", "pe lesson", "pe", "swimming lesson",
                "school", "their class", "the class", "the hall", "the field", "on the field",
            ]
        ),
        (
            .groupOfChildren,
            [
                "all the kids", "all the children", "the kids", "the children", "kids", "children", "the class", "whole class", "his class",
                "her class", "their class", "my son s class", "my daughter s class", "the team", "team", "squad", "the squad", "the cast",
                "the choir", "everyone", "all of them", "all of them", "the girls", "the boys", "girls", "boys", "his friends", "her friends",
                "their friends", "friends", "with friends", "and friends", "mates", "his mates", "her mates", "year 1", "year 2", "year 3",
                "year 4", "year 5", "year 6", "y1", "y2", "y3", "y4", "y5", "y6", "year 6s", "year 5s", "year 3s", "year 4s", "reception",
                "reception class", "nursery", "the group", "little ones", "the little ones", "pupils", "students", "our kids", "classmates",
                "together", "line up", "lined up", "all lined up", "gang", "the gang", "crew", "the lot of them", "both", "the two of them",
                "the three of them", "some of", "lots of", "other kids", "other children", "the others", "the rest of the class", "his teammates",
                "her teammates", "teammates", "the winners", "the runners", "every child", "each child", "swimmers", "the swimmers", "choir",
                "a class of", "class photo", "lads", "these lads", "the lads", "these two", "these three", "these four", "the two",
                "two children", "three children", "four children", "leavers", "year 1s", "year 2s", "yr1", "yr2", "yr3", "yr4", "yr5",
                "yr6", "yr 1", "yr 2", "yr 3", "yr 4", "yr 5", "yr 6", "cast", "dancers", "players", "relay team", "our team", "a group of",
                "group of", "a row of", "row of", "a line of", "line of", "helpers", "little helpers", "my helpers", "the whole of",
                "the whole school", "whole school", "little stars", "my little stars", "cubs", "brownies", "scouts",
            ]
        ),
        (
            .soloChild,
            [
                "my son", "my daughter", "my boy", "my girl", "my little boy", "my little girl", "my little one", "my child", "my lad",
                "my eldest", "my youngest", "our son", "our daughter", "our boy", "our girl", "my baby", "him", "her", "he", "she", "my kid",
                "just my", "only my", "my own",
            ]
        ),
        (
            .nonPersonImage,
            [
                "building", "the building", "sign", "the sign", "school sign", "the gate", "the gates", "gate", "car park", "road", "traffic",
                "parking", "dog", "cat", "puppy", "kitten", "pet", "rabbit", "hamster", "cake", "food", "lunch", "dinner", "menu", "poster",
                "flyer", "leaflet", "letter", "newsletter", "screenshot", "form", "notice", "timetable", "field", "garden", "flowers",
                "sunset", "view", "rainbow", "weather", "snow", "flood", "puddle", "pothole", "bin", "bins", "litter", "rubbish", "tree",
                "trees", "empty", "empty classroom", "empty hall", "the hall", "the pool building", "pool building", "new pool", "artwork",
                "painting", "drawing", "craft", "model", "lego", "certificate", "trophy", "medal", "book", "books", "uniform", "jumper",
                "shoes", "coat", "lost property", "bag", "water bottle", "lunchbox", "kit", "costume", "my costume", "the costume",
                "email", "e mail", "worksheet", "screen shot", "text message", "receipt", "invoice", "price list", "order form", "no people",
                "nobody in it", "no one in it", "nobody", "empty classroom", "empty hall", "mural", "display", "display board", "medals",
                "on a table", "on the table",
            ]
        ),
    ]
}
