import Foundation
import ParapetPostgres
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// An unreachable database fails within the connect timeout, with one line that names the
/// problem and the address but never the password.
@Suite struct ConnectFailureTests {
    @Test func aPortWithNothingListeningFailsFastWithOneLine() async throws {
        let port = try FreePort.next()
        let configuration = try PostgresConfiguration(
            url: "postgresql://parapet:s3cret-pass@127.0.0.1:\(port)/parapet", connectTimeout: .seconds(60))
        let client = PostgresClient(configuration: configuration)
        let (error, elapsed) = await timed {
            await #expect(throws: PostgresError.self) {
                try await client.query("SELECT 1")
            }
        }
        // Refused at once, not after the 60 s timeout. Timed on a thread of its own (`timed`),
        // so the bound is loose only for the load of two shared cores, not for other tests.
        #expect(elapsed < .seconds(30))
        #expect(error?.code == .connectionFailed)
        #expect(error?.description == "cannot connect to PostgreSQL at 127.0.0.1:\(port): connection refused")
        #expect(error?.description.contains("s3cret") == false)
        #expect(!configuration.description.contains("s3cret"))
        await client.shutdown()
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        // A listening socket that is never accepted from: the kernel completes the TCP
        // handshake, then nothing ever answers libpq's startup message.
        let listener = try SilentListener()
        defer { listener.close() }
        let configuration = try PostgresConfiguration(
            url: "postgresql://parapet@127.0.0.1:\(listener.port)/parapet", connectTimeout: .milliseconds(500))
        let client = PostgresClient(configuration: configuration)
        let (error, elapsed) = await timed {
            await #expect(throws: PostgresError.self) {
                try await client.execute("SELECT 1")
            }
        }
        // The message below shows which deadline fired; the bounds show it was not ended early
        // and did not hang (without our deadline, libpq would wait forever here). The upper
        // bound is loose for the load of two shared cores; `timed` keeps other tests out of it.
        #expect(elapsed >= .milliseconds(450) && elapsed < .seconds(30))
        #expect(error?.description == "cannot connect to PostgreSQL at 127.0.0.1:\(listener.port): timed out after 0.5 seconds")
        await client.shutdown()
    }

    @Test func aMalformedURLIsRejectedWithoutThePassword() throws {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConfiguration(url: "postgresql://user:hunter2@[::1/db")
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.description.contains("hunter2") == false)
    }
}

/// A TCP socket on loopback that listens but never accepts.
private struct SilentListener {
    let descriptor: Int32
    let port: Int

    struct Failed: Error {}

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ready = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard descriptor >= 0, ready else {
            Glibc.close(descriptor)
            throw Failed()
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { Glibc.close(descriptor) }
}
