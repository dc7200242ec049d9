import Spelling

/// A problem with a code or value checked against the reference data.
///
/// `message` is a complete, user-facing sentence (it already contains any
/// "did you mean …?"); `suggestion` is the replacement value alone, when there is
/// exactly one, so callers can offer a fix.
public struct ReferenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A user-facing sentence describing the problem.
    public var message: String
    /// The single value the input should probably have been, if there is one.
    public var suggestion: String?

    public init(_ message: String, suggestion: String? = nil) {
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String { message }
}
