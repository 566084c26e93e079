import ParapetPostgres
import Testing

/// The pool opens at most its size of connections, queues callers beyond that, and replaces
/// connections that break.
@Suite(.postgresServer) struct ConnectionPoolTests {
    private func backendPID(_ client: PostgresClient) async throws -> Int32 {
        try await client.query("SELECT pg_backend_pid()")[0].decode(Int32.self)
    }

    /// Ends a server session from outside, as a server restart or an admin would.
    private func terminate(_ pid: Int32) async throws {
        try await withClient { admin in
            // The timeout makes pg_terminate_backend wait until the session is gone.
            try await admin.execute("SELECT pg_terminate_backend(\(pid), 5000)")
        }
    }

    @Test func moreConcurrentQueriesThanConnectionsAllComplete() async throws {
        try await withClient(maximumConnections: 2) { client async throws in
            let pids = try await withThrowingTaskGroup(of: Int32.self) { group in
                for i in 0..<24 {
                    group.addTask {
                        let rows = try await client.query("SELECT pg_backend_pid(), \(i) AS i, pg_sleep(0.02)::text")
                        #expect(try rows[0].decode(Int.self, column: "i") == i)
                        return try rows[0].decode(Int32.self, at: 0)
                    }
                }
                return try await group.reduce(into: [Int32]()) { $0.append($1) }
            }
            #expect(pids.count == 24)
            #expect(Set(pids).count <= 2)
        }
    }

    @Test func aConnectionTheServerClosedWhileIdleIsReplaced() async throws {
        try await withClient(maximumConnections: 1) { client async throws in
            let first = try await backendPID(client)
            try await terminate(first)
            let second = try await backendPID(client)
            #expect(second != first)
        }
    }

    @Test func aConnectionThatBreaksInUseFailsThatCallAndIsReplaced() async throws {
        try await withClient(maximumConnections: 1) { client async throws in
            let error = await #expect(throws: PostgresError.self) {
                try await client.withConnection { connection in
                    let pid = try await connection.query("SELECT pg_backend_pid()")[0].decode(Int32.self)
                    try await terminate(pid)
                    try await connection.execute("SELECT 1")
                }
            }
            #expect(error?.code == .connectionLost)
            #expect(try await client.query("SELECT 1")[0].decode(Int.self) == 1)
        }
    }

    @Test func aConnectionLeftInsideATransactionIsNotReused() async throws {
        try await withClient(maximumConnections: 1) { client async throws in
            let pid = try await client.withConnection { connection in
                try await connection.execute("BEGIN")
                return try await connection.query("SELECT pg_backend_pid()")[0].decode(Int32.self)
            }
            // A fresh session: the open transaction was not handed to the next caller.
            #expect(try await backendPID(client) != pid)
        }
    }

    @Test func aLentConnectionCannotBeUsedAfterItsClosureReturns() async throws {
        try await withClient { client async throws in
            let escaped = try await client.withConnection { $0 }
            let error = await #expect(throws: PostgresError.self) {
                try await escaped.query("SELECT 1")
            }
            #expect(error?.code == .invalidUsage)
        }
    }

    @Test func aCallerWaitingForAConnectionCanBeCancelled() async throws {
        try await withClient(maximumConnections: 1) { client async throws in
            try await client.withConnection { _ in
                let waiting = Task { try await client.query("SELECT 1") }
                try await Task.sleep(for: .milliseconds(50))
                waiting.cancel()
                let result = await waiting.result
                #expect(throws: PostgresError.self) { try result.get() }
                if case .failure(let error as PostgresError) = result {
                    #expect(error.code == .cancelled)
                }
            }
            #expect(try await client.query("SELECT 2")[0].decode(Int.self) == 2)
        }
    }

    @Test func aShutDownClientRefusesWork() async throws {
        let client = PostgresClient(configuration: try PostgresConfiguration(url: serverURL()))
        #expect(try await client.query("SELECT 1").count == 1)
        await client.shutdown()
        let error = await #expect(throws: PostgresError.self) { try await client.query("SELECT 1") }
        #expect(error?.code == .clientClosed)
    }
}
