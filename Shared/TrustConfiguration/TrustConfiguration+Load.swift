import Foundation
import ParapetModels

extension TrustConfiguration {
    /// Reads and checks every file of the folder; throws every problem found, each naming its
    /// file, line and field.
    public static func load(from directory: URL) throws(TrustConfigurationError) -> TrustConfiguration {
        let loader = TrustConfigurationLoader(directory: directory)
        guard let configuration = loader.load(), loader.log.problems.isEmpty else {
            throw TrustConfigurationError(problems: loader.log.sorted)
        }
        return configuration
    }
}
