import Foundation
import ParapetPostgres
import Testing

/// A value that does not fit the Swift type asked for throws an error naming the column, the
/// type asked for and what the column holds.
@Suite(.postgresServer) struct DecodingErrorTests {
    @Test func aTypeMismatchNamesColumnExpectedTypeAndFoundType() async throws {
        try await withClient { client async throws in
            let row = try await client.query("SELECT 'seven'::text AS age, NULL::int8 AS missing, 1.5::numeric AS price")[0]
            let mismatch = #expect(throws: PostgresDecodingError.self) { try row.decode(Int.self, column: "age") }
            #expect(mismatch?.kind == .typeMismatch)
            #expect(mismatch?.description == "cannot decode column \"age\" (index 0) as Int: it is text")

            let null = #expect(throws: PostgresDecodingError.self) { try row.decode(Int.self, column: "missing") }
            #expect(null?.description == "cannot decode column \"missing\" (index 1) as Int: it is NULL (decode Int? to allow NULL)")
            #expect(try row.decode(Int?.self, column: "missing") == nil)

            let numeric = #expect(throws: PostgresDecodingError.self) { try row.decode(Double.self, at: 2) }
            #expect(numeric?.description == "cannot decode column \"price\" (index 2) as Double: it is numeric")
        }
    }

    @Test func aMissingColumnAndAWrongArityAreNamed() async throws {
        try await withClient { client async throws in
            let row = try await client.query("SELECT 1 AS id, 'x' AS name")[0]
            let missing = #expect(throws: PostgresDecodingError.self) { try row.decode(String.self, column: "Name") }
            #expect(missing?.description == "cannot decode column \"Name\" as String: the result has no such column (it has id, name)")

            let arity = #expect(throws: PostgresDecodingError.self) { try row.decode((Int, String, Bool).self) }
            #expect(arity?.description == "cannot decode a row of 2 columns as (Int, String, Bool)")

            let index = #expect(throws: PostgresDecodingError.self) { try row.decode(Int.self, at: 5) }
            #expect(index?.kind == .indexOutOfRange)
        }
    }

    @Test func malformedJSONSaysWhy() async throws {
        struct Meta: Codable, Sendable { var likes: Int }
        try await withClient { client async throws in
            let row = try await client.query("SELECT '{\"likes\": \"many\"}'::jsonb AS meta")[0]
            let error = #expect(throws: PostgresDecodingError.self) {
                try row.decode(PostgresJSON<Meta>.self, column: "meta")
            }
            #expect(error?.kind == .malformed)
            #expect(error?.description.hasPrefix("cannot decode column \"meta\" (index 0) as PostgresJSON<Meta>: malformed jsonb") == true)
        }
    }
}
