/// A pupil on a school's roster. Names are personal data: they are matched against posts but
/// never written to logs or email subjects.
public struct Pupil: Codable, Sendable, Hashable {
    /// Reception (`R`) or years 1 to 13.
    public enum YearGroup: Codable, Sendable, Hashable, CustomStringConvertible {
        case reception
        case year(Int)

        public init?(_ text: String) {
            if text == "R" {
                self = .reception
            } else if let year = Int(text), (1...13).contains(year) {
                self = .year(year)
            } else {
                return nil
            }
        }

        public var description: String {
            switch self {
            case .reception: "R"
            case .year(let year): String(year)
            }
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try (try? container.decode(String.self)) ?? String(container.decode(Int.self))
            guard let value = YearGroup(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a year group: \(text)")
            }
            self = value
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }
    }

    /// A date of birth, or where the school gave none, an age band such as `8-9`.
    public enum Age: Codable, Sendable, Hashable {
        case dateOfBirth(CalendarDate)
        case band(lower: Int, upper: Int)

        enum CodingKeys: String, CodingKey {
            case dateOfBirth = "date_of_birth"
            case ageBand = "age_band"
        }

        /// Written as the roster file writes it: `{"date_of_birth": "2016-09-14"}` or
        /// `{"age_band": "8-9"}`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let birth = try container.decodeIfPresent(CalendarDate.self, forKey: .dateOfBirth) {
                self = .dateOfBirth(birth)
                return
            }
            let band = try container.decode(String.self, forKey: .ageBand)
            let bounds = band.split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] <= bounds[1] else {
                throw DecodingError.dataCorruptedError(forKey: .ageBand, in: container, debugDescription: "not an age band: \(band)")
            }
            self = .band(lower: bounds[0], upper: bounds[1])
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .dateOfBirth(let birth): try container.encode(birth, forKey: .dateOfBirth)
            case .band(let lower, let upper): try container.encode("\(lower)-\(upper)", forKey: .ageBand)
            }
        }

        /// The age in whole years on `date`; the lower bound for a band.
        public func years(on date: CalendarDate) -> Int {
            switch self {
            case .dateOfBirth(let birth): birth.yearsUntil(date)
            case .band(let lower, _): lower
            }
        }
    }

    public var id: String
    public var name: String
    public var knownAs: [String]
    public var yearGroup: YearGroup
    public var age: Age
    public var photoConsent: Bool
    /// The pupil's own accounts: platform to handle.
    public var handles: [String: String]

    public init(
        id: String, name: String, knownAs: [String] = [], yearGroup: YearGroup, age: Age, photoConsent: Bool,
        handles: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.knownAs = knownAs
        self.yearGroup = yearGroup
        self.age = age
        self.photoConsent = photoConsent
        self.handles = handles
    }

    enum CodingKeys: String, CodingKey {
        case id, name, age, handles
        case knownAs = "known_as"
        case yearGroup = "year_group"
        case photoConsent = "photo_consent"
    }
}
