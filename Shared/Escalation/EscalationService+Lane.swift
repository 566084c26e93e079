import Foundation
import ParapetModels
import ParapetPipeline
import ParapetStore

extension EscalationService {
    /// A share of one batch: the verdicts of some authors, decided in a transaction of their own.
    enum Lane {
        /// A verdict read from the batch's message at `index`.
        struct Entry: Sendable {
            var index: Int
            var trust: String
            var verdict: Verdict
        }

        /// What a lane's transaction did.
        struct Outcome: Sendable {
            var changes: [CaseStore.Change] = []
            var stored = CaseStore.Written()
            var refused: [DeadLetter] = []
            var duplicates = 0
            var benign = 0
            var deadLetters: Int { refused.count }
        }

        /// The lane of a case key (school and author). Only the lanes of one batch in one
        /// process need to agree, so the process's own seeded hash will do.
        static func index(of caseKey: String, among lanes: Int) -> Int {
            lanes <= 1 ? 0 : Int(UInt(bitPattern: caseKey.hashValue) % UInt(lanes))
        }
    }
}
