import Foundation
import ParapetPostgres
import Testing

/// Arrays go to the server as one binary parameter each and come back, element by element, as
/// `unnest` reads them: in order, with NULLs, empty arrays and every element type.
@Suite(.postgresServer) struct ArrayParameterTests {
    @Test func arraysUnnestInOrderWithTheirNulls() async throws {
        try await withClient { client async throws in
            let ids = (0..<3).map { _ in UUID() }
            let dates = [Date(timeIntervalSince1970: 1_714_567_890.123456), Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -86_400.5)]
            let rows = try await client.query(
                """
                SELECT small, text, id, at, big, flag, maybe FROM unnest(\(PostgresArray([Int32(1), -2, .max])), \(PostgresArray(["a", "héllo 🏫", ""])),
                    \(PostgresArray(ids)), \(PostgresArray(dates)), \(PostgresArray([Int?.some(7), nil, .some(Int.min)])),
                    \(PostgresArray([true, false, true])), \(PostgresArray([String?.none, "x", nil])))
                    WITH ORDINALITY AS t(small, text, id, at, big, flag, maybe, n)
                ORDER BY n
                """)
            #expect(rows.count == 3)
            let decoded = try rows.map { try $0.decode((Int32, String, UUID, Date, Int?, Bool, String?).self) }
            #expect(decoded.map(\.0) == [1, -2, .max])
            #expect(decoded.map(\.1) == ["a", "héllo 🏫", ""])
            #expect(decoded.map(\.2) == ids)
            #expect(decoded.map(\.3) == dates)
            #expect(decoded.map(\.4) == [7, nil, Int.min])
            #expect(decoded.map(\.5) == [true, false, true])
            #expect(decoded.map(\.6) == [nil, "x", nil])
        }
    }

    @Test func arraysArriveWithTheirTypesAndLengths() async throws {
        try await withClient { client async throws in
            let rows = try await client.query(
                """
                SELECT pg_typeof(\(PostgresArray([Int32(1)])))::text, pg_typeof(\(PostgresArray(["a"])))::text,
                    cardinality(\(PostgresArray([String]()))), cardinality(\(PostgresArray((0..<10_000).map { String($0) }))),
                    array_position(\(PostgresArray([Int?.none, 5])), NULL), \(PostgresArray([Int?.none]))::text
                """)
            let (small, text, empty, large, nullAt, nullText) = try rows[0].decode((String, String, Int32, Int32, Int32?, String).self)
            #expect(small == "integer[]")
            #expect(text == "text[]")
            #expect(empty == 0)
            #expect(large == 10_000)
            #expect(nullAt == 1)
            #expect(nullText == "{NULL}")
        }
    }
}
