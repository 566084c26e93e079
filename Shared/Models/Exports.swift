// Every user of the models reads and writes them as JSON and timestamps; re-exporting the codecs
// keeps one import for both.
@_exported import ParapetCodecs
