/// How log lines are written: `json` for machines (the default), `text` for people at a terminal.
public enum LogFormat: String, Sendable, CaseIterable {
    case json
    case text
}
