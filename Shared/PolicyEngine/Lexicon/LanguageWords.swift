extension Lexicon {
    static let language: [(Cue, [String])] = [
        (
            .swearing,
            [
                "fuck~", "fuk~", "fck~", "fcking", "fkn", "fking", "fukin", "fooking", "fecking", "feck~", "effing", "motherfucker~", "mofo",
                "fuckwit~", "fuckface", "fuckhead", "clusterfuck", "fucktard", "fuckup", "fucked up", "fuck off", "fuck you", "fucksake",
                "for fuck sake", "for fucks sake", "fuckoff", "fuckyou", "fuckers", "motherfucking", "muthafucka~", "shit~", "shite", "shitty",
                "bullshit", "shitshow~", "shitstorm~", "shitfaced", "apeshit", "batshit", "horseshit", "dipshit~", "chickenshit", "shithouse",
                "shithead~", "shithole", "shitbag", "shitstain",
                "piece of shit", "twat~", "twatwaffle", "twatface", "wanker~", "wank~", "bollocks", "bollox", "bellend~", "dickhead~",
                "dick", "dicks", "dickface", "dickwad", "prick", "pricks", "knobhead~", "knob", "knobs", "knobend", "arse", "arses", "arsehole~",
                "asshole~", "arsewipe", "arsehat", "ass", "cunt~", "cunty", "cocksucker~", "wazzock~", "numbnuts", "twonk~",
                "asshat", "dumbass", "jackass", "smartarse", "bastard~", "bitch~", "bitchy", "son of a bitch", "slag", "slags", "slut~", "whore~",
                "hoe", "hoes", "skank~", "tosser~", "cock", "cocks", "cockwomble", "pissed off", "piss off", "piss take", "piss", "pissed",
                "pissing", "pisses", "pisser", "pisshead", "pisstake",
                "sod off", "bugger off", "stfu", "gtfo", "wtf", "ffs", "omfg", "jfc", "fml", "nob", "nobs", "nobhead~", "minge", "munter~",
                "gobshite", "shitehawk", "scrote", "douche~", "douchebag", "twunt", "bint", "pillock~",
                "get fucked", "screw you", "up yours", "kiss my arse", "eat shit", "go to hell", "damn you", "shove it",
            ]
        ),
        (.mildSwearing, ["crap~", "bloody", "damn~", "rubbish", "bugger", "blimey", "flipping", "frigging", "hell", "sod", "git"]),
        (
            .insult,
            [
                "idiot~", "idiotic", "moron~", "moronic", "imbecile~", "cretin~", "muppet", "muppets", "numpty", "numpties", "pillock~",
                "plonker~", "halfwit~", "dimwit~", "nitwit~", "dipstick~", "twit", "twits", "scum", "scumbag~", "lowlife~", "loser", "losers",
                "dumb", "dumbo", "stupid", "thick as", "thicko", "brain dead", "braindead", "waste of space", "waste of oxygen",
                "waste of skin", "thick as shit", "thick as pigshit", "vile", "pig", "pigs", "fat cow", "stupid cow", "silly cow", "old cow",
                "ugly cow", "lazy cow", "selfish cow", "miserable cow", "nasty cow", "horrible cow", "daft cow", "stuck up cow", "smug cow",
                "cow", "old bag", "slapper~", "jobsworth~", "clown", "clowns", "buffoon~", "donkey", "doughnut", "you donkey", "you doughnut",
                "absolute doughnut", "melt", "melts", "wet wipe", "wasteman", "wastemen", "scrounger~", "trash", "trailer trash", "tramp",
                "tramps", "chav", "chavs", "inbred~", "pathetic", "worthless", "useless lump", "nonentity", "sack of", "sad act", "saddo",
                "nutter~", "nutcase", "lunatic", "lunatics", "creep", "creeps", "weirdo~", "freak", "freaks", "cockroach", "rat", "rats",
                "snake", "snakes", "maggot~", "parasite~", "leech~", "vermin", "filth", "filthy", "disgusting", "repulsive", "ugly", "hag",
                "hags", "witch", "dragon", "battleaxe", "gobby", "mouthy", "airhead~", "bimbo~", "dickhead", "dope", "dunce~", "ignorant",
                "simpleton~", "nincompoop~", "scumbucket", "gimp~", "bozo~", "dweeb~", "nerd", "nerds", "retard~", "mong~", "nonce~",
                "prat", "prats", "berk", "berks", "twerp~", "dolt~", "jerk", "jerks", "plank", "wazzock~", "scrote",
                "pathetic excuse", "sorry excuse", "shut up", "shut your mouth", "shut your face", "shut your gob", "get lost", "piss poor",
            ]
        ),
        (
            .selfDeprecation,
            [
                "i felt like an", "i feel like an", "i m such an", "i am such an", "i m an", "i was an", "what an idiot i", "me being an",
                "i m a total", "i felt a", "i m so stupid", "call me an", "i was so stupid", "silly me", "idiot me", "i felt so stupid",
            ]
        ),
        (
            .sexual,
            [
                "porn~", "porno", "pornography", "blowjob~", "blow job~", "handjob~", "hand job", "dildo~", "vibrator~", "masturbat~",
                "jerk off", "jerking off", "jack off", "wanking", "wank off", "tossing off", "orgasm~", "jizz~", "cumshot~", "spunk~",
                "gangbang~", "gang bang", "bukkake", "deepthroat~", "anal sex", "oral sex", "have sex", "had sex", "sex with", "sexting",
                "erect penis", "pornographic", "having sex", "explicit photo~", "explicit picture~", "explicit image~", "send nudes", "sending nudes",
                "nudes", "naked pic~", "naked photo~", "nude pic~", "naked selfie~", "nude selfie~", "see me naked",
                "naked girls", "naked women", "naked ladies", "live on webcam", "webcam girl~", "cam girl~", "xxx", "dick pic~",
                "suck my dick", "suck my cock", "suckmydick", "suckmycock", "my cock", "my dick", "his cock", "your cock", "tits", "titty",
                "nice tits", "seeing to", "riding me", "ride me", "rode me", "riding him", "ride him", "i d bang", "id bang", "i would bang",
                "i d fuck", "id fuck", "i would fuck", "i d fck", "id fck", "i would fck", "i d shag", "id shag", "i would shag", "eat her out",
                "eaten out", "eat you out",
                "suck me off", "suck his dick", "suck his cock", "sucking cock", "sucks cock", "sit on my face", "bend her over",
                "bend you over", "bend them over", "bend him over", "bend me over", "bent her over", "bent me over", "bend any one of them over",
                "bend any of them over", "fuck her", "fuck him", "fuck me", "fuck you hard", "shag~", "shagging", "bang her", "banging her",
                "milf~", "hentai", "onlyfans", "camgirl~", "tits out", "get your tits out", "show us your tits",
                "get her kit off", "boner~", "hard on", "clit~", "cock sucker", "cocksucker~",
                "pussy~", "cunt~", "ballsack", "nut sack", "titties", "titty", "boobies", "booty call", "hooker~",
                "rimming", "fingering", "fingered", "fisting", "threesome~", "orgy", "orgies", "bdsm",
                "child porn", "sex tape~",
                "creampie", "sexually",
            ]
        ),
        (
            .sexualAmbiguous,
            [
                "penis~", "vagina~", "vulva~", "testicle~", "erection~", "cum", "hookup~", "hook up", "going at it", "filthy",
                "rape~", "raping", "rapist~", "molest~", "paedo~", "pedo~", "nonce~", "grope~", "groping", "sexual", "sexually", "sexy", "kinky",
                "fetish~", "prostitute~", "escort~", "hooker~", "stripper~", "strip club", "lap dance", "sex tape~", "upskirt~", "69", "horny",
                "cock", "dick", "balls", "boobs", "knockers", "sex", "naked", "nude", "bang", "screw", "ride", "wet",
            ]
        ),
        (
            .slurRace,
            [
                "nigger~", "nigga~", "niggah", "nigg~", "negro~", "coon~", "darkie~", "darky", "wog~", "golliwog~", "gollywog", "sambo~",
                "jungle bunny", "paki~", "pakki", "chink~", "chinky", "gook~", "spic~", "spick", "wetback~",
                "beaner~", "kike~", "yid~", "gyppo~", "gypo~", "gippo", "pikey~", "pikeys", "knacker", "knackers", "half caste",
                "halfcaste", "mongrel~", "towelhead~", "raghead~", "sand nigger~", "camel jockey", "polack~", "wop~", "dago~",
                "redskin~", "squaw~", "abo~", "uncle tom", "rice eater", "curry muncher",
                "bongo bongo", "ching chong", "honky", "gringo~", "immigrant scum", "foreign scum", "monkeys belong", "monkey belongs",
                "back to the jungle", "swinging from the trees", "swing from the trees", "go back to your own country",
                "go back to your country", "back to where you came from", "back to where they came from", "go back where you came from",
                "go back where they came from", "go home to your own country", "back where they came from", "back where you came from",
            ]
        ),
        (
            .slurReligion,
            [
                "muzzie~", "muzzy", "musla", "mozzie", "moslem~", "kafir~", "kuffar", "infidel~", "christ killer~", "bible basher~",
                "bible thumper~", "papist~", "taig~", "fenian~", "jihadi john", "sky fairy", "paedo prophet",
                "allah is a", "goat shagger~", "goat fucker~", "heeb~", "hymie~", "shylock~", "tea towel on their", "tea towels on their",
                "tea towel on his", "tea towel head~", "towel on their heads", "look like letterboxes", "look like letter boxes",
                "looks like a letterbox",
            ]
        ),
        (
            .slurSexuality,
            [
                "faggot~", "faggy", "fagot", "poof~", "poofter~", "pufter", "dyke~", "lezza", "lezzer~", "lesbo~",
                "batty boy~", "batty man", "bum boy~", "bumboy", "shirt lifter~", "fudge packer~", "carpet muncher~", "nancy boy",
                "tranny~", "trannie~", "shemale~", "ladyboy~", "that s so gay", "so gay", "you re gay",
                "gay boy", "gaylord~", "gay cunt", "gay twat",
            ]
        ),
        (
            .slurGender,
            [
                "feminazi~", "hysterical woman",
                "get back in the kitchen", "back in the kitchen", "belongs in the kitchen", "make me a sandwich", "women belong",
                "women shouldn t", "women can t", "like a girl", "typical woman", "typical female", "time of the month", "pmsing",
                "man up", "throws like a girl", "girls can t", "only men should", "stupid woman", "silly woman", "dumb blonde",
                "women are too emotional", "women are useless", "should stay at home", "not a real man", "not a real woman",
            ]
        ),
        (
            .slurDisability,
            [
                "retard~", "retarded", "tard~", "mong~", "mongo~", "mongoloid~", "spastic~", "spaz~", "spazz~", "spacker~", "window licker~",
                "cripple~",
                "deaf and dumb", "downsy", "downie~", "short bus",
                "aspie~",
            ]
        ),
        (
            .identityGroup,
            [
                "muslim~", "islam", "islamic", "jew~", "jewish", "hindu~", "sikh~", "christian~", "catholic~", "black people", "blacks",
                "black kids", "black families", "white people", "whites", "asian~", "pakistani~", "indian~", "african~", "chinese",
                "polish", "poles", "romanian~", "bulgarian~", "eastern europeans", "immigrant~", "migrant~", "refugee~", "asylum seeker~",
                "foreigner~", "foreign", "gypsies", "gypsy", "traveller~", "irish", "gay~", "gays", "lesbian~", "bisexual~", "trans",
                "transgender~", "lgbt", "lgbtq", "queer people", "women", "woman", "girls", "men", "disabled", "disabled people",
                "autistic kids", "special needs", "wheelchair users", "deaf people", "blind people", "mixed race", "mixed raced",
                "arab~", "somali~", "nigerian~", "albanian~", "roma", "their kind", "these people", "those people", "that lot", "them lot",
                "people like that", "people like them", "non whites", "brown people", "dark skinned", "refugee kids", "portuguese",
                "spanish", "italian~", "french", "german~", "lithuanian~", "latvian~", "turk~", "turkish", "kurd~", "afghan~", "syrian~",
                "iraqi~", "iranian~", "bangladeshi~", "sri lankan~", "filipino~", "jamaican~", "caribbean~", "ghanaian~", "eritrean~",
                "sudanese", "ethiopian~", "moroccan~", "egyptian~", "mexican~", "russian~", "ukrainian~", "hindus", "buddhist~",
                "mosque~", "synagogue~", "gurdwara~", "the jews", "jews", "asians", "orientals", "the blacks", "the muslims",
            ]
        ),
        (
            .dehumanising,
            [
                "vermin", "animal~", "parasite~", "cockroach~", "rat~", "scum", "filth", "filthy", "dirty", "savage~", "subhuman~",
                "sub human", "invader~", "invasion", "plague~", "disease~", "breed like", "breeding", "cancer", "infestation", "infest~",
                "pig~", "dog~", "swarm~", "horde~", "stink", "smelly", "stinky", "criminals", "terrorist~", "rapist~",
                "paedo~", "groomer~", "inferior", "lesser", "degenerate~", "abomination~", "unnatural", "perverts", "sick in the head",
                "mentally ill", "freaks", "evil", "backward", "primitive", "uncivilised", "lazy", "scroungers", "spongers", "benefit scroungers",
                "breed like rabbits", "heathen~", "fresh off the boat", "off the boat", "monkey~", "control everything", "control the",
                "controls the", "run everything", "runs everything", "run the world", "run the country", "run the media", "run the banks",
                "own the banks", "pulling the strings", "run the", "runs the",
            ]
        ),
        (
            .exclusion,
            [
                "go back to", "go back where", "send them back", "send them all back", "deport~", "kick them out", "get them out",
                "get rid of", "don t belong", "do not belong", "shouldn t be allowed", "should not be allowed", "should be banned",
                "ban them", "ban all", "not welcome", "out of our country", "our country", "taking over", "take over", "took over",
                "not one of us", "keep them out", "keep them away", "should be kept away", "should be locked up", "wipe them out",
                "gas them", "exterminate", "should be shot", "hang them", "string them up", "no place in", "not in my", "not near my kids",
                "don t want them", "we don t want", "go home", "stay in their own country", "over here", "coming over here", "pure breed",
                "own country", "own kind", "stick to their own", "segregat~", "mixing with", "shouldn t be teaching", "shouldn t be near children",
                "where they belong", "where you belong", "back where they came from", "back where you came from", "back to their own",
                "back to your own", "nobody wants you here", "no one wants you here", "not wanted here", "taking our", "taking every",
                "take our jobs", "stealing our", "burnt to the ground", "burned to the ground",
            ]
        ),
        (
            .generalisation,
            [
                "all of them", "they re all", "they are all", "are all the same", "typical", "every single one", "the lot of them", "always",
                "never", "all", "these", "those", "bloody", "people like", "their lot", "you people", "your lot", "your kind",
            ]
        ),
        (
            .hostileAdjective,
            [
                "disgusting", "vile", "sick", "evil", "dangerous", "wrong", "unnatural", "gross", "nasty", "dirty", "smelly", "stupid",
                "thick", "lazy", "violent", "criminal~", "backward", "savage", "inferior", "untrustworthy", "thieving", "freaks", "weird",
            ]
        ),
        // Innocent phrases holding a rude-looking word: they hide it from the language cues.
        (
            .benignLanguage,
            [
                "pussy willow~", "pussy cat~", "pussycat~", "puss in boots", "blue tit~", "great tit~", "coal tit~", "long tailed tit~",
                "cocker spaniel~", "cockerpoo~", "cockapoo~", "cocker~", "shuttlecock~", "cock a doodle", "weather cock", "spotted dick",
                "moby dick", "dick whittington", "dick turpin", "dick king smith", "philip k dick", "door knob~", "knob of butter",
                "faggots and peas", "faggots and mash", "faggots mash", "faggots peas", "faggots in gravy", "faggots and chips",
                "faggots with", "pork faggots", "brains faggots", "faggots and onion~", "finger prick~", "prick test", "prick your finger",
                "bitch and her puppies", "magna cum laude", "summa cum laude", "cum laude", "slag heap~", "hoe down",
                "garden hoe", "dutch hoe", "balls of wool", "meat balls", "meatballs", "tennis balls", "footballs", "golf balls",
                "ball pit", "bang on", "bang on time", "big bang", "bang bang", "screw top", "screw driver", "screwdriver",
                "bike ride", "ride on", "wet play", "wet weather", "sex education", "sex ed", "had sex education", "have sex education",
                "having sex education", "had sex ed",
                "sex and date of birth", "same sex",
                "rat race", "love rat", "drowned rat", "pack rat", "lab rat", "guinea pig~", "pig out", "peppa pig",
                "cow parsley", "cash cow", "holy cow", "mad cow", "the cow jumped", "nerd out", "snake and ladders", "snakes and ladders",
                "clown fish", "clownfish", "class clown", "stupid o clock", "dumb waiter", "loser buys", "sore loser~", "loser of a",
                "losers buy",
            ]
        ),
        // Friendly teasing and joking that softens mild name-calling.
        (
            .affection,
            [
                "love you", "love u", "luv u", "luv you", "love ya", "luv ya", "love you really", "only joking", "just joking", "jk",
                "just kidding", "only kidding", "bestie", "bezzie", "bff", "mwah", "love ya really", "bless him", "bless her", "bless you",
            ]
        ),
    ]
}
