import Foundation
import ParapetPostgres
import Testing

/// Bulk insert with COPY: every value arrives exactly as it was, whatever characters it holds.
@Suite(.postgresServer) struct CopyFromStdinTests {
    struct Row: Equatable, Sendable {
        var id: Int
        var text: String?
        var bytes: [UInt8]?
        var when: Date?
        var flag: Bool?
        var meta: PostgresJSON<[String: String]>?

        var summary: String {
            String(describing: (text?.prefix(40), bytes, when?.timeIntervalSinceReferenceDate, flag, meta?.value))
        }
    }

    /// Text that COPY's text format would have to escape, and a few things besides.
    static let awkward = [
        "tab\there", "new\nline", "carriage\rreturn", "back\\slash", "\\N", "\\.", "end of data \\.\n",
        "quote ' and \" and ; DROP TABLE x; --", "unicode ✓ 日本語 🏫 é", "", " ", "comma, separated",
        "\u{7F}\u{1}\u{1F}", String(repeating: "long ", count: 2_000),
    ]

    static func rows(_ count: Int) -> [Row] {
        (0..<count).map(row)
    }

    /// Row `i`: a NULL in some column every few rows, awkward text everywhere else.
    static func row(_ i: Int) -> Row {
        let text: String? = i % 17 == 0 ? nil : "\(awkward[i % awkward.count]) #\(i)"
        let bytes: [UInt8]? = i % 5 == 0 ? nil : [0, UInt8(i % 256), 0, 92, 10, 9]
        // Whole seconds plus whole microseconds: the precision timestamptz keeps, built the way
        // the decoder builds it, so the Date compares equal after the round trip.
        let when: Date? =
            i % 7 == 0 ? nil : Date(timeIntervalSinceReferenceDate: Double(700_000_000 + i) + Double(i * 37 % 1_000_000) / 1e6)
        let flag: Bool? = i % 3 == 0 ? nil : i % 2 == 0
        let meta: PostgresJSON<[String: String]>? =
            i % 11 == 0 ? nil : PostgresJSON(["text": awkward[(i + 3) % awkward.count]])
        return Row(id: i, text: text, bytes: bytes, when: when, flag: flag, meta: meta)
    }

    private func makeTable(_ client: PostgresClient) async throws -> String {
        let table = uniqueName("copy")
        try await client.execute(
            """
            CREATE TABLE \(identifier: table) (
                id bigint PRIMARY KEY, text text, bytes bytea, at timestamptz, flag boolean, meta jsonb
            )
            """)
        return table
    }

    private func readBack(_ table: String, _ client: PostgresClient) async throws -> [Row] {
        try await client.query("SELECT id, text, bytes, at, flag, meta FROM \(identifier: table) ORDER BY id")
            .decode((Int, String?, [UInt8]?, Date?, Bool?, PostgresJSON<[String: String]>?).self)
            .map { Row(id: $0, text: $1, bytes: $2, when: $3, flag: $4, meta: $5) }
    }

    @Test func tenThousandAwkwardRowsReadBackIdentical() async throws {
        try await withClient { client async throws in
            let table = try await makeTable(client)
            let rows = Self.rows(10_000)
            let copied = try await client.copy(
                into: table, columns: ["id", "text", "bytes", "at", "flag", "meta"]
            ) { writer in
                for row in rows {
                    try writer.append(row.id, row.text, row.bytes, row.when, row.flag, row.meta)
                }
            }
            #expect(copied == 10_000)
            let back = try await readBack(table, client)
            #expect(back.count == rows.count)
            // Reports the first difference only: a whole 10,000-row dump helps no one.
            if let (got, sent) = zip(back, rows).first(where: { $0 != $1 }) {
                Issue.record("row \(sent.id) differs: sent \(sent.summary), read back \(got.summary)")
            }
        }
    }

    @Test func copyInsideATransactionCommitsOrRollsBackWithIt() async throws {
        struct Abandon: Error {}
        try await withClient { client async throws in
            let table = try await makeTable(client)
            let rows = Self.rows(500)
            await #expect(throws: Abandon.self) {
                try await client.withTransaction { tx in
                    let copied = try await tx.copy(into: table, columns: ["id", "text"]) { writer in
                        for row in rows { try writer.append(row.id, row.text) }
                    }
                    #expect(copied == 500)
                    throw Abandon()
                }
            }
            #expect(try await readBack(table, client).isEmpty)

            try await client.withTransaction { tx in
                try await tx.execute("INSERT INTO \(identifier: table) (id) VALUES (\(-1))")
                try await tx.copy(into: table, columns: ["id", "text"]) { writer in
                    for row in rows { try writer.append(row.id, row.text) }
                }
            }
            #expect(try await readBack(table, client).count == 501)
        }
    }

    @Test func anErrorInTheRowsClosureAbortsTheCopy() async throws {
        struct SourceFailed: Error {}
        try await withClient(maximumConnections: 1) { client async throws in
            let table = try await makeTable(client)
            await #expect(throws: SourceFailed.self) {
                try await client.copy(into: table, columns: ["id"]) { writer in
                    for id in 0..<100_000 {  // past the first chunk, so some rows were already sent
                        try writer.append(id)
                    }
                    throw SourceFailed()
                }
            }
            #expect(try await readBack(table, client).isEmpty)
        }
    }

    @Test func aValueOfTheWrongTypeIsRefusedBeforeAnythingIsSent() async throws {
        try await withClient { client async throws in
            let table = uniqueName("copy_types")
            try await client.execute("CREATE TABLE \(identifier: table) (n integer, label varchar(20), mood text)")
            let error = await #expect(throws: PostgresError.self) {
                try await client.copy(into: table, columns: ["n"]) { writer in
                    try writer.append(42)  // Int is bigint; the column is integer
                }
            }
            #expect(error?.code == .invalidUsage)
            #expect(error?.description.contains("column \"n\" is integer, but the value is Int, sent as bigint") == true)
            // Int32 fits integer, and a String fits varchar.
            let copied = try await client.copy(into: table, columns: ["n", "label"]) { writer in
                try writer.append(Int32(42), "forty-two")
            }
            #expect(copied == 1)
        }
    }

    @Test func aRowOfTheWrongWidthIsRefused() async throws {
        try await withClient { client async throws in
            let table = try await makeTable(client)
            let error = await #expect(throws: PostgresError.self) {
                try await client.copy(into: table, columns: ["id", "text"]) { writer in
                    try writer.append(1, "one")
                    try writer.append(2)
                }
            }
            #expect(error?.description.contains("a row has 1 values for 2 columns") == true)
            #expect(try await readBack(table, client).isEmpty)
        }
    }

    @Test func aConstraintViolationInTheDataIsReported() async throws {
        try await withClient { client async throws in
            let table = try await makeTable(client)
            let error = await #expect(throws: PostgresError.self) {
                try await client.copy(into: table, columns: ["id"]) { writer in
                    for id in [1, 2, 3, 2] { try writer.append(id) }
                }
            }
            #expect(error?.sqlState == .uniqueViolation)
            #expect(try await readBack(table, client).isEmpty)

            // Early in a long stream: the server's error arrives while rows are still being
            // sent, and it, not a broken pipe, is what the caller sees.
            let early = await #expect(throws: PostgresError.self) {
                try await client.copy(into: table, columns: ["id", "text"]) { writer in
                    try writer.append(0, "first")
                    for id in 0..<300_000 { try writer.append(id, "row \(id)") }
                }
            }
            #expect(early?.sqlState == .uniqueViolation)
            #expect(try await readBack(table, client).isEmpty)
        }
    }

    @Test func aMissingTableOrColumnIsNamed() async throws {
        try await withClient { client async throws in
            let table = try await makeTable(client)
            let noColumn = await #expect(throws: PostgresError.self) {
                try await client.copy(into: table, columns: ["id", "nope"]) { _ in }
            }
            #expect(noColumn?.sqlState == .undefinedColumn)
            let noTable = await #expect(throws: PostgresError.self) {
                try await client.copy(into: "no_such_table", columns: ["id"]) { _ in }
            }
            #expect(noTable?.sqlState == .undefinedTable)
            // A table in a named schema, and a name that needs quoting.
            try await client.execute("CREATE SCHEMA IF NOT EXISTS \"Odd Schema\"")
            try await client.execute("CREATE TABLE \"Odd Schema\".\"Mixed \"\"Case\"\"\" (\"Value\" text)")
            let copied = try await client.copy(into: "Mixed \"Case\"", schema: "Odd Schema", columns: ["Value"]) { writer in
                try writer.append("v")
            }
            #expect(copied == 1)
        }
    }
}
