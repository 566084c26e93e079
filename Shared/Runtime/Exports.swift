// A service's main needs these types to talk to the runtime (`Logger`, `Service`, metrics), and the
// service targets depend on ParapetRuntime alone; re-exporting keeps those mains to one import.
@_exported import Logging
@_exported import Metrics
@_exported import ServiceLifecycle
@_exported import UnixSignals
