/// A PostgreSQL data type, identified by its OID in `pg_type`.
///
/// Built-in types have fixed OIDs; types created by extensions or `CREATE TYPE` get an OID per
/// database, so only the built-in ones have names here.
public struct PostgresDataType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The type's OID.
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let bool = Self(rawValue: 16)
    public static let bytea = Self(rawValue: 17)
    public static let name = Self(rawValue: 19)
    public static let int8 = Self(rawValue: 20)
    public static let int2 = Self(rawValue: 21)
    public static let int4 = Self(rawValue: 23)
    public static let text = Self(rawValue: 25)
    public static let oid = Self(rawValue: 26)
    public static let json = Self(rawValue: 114)
    public static let float4 = Self(rawValue: 700)
    public static let float8 = Self(rawValue: 701)
    public static let unknown = Self(rawValue: 705)
    public static let bpchar = Self(rawValue: 1042)
    public static let varchar = Self(rawValue: 1043)
    public static let date = Self(rawValue: 1082)
    public static let timestamp = Self(rawValue: 1114)
    public static let timestamptz = Self(rawValue: 1184)
    public static let numeric = Self(rawValue: 1700)
    public static let uuid = Self(rawValue: 2950)
    public static let jsonb = Self(rawValue: 3802)
    public static let boolArray = Self(rawValue: 1000)
    public static let int4Array = Self(rawValue: 1007)
    public static let textArray = Self(rawValue: 1009)
    public static let int8Array = Self(rawValue: 1016)
    public static let timestamptzArray = Self(rawValue: 1185)
    public static let uuidArray = Self(rawValue: 2951)
    public static let jsonbArray = Self(rawValue: 3807)
    public static let jsonArray = Self(rawValue: 199)

    /// The SQL name of a built-in type, or `type <oid>` for any other.
    public var description: String {
        switch self {
        case .bool: "boolean"
        case .bytea: "bytea"
        case .name: "name"
        case .int8: "bigint"
        case .int2: "smallint"
        case .int4: "integer"
        case .text: "text"
        case .oid: "oid"
        case .json: "json"
        case .float4: "real"
        case .float8: "double precision"
        case .unknown: "unknown"
        case .bpchar: "character"
        case .varchar: "character varying"
        case .date: "date"
        case .timestamp: "timestamp without time zone"
        case .timestamptz: "timestamp with time zone"
        case .numeric: "numeric"
        case .uuid: "uuid"
        case .jsonb: "jsonb"
        case .boolArray: "boolean[]"
        case .int4Array: "integer[]"
        case .textArray: "text[]"
        case .int8Array: "bigint[]"
        case .timestamptzArray: "timestamp with time zone[]"
        case .uuidArray: "uuid[]"
        case .jsonbArray: "jsonb[]"
        case .jsonArray: "json[]"
        default: "type \(rawValue)"
        }
    }

    /// Types whose binary form is their UTF-8 text, so a `String` reads and writes them as is.
    var isText: Bool {
        self == .text || self == .varchar || self == .bpchar || self == .name || self == .unknown
    }
}
