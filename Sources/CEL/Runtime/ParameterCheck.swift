/// A declared parameter type reduced, at plan time, to the test `Operators.matches`
/// makes at run time: one switch on the value's case, no type value to inspect.
enum ParameterCheck: Sendable {
    case any, null, bool, int, uint, double, string, bytes, list, map, timestamp, duration, type
    case object(String)
    case never

    init(_ t: CELType) {
        switch t {
        case .dyn, .typeParam: self = .any
        case .null: self = .null
        case .bool: self = .bool
        case .int: self = .int
        case .uint: self = .uint
        case .double: self = .double
        case .string: self = .string
        case .bytes: self = .bytes
        case .list: self = .list
        case .map: self = .map
        case .timestamp: self = .timestamp
        case .duration: self = .duration
        case .type: self = .type
        case .object(let name): self = .object(name)
        case .optional: self = .object("optional_type")
        case .error: self = .never
        }
    }

    @inline(__always)
    func accepts(_ v: CELValue) -> Bool {
        switch (self, v) {
        case (.any, _): true
        case (.null, .null), (.bool, .bool), (.int, .int), (.uint, .uint), (.double, .double), (.string, .string),
             (.bytes, .bytes), (.list, .list), (.map, .map), (.timestamp, .timestamp), (.duration, .duration), (.type, .type):
            true
        case (.object(let name), .object(let o)): o.celTypeName == name
        default: false
        }
    }
}
