import CLibPQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a connection with libpq's non-blocking connect, waiting on the socket ourselves so the
/// whole attempt (DNS, TCP, TLS, authentication, every host in a list) ends at one deadline.
/// libpq's own `connect_timeout` counts whole seconds per host and at least two of them.
///
/// Blocks the calling thread: call it only on a connection's ``BlockingQueue``.
func connectBlocking(_ configuration: PostgresConfiguration) throws(PostgresError) -> OpaquePointer {
    // Later keywords win: the connection string may set its own application name, but the
    // client encoding is always UTF-8, since text crosses the wire as Swift strings' UTF-8.
    let options = [
        ("fallback_application_name", configuration.applicationName),
        ("dbname", configuration.connectionString),
        ("client_encoding", "UTF8"),
    ]
    let keys = options.map { strdup($0.0) }
    let values = options.map { strdup($0.1) }
    defer { (keys + values).forEach { free($0) } }
    let keyList = keys.map { UnsafePointer($0) } + [nil]
    let valueList = values.map { UnsafePointer($0) } + [nil]

    func failure(_ message: String, _ handle: OpaquePointer?) -> PostgresError {
        // libpq knows which host and port it was trying; the configuration knows the first.
        var endpoint = configuration.endpoint
        if let handle, let host = PQhost(handle), let port = PQport(handle),
            host.pointee != 0, port.pointee != 0
        {
            endpoint = "\(String(cString: host)):\(String(cString: port))"
        }
        return PostgresError(code: .connectionFailed, message: message, endpoint: endpoint)
    }

    // expand_dbname = 1: the "dbname" value is read as a whole URL or conninfo string.
    guard let handle = PQconnectStartParams(keyList, valueList, 1) else {
        throw failure("out of memory", nil)
    }
    let deadline = ContinuousClock.now + configuration.connectTimeout
    var state = PGRES_POLLING_WRITING
    while true {
        if PQstatus(handle) == CONNECTION_BAD || state == PGRES_POLLING_FAILED {
            let error = failure(connectFailureReason(String(cString: PQerrorMessage(handle))), handle)
            PQfinish(handle)
            throw error
        }
        if state == PGRES_POLLING_OK {
            useGenericPlans(handle)
            return handle
        }
        let events = state == PGRES_POLLING_READING ? POLLIN : POLLOUT
        guard wait(for: PQsocket(handle), events: Int16(events), until: deadline) else {
            let error = failure("timed out after \(configuration.connectTimeout)", handle)
            PQfinish(handle)
            throw error
        }
        state = PQconnectPoll(handle)
    }
}

/// Statements prepared with ``PostgresQuery/prepared()`` are planned once, not on every run.
///
/// By default PostgreSQL plans a prepared statement afresh for its parameters on the first five
/// runs and keeps doing so whenever that looks cheaper than a generic plan; with array
/// parameters it always does, and planning the batch insert was about a tenth of its work per
/// webhook batch. Only named prepared statements are affected: one-off statements are always
/// planned for their parameters. A server that does not know the setting (before PostgreSQL 12)
/// keeps its default; nothing depends on it but speed.
private func useGenericPlans(_ handle: OpaquePointer) {
    PQclear(PQexec(handle, "SET plan_cache_mode = force_generic_plan"))
}

/// Waits until `socket` is ready for `events` or `deadline` passes; `false` on timeout.
private func wait(for socket: Int32, events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
    while true {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return false }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready > 0 { return true }  // readable, writable, or an error for libpq to report
        if ready < 0 && errno != EINTR { return true }  // let PQconnectPoll report the failure
    }
}

/// The reason in libpq's connection error, on one line, without the host and port that the
/// error's description names anyway:
/// `connection to server at "127.0.0.1", port 1 failed: Connection refused` → `connection refused`.
func connectFailureReason(_ message: String) -> String {
    // libpq tries every address of every host and reports each failure on its own line; the
    // last is the one that ended the attempt.
    let lines = message.split(separator: "\n").filter { !$0.hasPrefix("\t") && !$0.allSatisfy(\.isWhitespace) }
    var reason = Substring(lines.last ?? "unknown error")
    if let failed = reason.firstRange(of: " failed: ") {
        reason = reason[failed.upperBound...]
    }
    for prefix in ["FATAL:  ", "ERROR:  "] where reason.hasPrefix(prefix) {
        reason = reason.dropFirst(prefix.count)
    }
    var text = String(reason).trimmingCharacters(in: " \t")
    // "Connection refused" (strerror) → "connection refused", to read on after a colon.
    if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase == true {
        text = first.lowercased() + text.dropFirst()
    }
    return text.isEmpty ? "unknown error" : text
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
