import ParapetPostgres
import Testing

/// A `PostgresQuery` turns every interpolated value into a `$n` parameter: no value ever
/// reaches the SQL text. These checks need no server.
@Suite struct QueryInterpolationTests {
    @Test func interpolatedValuesBecomeNumberedParameters() {
        let name = "Robert'); DROP TABLE students;--"
        let query: PostgresQuery = "SELECT * FROM pupils WHERE name = \(name) AND year = \(Int32(7)) OR id = \(42)"
        #expect(query.sql == "SELECT * FROM pupils WHERE name = $1 AND year = $2 OR id = $3")
        #expect(query.bindings.count == 3)
        #expect(!query.description.contains("Robert"))
        #expect(query.description.hasSuffix("[text, integer, bigint]"))
    }

    @Test func identifiersAreQuotedWithDoubledQuotes() {
        let table = "odd\"name; DROP TABLE x"
        let query: PostgresQuery = "SELECT count(*) FROM \(identifier: table)"
        #expect(query.sql == #"SELECT count(*) FROM "odd""name; DROP TABLE x""#)
        #expect(query.bindings.count == 0)
    }

    @Test func aLiteralWithoutValuesHasNoParameters() {
        let query: PostgresQuery = "SELECT 1"
        #expect(query.sql == "SELECT 1")
        #expect(query.bindings.count == 0)
    }
}
