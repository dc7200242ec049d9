/// A CEL type, as used by the checker and as the payload of runtime type values.
public indirect enum CELType: Sendable, Hashable, CustomStringConvertible {
    case dyn, null, bool, int, uint, double, string, bytes, timestamp, duration
    /// `list(T)`.
    case list(CELType)
    /// `map(K, V)`.
    case map(CELType, CELType)
    /// A host-declared object type, by fully qualified name (e.g. `shore.Location`).
    case object(String)
    /// The type of a type value: `type(int)`.
    case type(CELType)
    /// `optional_type(T)`: a value of type T, or none.
    case optional(CELType)
    /// A type parameter in a function signature, e.g. `T` in `size(list(T))`.
    case typeParam(String)
    /// The type of an expression that failed to check.
    case error

    /// CEL spelling, e.g. `list(int)`, `map(string, dyn)`.
    public var description: String {
        switch self {
        case .dyn: return "dyn"
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .timestamp: return "google.protobuf.Timestamp"
        case .duration: return "google.protobuf.Duration"
        case .list(let e): return "list(\(e))"
        case .map(let k, let v): return "map(\(k), \(v))"
        case .object(let n): return n
        case .type(let t): return "type(\(t))"
        case .optional(let t): return "optional_type(\(t))"
        case .typeParam(let n): return n
        case .error: return "*error*"
        }
    }

    /// Name of the runtime type (what `type(x)` denotes), e.g. `list`, `int`, `type`.
    public var runtimeName: String {
        switch self {
        case .list: return "list"
        case .map: return "map"
        case .type: return "type"
        case .optional: return "optional_type"
        default: return description
        }
    }

    /// Builds a type from a runtime type name (`int`, `list`, `shore.Location`...).
    public static func fromRuntimeName(_ name: String) -> CELType {
        switch name {
        case "dyn": return .dyn
        case "null_type": return .null
        case "bool": return .bool
        case "int": return .int
        case "uint": return .uint
        case "double": return .double
        case "string": return .string
        case "bytes": return .bytes
        case "google.protobuf.Timestamp": return .timestamp
        case "google.protobuf.Duration": return .duration
        case "list": return .list(.dyn)
        case "map": return .map(.dyn, .dyn)
        case "type": return .type(.dyn)
        case "optional_type": return .optional(.dyn)
        default: return .object(name)
        }
    }

    /// True if the type mentions no type parameter.
    var isGround: Bool {
        switch self {
        case .typeParam: return false
        case .list(let e): return e.isGround
        case .map(let k, let v): return k.isGround && v.isGround
        case .type(let t): return t.isGround
        case .optional(let t): return t.isGround
        default: return true
        }
    }
}
