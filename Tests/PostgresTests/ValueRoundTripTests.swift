import Foundation
import ParapetPostgres
import Testing

/// Every encodable type goes to the server as a bind parameter and comes back unchanged.
@Suite(.postgresServer) struct ValueRoundTripTests {
    struct Meta: Codable, Hashable {
        var platform: String
        var likes: Int
        var tags: [String]
    }

    /// Sends `value` as `$1`, casts it to its own type on the server, and decodes the result.
    private func roundTrip<Value: PostgresEncodable & PostgresDecodable>(
        _ value: Value, _ client: PostgresClient
    ) async throws -> Value {
        let rows = try await client.query("SELECT \(value) AS v")
        #expect(rows.count == 1)
        return try rows[0].decode(Value.self, column: "v")
    }

    @Test func scalarsComeBackUnchanged() async throws {
        try await withClient { client async throws in
            for text in ["", "plain", "héllo wörld ✓ 日本語 🏫", "it's; DROP TABLE x; --\"", "tab\tnew\nline\\back"] {
                #expect(try await roundTrip(text, client) == text)
            }
            for number in [0, 1, -1, Int.max, Int.min] {
                #expect(try await roundTrip(number, client) == number)
            }
            for number: Int64 in [0, .max, .min] {
                #expect(try await roundTrip(number, client) == number)
            }
            for number: Int32 in [0, .max, .min] {
                #expect(try await roundTrip(number, client) == number)
            }
            for number in [0.0, -0.5, 1e-300, .greatestFiniteMagnitude, .infinity, -.infinity, .pi] {
                #expect(try await roundTrip(number, client) == number)
            }
            #expect(try await roundTrip(Double.nan, client).isNaN)
            #expect(try await roundTrip(true, client) == true)
            #expect(try await roundTrip(false, client) == false)
            let id = UUID()
            #expect(try await roundTrip(id, client) == id)
        }
    }

    @Test func datesKeepMicroseconds() async throws {
        try await withClient { client async throws in
            let dates = [
                Date(timeIntervalSince1970: 1_714_567_890.123456),
                Date(timeIntervalSince1970: 0),
                Date(timeIntervalSince1970: -1_000_000_000.654321),  // before PostgreSQL's 2000 epoch
                Date(timeIntervalSinceReferenceDate: 0),
            ]
            for date in dates {
                let back = try await roundTrip(date, client)
                #expect(abs(back.timeIntervalSince(date)) < 0.000_001, "\(date) came back as \(back)")
            }
            let rows = try await client.query("SELECT \(dates[0]) = '2024-05-01 12:51:30.123456+00'::timestamptz AS same")
            #expect(try rows[0].decode(Bool.self, column: "same"))
        }
    }

    @Test func byteaKeepsZeroBytes() async throws {
        try await withClient { client async throws in
            let bytes: [UInt8] = [0, 1, 0, 255, 0, 92, 39, 0]
            #expect(try await roundTrip(bytes, client) == bytes)
            #expect(try await roundTrip(Data(bytes), client) == Data(bytes))
            #expect(try await roundTrip([UInt8](), client) == [])
            let length = try await client.query("SELECT length(\(bytes)) AS n")
            #expect(try length[0].decode(Int.self, column: "n") == 8)
        }
    }

    @Test func jsonComesBackAsJSONB() async throws {
        try await withClient { client async throws in
            let meta = Meta(platform: "facebook", likes: 3, tags: ["Year 6", "sports' day", "ü"])
            #expect(try await roundTrip(PostgresJSON(meta), client).value == meta)
            let rows = try await client.query(
                "SELECT \(PostgresJSON(meta)) ->> 'platform' AS platform, \(PostgresJSON(meta))::text AS text")
            #expect(try rows[0].decode(String.self, column: "platform") == "facebook")
            #expect(try rows[0].decode(String.self, column: "text").contains("\"likes\": 3"))
        }
    }

    @Test func nilIsNullAndNullIsNil() async throws {
        try await withClient { client async throws in
            let missing: String? = nil
            let rows = try await client.query("SELECT \(missing) AS a, \(missing) IS NULL AS is_null, \(Int?.none)::int8 AS b")
            #expect(try rows[0].decode(String?.self, column: "a") == nil)
            #expect(try rows[0].decode(Bool.self, column: "is_null"))
            #expect(try rows[0].decode(Int?.self, column: "b") == nil)
            #expect(try await roundTrip(UUID?.none, client) == nil)
            #expect(try await roundTrip(Date?.none, client) == nil)
            #expect(try await roundTrip(Optional("x"), client) == "x")
        }
    }

    @Test func everyTypeSurvivesATableRow() async throws {
        try await withClient { client async throws in
            let table = uniqueName("round_trip")
            try await client.execute(
                """
                CREATE TABLE \(identifier: table) (
                    s text, i bigint, i32 integer, d double precision, b boolean, u uuid,
                    t timestamptz, bytes bytea, j jsonb, nothing text
                )
                """)
            let id = UUID()
            let when = Date(timeIntervalSince1970: 1_700_000_000.5)
            let meta = Meta(platform: "x", likes: 1, tags: [])
            let text = "Mrs O'Brien said: \"no; really\" \\ ✓"
            let inserted = try await client.execute(
                """
                INSERT INTO \(identifier: table) VALUES (\(text), \(Int.min), \(Int32(-7)), \(2.5), \(true), \(id),
                    \(when), \([UInt8]([0, 0, 1])), \(PostgresJSON(meta)), \(String?.none))
                """)
            #expect(inserted == 1)
            let rows = try await client.query("SELECT * FROM \(identifier: table)")
            let (s, i, i32, d, b, u, t, bytes, j, nothing) = try rows[0].decode(
                (String, Int, Int32, Double, Bool, UUID, Date, [UInt8], PostgresJSON<Meta>, String?).self)
            #expect(s == text)
            #expect(i == Int.min)
            #expect(i32 == -7)
            #expect(d == 2.5)
            #expect(b)
            #expect(u == id)
            #expect(t == when)
            #expect(bytes == [0, 0, 1])
            #expect(j.value == meta)
            #expect(nothing == nil)
            // The text with quotes and semicolons was a value, not SQL: the table is still there.
            #expect(try await client.query("SELECT count(*) FROM \(identifier: table)")[0].decode(Int.self) == 1)
            // By position, and the narrower integer types widen.
            let widened = try await client.query("SELECT 7::smallint, 8::integer, 1.5::real")
            #expect(try widened[0].decode(Int.self, at: 0) == 7)
            #expect(try widened[0].decode(Int64.self, at: 1) == 8)
            #expect(try widened[0].decode(Double.self, at: 2) == 1.5)
        }
    }
}
