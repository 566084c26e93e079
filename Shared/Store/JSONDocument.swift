import ParapetPostgres

/// JSON text already in Parapet's dialect, sent as `jsonb` as it is.
struct JSONDocument: PostgresEncodable {
    var bytes: [UInt8]

    static var postgresDataType: PostgresDataType { .jsonb }

    func encode(into buffer: inout PostgresEncodingBuffer) {
        buffer.writeInteger(UInt8(1))  // jsonb's binary format version
        buffer.writeBytes(bytes)
    }
}
