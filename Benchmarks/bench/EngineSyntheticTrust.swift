import Foundation
import ParapetModels
import ParapetTrustConfiguration

/// A made-up trust the size the engine must handle: `schools` schools sharing a roster of
/// `people` names (pupils, staff and governors), three monitored accounts each, and the
/// example trust's default pack for every school. Seeded, so every run measures the same trust.
///
/// Names mix common British names with the names of Britain's South Asian, African, Caribbean,
/// East Asian, Eastern European and Irish families, and include names that are ordinary words
/// ("Will", "Hope", "Grace", "Baker", "Young"), which the engine must not flag as names when
/// they are used as words.
struct EngineSyntheticTrust {
    static let firstNames: [String] = [
        "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar", "Charlie", "Freddie", "Alfie", "Theo",
        "Thomas", "James", "William", "Henry", "Archie", "Joshua", "Finley", "Callum", "Lewis", "Ryan", "Connor", "Jamie",
        "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow", "Rosie", "Sophia",
        "Isabella", "Evie", "Poppy", "Ella", "Emily", "Chloe", "Jessica", "Megan", "Sophie", "Charlotte", "Eleanor", "Harriet",
        "Muhammad", "Mohammed", "Yusuf", "Ibrahim", "Zayn", "Ayaan", "Arjun", "Rohan", "Dev", "Harpreet", "Gurpreet", "Imran",
        "Aisha", "Fatima", "Maryam", "Zara", "Amira", "Priya", "Ananya", "Anika", "Simran", "Noor", "Hafsa", "Khadija",
        "Kwame", "Kofi", "Chidi", "Emeka", "Oluwaseun", "Tobi", "Femi", "Tunde", "Jermaine", "Tyrone", "Marcus", "Andre",
        "Amara", "Chiamaka", "Ngozi", "Adaeze", "Abena", "Ama", "Precious", "Blessing", "Shanice", "Keisha", "Tanisha", "Aaliyah",
        "Wei", "Jun", "Hao", "Ming", "Mei", "Xin", "Yan", "Hui", "Minh", "Thanh", "Linh", "Haruto",
        "Jakub", "Kacper", "Szymon", "Filip", "Mateusz", "Andrei", "Luca", "Zofia", "Zuzanna", "Oliwia", "Maja", "Ioana",
        "Siobhan", "Aoife", "Niamh", "Ciara", "Saoirse", "Oisin", "Cian", "Darragh", "Eilidh", "Morag", "Rhys", "Cerys",
        "Will", "Hope", "Grace", "Faith", "Joy", "Summer", "Rose", "Amber", "Autumn", "Holly", "Robin", "Sunny",
        "River", "Sky", "Dawn", "Daisy", "Bill", "Frank", "Mark", "Art", "Pat", "Sue", "Bob", "Ruby",
    ]

    static let surnames: [String] = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
        "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Harris", "Lewis",
        "Martin", "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore", "King", "Watson", "Baker", "Young",
        "Cook", "Best", "Little", "Long", "Sharp", "Rich", "Brook", "Field", "Bird", "Fox", "Bell", "Mason",
        "Patel", "Khan", "Begum", "Ahmed", "Hussain", "Ali", "Singh", "Kaur", "Shah", "Rahman", "Islam", "Choudhury",
        "Sharma", "Gill", "Sandhu", "Chowdhury", "Mahmood", "Iqbal", "Okafor", "Adeyemi", "Mensah", "Owusu", "Boateng", "Okonkwo",
        "Adebayo", "Nwosu", "Campbell", "Francis", "Grant", "Reid", "Chen", "Wang", "Li", "Zhang", "Liu", "Nguyen",
        "Tran", "Le", "Wong", "Lam", "Nowak", "Kowalski", "Wisniewski", "Wojcik", "Popescu", "Ionescu", "Kaminski", "Silva",
        "Santos", "Rossi", "Ferreira", "Murphy", "Kelly", "O'Brien", "Byrne", "Ryan", "O'Connor", "MacDonald", "Stewart", "Fraser",
        "Morgan", "Price", "Jenkins", "Lloyd", "Hope", "Frost", "Snow", "Gold", "Love", "Wise", "Strong", "Sweet",
    ]

    static let knownAs: [String: String] = [
        "Alfie": "Alf", "Thomas": "Tom", "James": "Jim", "William": "Billy", "Joshua": "Josh", "Isabella": "Izzy",
        "Charlotte": "Lottie", "Eleanor": "Ellie", "Florence": "Flo", "Muhammad": "Mo", "Oluwaseun": "Seun", "Chiamaka": "Chi",
        "Zuzanna": "Zuza", "Sophia": "Sophie", "Archie": "Arch", "Harriet": "Hattie", "Jessica": "Jess", "Oliver": "Ollie",
    ]

    static let places: [String] = [
        "Ashby", "Bramley", "Coldharbour", "Dunmere", "Eastwick", "Fairlight", "Glenfield", "Hartwell", "Ivybridge", "Kingsmead",
        "Langdon", "Marlow Vale", "Netherby", "Oakhurst", "Pennington", "Queensway", "Redbrook", "Saltford", "Thornbury", "Upton Grey",
        "Westerleigh", "Yarmouth Road", "Abbotsfield", "Brightwater", "Castlegate", "Denholme", "Elmstead", "Foxhollow", "Greenacre", "Holmewood",
        "Ingleby", "Juniper Hill", "Kestrel Park", "Lindfield", "Millbrook", "Northgate", "Orchard Vale", "Priory", "Riverside", "St Aidan's",
    ]

    let configuration: TrustConfiguration
    /// Every person's name, for posts that name people: pupils first, per school.
    let pupils: [[Pupil]]
    let staff: [[StaffMember]]

    /// Builds the trust on the example trust's default pack (`defaultPack`).
    init(schools count: Int, people: Int, base: TrustConfiguration, seed: UInt64 = 2026) {
        var random = BenchmarkRandom(seed: seed)
        var schools: [School] = []
        var accounts: [MonitoredAccount] = []
        var rosters: [Roster] = []
        var packs: [PolicyPack] = []
        var pupils: [[Pupil]] = []
        var staff: [[StaffMember]] = []
        let perSchool = people / count
        for index in 0..<count {
            let place = Self.places[index % Self.places.count] + (index >= Self.places.count ? " \(index / Self.places.count + 1)" : "")
            let secondary = index % 5 == 4
            let id = "school-\(String(format: "%02d", index + 1))"
            let code = "s\(String(format: "%02d", index + 1))"
            schools.append(School(id: id, name: "\(place) \(secondary ? "Academy" : "Primary School")", phase: secondary ? .secondary : .primary))
            accounts += [
                MonitoredAccount(
                    id: "\(code)-facebook-page", school: id, platform: .facebook, externalID: "1000\(index)", name: "\(place) School", runBy: .school),
                MonitoredAccount(
                    id: "\(code)-parents-facebook-group", school: id, platform: .facebook, externalID: "2000\(index)", name: "\(place) Parents",
                    runBy: .parentGroup),
                MonitoredAccount(
                    id: "\(code)-x-mentions", school: id, platform: .x, externalID: "\"\(place) School\"", name: "Mentions of \(place)",
                    runBy: .publicMentionSearch),
            ]
            // Of every 1,250 people: 1,130 pupils, 90 staff, 30 governors.
            let staffCount = perSchool * 90 / 1250
            let governorCount = perSchool * 30 / 1250
            let pupilCount = perSchool - staffCount - governorCount
            var schoolPupils: [Pupil] = []
            for number in 0..<pupilCount {
                let first = random.pick(Self.firstNames)
                let year = secondary ? 7 + number % 7 : number % 7
                let age = (year == 0 ? 4 : year + 4) + random.below(2)
                schoolPupils.append(
                    Pupil(
                        id: "\(code)-p-\(String(format: "%04d", number + 1))", name: "\(first) \(random.pick(Self.surnames))",
                        knownAs: random.below(10) == 0 ? Self.knownAs[first].map { [$0] } ?? [] : [],
                        yearGroup: year == 0 ? .reception : .year(year), age: .band(lower: age, upper: age + 1),
                        photoConsent: random.below(10) != 0,
                        handles: secondary && random.below(8) == 0 ? ["instagram": "\(first.lowercased()).\(code)\(number)"] : [:]))
            }
            let roles: [StaffMember.Role] =
                [.headteacher, .deputyHeadteacher] + Array(repeating: .teacher, count: 40)
                + Array(repeating: .teachingAssistant, count: 30) + [.office, .office, .caretaker, .volunteer, .other]
            let schoolStaff = (0..<staffCount).map { number in
                let first = random.pick(Self.firstNames)
                return StaffMember(
                    id: "\(code)-s-\(String(format: "%03d", number + 1))", name: "\(first) \(random.pick(Self.surnames))",
                    role: roles[min(number, roles.count - 1)],
                    handles: random.below(3) == 0 ? ["facebook": "\(first.lowercased()).staff.\(code)\(number)"] : [:])
            }
            let governors = (0..<governorCount).map { number in
                Governor(
                    id: "\(code)-g-\(String(format: "%02d", number + 1))", name: "\(random.pick(Self.firstNames)) \(random.pick(Self.surnames))",
                    role: number == 0 ? .chair : number == 1 ? .viceChair : .governor)
            }
            rosters.append(Roster(school: id, pupils: schoolPupils, staff: schoolStaff, governors: governors))
            packs.append(PolicyPack(id: id, school: id, extends: "default", clauses: []))
            pupils.append(schoolPupils)
            staff.append(schoolStaff)
        }
        var configuration = base
        configuration.schools = schools
        configuration.accounts = accounts
        configuration.contacts = []
        configuration.rosters = rosters
        configuration.schoolPacks = packs
        self.configuration = configuration
        self.pupils = pupils
        self.staff = staff
    }

    /// How many names the roster holds.
    var names: Int { configuration.rosters.reduce(0) { $0 + $1.pupils.count + $1.staff.count + $1.governors.count } }
}
