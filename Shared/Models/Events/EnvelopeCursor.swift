import Foundation

/// Reading envelopes straight from bytes with ``JSONCursor``: the part every fast reader of a
/// topic shares (the classifier's posts, escalation's verdicts). Like the cursor, it returns nil
/// for anything it does not expect, and the caller falls back to ``IncomingEvent``.
extension JSONCursor {
    /// Reads the whole document as an envelope of one of `schemas` (the first is nil for
    /// invalid UTF-8 or trailing bytes), its payload read by `payload`; the payload's school must
    /// be the envelope's, as ``IncomingEvent`` requires.
    public static func envelope<Payload: EventPayload>(
        _ bytes: [UInt8], schemas: [EventSchema], payload: (inout JSONCursor) -> Payload?
    ) -> Envelope<Payload>? {
        bytes.withUnsafeBufferPointer { buffer in
            // Checked once here, so each string is made without checking again.
            guard UTF8Validation.isValid(buffer) else { return nil }
            var cursor = JSONCursor(buffer)
            guard let envelope = cursor.envelope(schemas: schemas, payload: payload), cursor.atEnd() else { return nil }
            return envelope
        }
    }

    mutating func envelope<Payload: EventPayload>(
        schemas: [EventSchema], payload read: (inout JSONCursor) -> Payload?
    ) -> Envelope<Payload>? {
        var schema: String?, id: UUID?, trust: String?, school: String?, occurredAt: Date?, payload: Payload?
        let complete = object { key, cursor in
            switch key {
            case "schema": return Self.assign(&schema, cursor.string())
            case "id": return Self.assign(&id, cursor.uuid())
            case "trust": return Self.assign(&trust, cursor.string())
            case "school": return Self.assign(&school, cursor.string())
            case "occurred_at": return Self.assign(&occurredAt, cursor.date())
            case "payload": return Self.assign(&payload, read(&cursor))
            default: return cursor.skipValue()
            }
        }
        guard complete, let schema, let known = schemas.first(where: { $0.description == schema }), let id, let trust, let school,
            let occurredAt, let payload, payload.school == school
        else { return nil }
        return Envelope(schema: known, id: id, trust: trust, school: school, occurredAt: occurredAt, payload: payload)
    }

    /// Sets `slot` to `value`; false when there is no value (the member could not be read).
    public static func assign<Value>(_ slot: inout Value?, _ value: Value?) -> Bool {
        guard let value else { return false }
        slot = value
        return true
    }
}
