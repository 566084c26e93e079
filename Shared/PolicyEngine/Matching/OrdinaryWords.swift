/// First names that are also everyday English words: "will", "hope", "grace". Alone, they are
/// taken as names only when capitalised mid-sentence.
enum OrdinaryWords {
    static let names: Set<String> = [
        "will", "hope", "grace", "faith", "joy", "rose", "lily", "daisy", "holly", "ivy", "summer", "autumn", "april", "may",
        "june", "dawn", "amber", "ruby", "pearl", "jade", "crystal", "honey", "sky", "skye", "river", "rain", "storm", "star",
        "sunny", "bill", "mark", "pat", "sue", "art", "rob", "nick", "jack", "frank", "dean", "chase", "hunter", "mason", "miles",
        "brook", "brooke", "reed", "rich", "victor", "angel", "drew", "gene", "guy", "harry", "kit", "max", "penny", "robin",
        "sandy", "wade", "matt", "jean", "bob", "sonny", "don", "ray", "rocky", "buddy", "chip", "dusty", "forest", "heather",
        "hazel", "iris", "jasmine", "poppy", "violet", "willow", "olive", "flora", "bella", "belle", "bliss", "blossom", "clay",
        "cliff", "colt", "crew", "dash", "destiny", "diamond", "dixie", "eve", "fern", "gale", "glen", "glenn", "grant", "gray",
        "grey", "harmony", "haven", "heath", "jay", "jet", "jewel", "lane", "lark", "lee", "leaf", "lux", "marina", "marsh",
        "melody", "mercy", "misty", "moss", "neve", "noble", "pace", "page", "paige", "patience", "peace", "pepper", "piper",
        "prince", "queen", "raven", "reign", "rowan", "royal", "rusty", "sage", "scout", "shadow", "shelby", "sol", "sterling",
        "stone", "sunday", "tanner", "taylor", "terry", "trinity", "true", "tucker", "unity", "valentine", "wren", "zen", "win",
        "sam", "ben", "tom", "hugh", "lorraine", "carol", "cole", "lou", "mo", "al", "ed", "ted", "tim", "job", "amen", "major",
        "earl", "duke", "king", "ace", "bear", "fox", "wolf", "finch", "hawk", "robbie", "teddy", "billie", "harper", "archer",
        "carter", "cooper", "fletcher", "porter", "parker", "sawyer", "walker", "bishop", "baker", "miller", "smith", "mercy",
    ]
}
