extension Lexicon {
    static let people: [(Cue, [String])] = [
        (
            .staffRole,
            [
                "teacher~", "head", "headteacher~", "head teacher~", "headmaster~", "headmistress~", "head of", "deputy", "deputy head~",
                "assistant head~", "senco~", "sendco", "ta", "tas", "teaching assistant~", "learning support", "dinner lady", "dinner ladies",
                "lunchtime supervisor~", "midday supervisor~", "caretaker~", "site manager~", "receptionist~", "office lady", "office staff",
                "the office", "staff", "staff member~", "member of staff", "coach~", "pe teacher~", "class teacher~", "form tutor~", "tutor~",
                "governor~", "chair of governors", "the chair", "safeguarding lead", "dsl", "principal~", "ceo", "trust", "supply teacher~",
                "miss", "sir", "his teacher", "her teacher", "their teacher", "my son s teacher", "my daughter s teacher", "year 1 teacher",
                "year 2 teacher", "year 3 teacher", "year 4 teacher", "year 5 teacher", "year 6 teacher", "reception teacher", "nursery teacher",
                "the head", "the headteacher", "the deputy", "the teachers", "the staff", "nursery nurse~", "lsa", "hlta", "cook", "the cook",
                "business manager", "bursar", "librarian", "sports coach", "music teacher", "swimming teacher", "after school club staff",
                "breakfast club staff", "mrs", "mr", "ms", "dr",
            ]
        ),
        (
            .personReference,
            [
                "you", "your", "you re", "youre", "ur", "u", "u r", "yourself", "he", "she", "him", "her", "he s", "she s", "they", "them",
                "is a", "is an", "is such a", "such a", "what a", "what an", "bunch of", "load of", "pack of", "absolute", "complete",
                "total", "utter", "proper", "right", "you absolute", "ur a", "are a", "are an", "are such", "is one", "being a", "acting like",
                "like a", "look like", "looks like", "as a", "that", "this", "these", "those", "he is", "she is", "they are", "they re",
            ]
        ),
        (.personTitle, ["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "madam", "mister", "master"]),
        (
            .childWord,
            [
                "son~", "daughter~", "child", "children", "kid~", "kiddo~", "boy~", "girl~", "lad~", "lass~", "little one~", "toddler~",
                "pupil~", "student~", "classmate~", "friend~", "mate~", "bestie", "best friend", "class", "classes", "year 1", "year 2",
                "year 3", "year 4", "year 5", "year 6", "year one", "year two", "year three", "year four", "year five", "year six", "y1", "y2",
                "y3", "y4", "y5", "y6", "yr1", "yr2", "yr3", "yr4", "yr5", "yr6", "yr 1", "yr 2", "yr 3", "yr 4", "yr 5", "yr 6", "reception",
                "nursery", "ks1", "ks2", "infants", "juniors", "playground", "playtime", "in his class", "in her class", "in my class",
                "in their class", "little", "youngster~", "baby", "babies", "brother", "sister", "sibling~", "niece", "nephew", "grandson",
                "granddaughter", "grandchild~", "stepson", "stepdaughter", "godson", "goddaughter", "twins", "bairn~", "sprog~", "tot~",
            ]
        ),
        (
            .ownChild,
            [
                "my son", "my daughter", "my boy", "my girl", "my little boy", "my little girl", "my little one", "my child", "my kid", "my kids",
                "my children", "my lad", "my eldest", "my youngest", "my middle one", "my twins", "my baby", "our son", "our daughter", "our boy",
                "our girl", "our little", "our kids", "our children", "my stepson", "my stepdaughter", "my grandson", "my granddaughter",
                "my nephew", "my niece", "my two", "my 3", "my three", "my boys", "my girls", "my lot", "mine", "me and my", "my own",
                "my ds", "my dd", "ds", "dd", "my 6 year old", "my 7 year old", "my 8 year old", "my 9 year old", "my 10 year old",
                "my 5 year old", "my 4 year old", "my 11 year old",
            ]
        ),
        (
            .thirdPartyChild,
            [
                "his son", "her son", "their son", "his daughter", "her daughter", "their daughter", "her child", "his child", "their child",
                "her kids", "his kids", "their kids", "her boy", "his boy", "her girl", "his girl", "that boy", "that girl", "that kid",
                "that child", "this boy", "this girl", "this kid", "the boy", "the girl", "the kid", "the child", "a boy", "a girl", "a kid",
                "a child", "one boy", "one girl", "one child", "one of the kids", "one of the boys", "one of the girls", "another child",
                "another boy", "another girl", "other child", "other kids", "other children", "other people s", "someone s son",
                "someone s daughter", "someone s child", "someone else s", "your son", "your daughter", "your child", "your kid", "your kids",
                "that family", "the family", "this family", "their family", "her family", "his family", "the parents", "his parents",
                "her parents", "their parents", "his mum", "her mum", "his dad", "her dad", "his mother", "her mother", "his father",
                "her father", "her brother", "his brother", "her sister", "his sister", "s mum", "s dad", "s mam", "s mom", "s mother",
                "s father", "s parents", "s family", "s brother", "s sister", "s son", "s daughter", "s kids", "s child", "s boy", "s girl",
                "lad in", "boy in", "girl in", "kid in", "child in", "the lad", "the lass",
            ]
        ),
        (.adultRelative, ["mum", "mam", "mom", "dad", "father", "mother", "parent~", "carer~", "grandparent~", "nan", "gran", "grandad"]),
        (
            .schoolWord,
            [
                "school", "schools", "the school", "this school", "that school", "our school", "the academy", "academy", "trust", "the trust",
                "primary", "class", "classroom", "playground", "staff", "teachers", "the head", "headteacher", "head teacher", "governors",
                "the office", "office", "uniform", "uniform policy", "homework", "detention~", "lunch~", "dinner~", "school dinners", "trip~",
                "term", "half term", "inset", "inset day", "assembly", "sports day", "nativity", "pe", "curriculum", "phonics", "reading book~",
                "spelling~", "sats", "reports", "parents evening", "parents evenings", "after school club", "breakfast club", "wraparound",
                "behaviour policy", "policy", "policies", "pta", "pickup", "pick up", "drop off", "school run", "reception class", "nursery",
                "they", "them", "management", "leadership", "slt", "senior leadership", "ofsted", "the teachers", "mrs", "mr", "miss", "sir",
            ]
        ),
        (
            .pupilGroup,
            [
                "pupils", "students", "kids", "children", "my class", "my pupils", "my students", "my kids", "ex pupils", "ex-pupils",
                "former pupils", "old pupils", "past pupils", "ex students", "former students", "leavers", "year 6 leavers", "y6 leavers",
                "you lot", "you guys", "guys", "year 6", "year 5", "year 4", "year 3", "y6", "y5", "class of", "my year 6s", "my year 5s",
                "my year 3s", "my year 4s", "my year 2s", "my year 1s", "my little ones", "my tutor group", "my form", "the kids",
                "year 1", "year 2", "year one", "year two", "year three", "year four", "year five", "year six", "y2",
                "yr2", "yr6", "yr 1", "yr 2", "yr 3", "yr 4", "yr 5", "yr 6", "year2", "year6", "year 1s", "year 2s", "year 3s", "year 4s",
                "year 5s", "year 6s", "y2s", "y6s", "yr2s", "yr6s", "yr 6s", "yr 5s", "reception", "reception class",
                "reception kids", "reception children", "nursery", "ks1", "ks2", "class", "my group", "leavers of", "tutor group",
                "ex pupil", "former pupil", "old pupil", "past pupil", "ex student", "former student", "my old year", "my old class",
                "footy lads", "the lads", "the girls from", "girls from year", "boys from year", "the children in my",
            ]
        ),
        (
            .externalBody,
            [
                "council", "the council", "county council", "local authority", "government", "the government", "nhs", "gp", "doctors",
                "hospital", "dentist", "bus", "buses", "bus company", "traffic", "roadworks", "road works", "the road", "road closed", "roads",
                "diversion", "parking wardens",
                "police", "weather", "rain", "snow", "tesco", "asda", "sainsbury~", "aldi", "lidl", "co op", "coop", "the shop", "shop",
                "shops", "supermarket", "amazon", "royal mail", "post office", "the post", "network rail", "trains", "train", "the trains",
                "bin men", "bins", "the bins", "energy company", "broadband", "virgin", "bt", "sky", "the football club", "leisure centre",
                "the pool", "mcdonalds", "restaurant", "takeaway", "landlord", "neighbour~", "the vet", "vets", "garage", "mechanic",
                "hmrc", "dwp", "universal credit", "benefits office", "the pub", "the club", "gym", "nursery down the road", "childminder",
                "ofgem", "water company", "thames water", "the bank", "my bank", "insurance", "airline", "ryanair", "easyjet", "holiday company",
            ]
        ),
    ]
}
