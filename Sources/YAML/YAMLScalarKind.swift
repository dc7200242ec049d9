/// What a scalar is under the YAML 1.2 core schema.
///
/// Only `true`/`false` (in three capitalisations) are booleans: `yes`, `on`, `NO`
/// and `y` are strings. Quoted and block scalars are always strings.
public enum YAMLScalarKind: UInt8, Sendable, Hashable {
    case null
    case bool
    case int
    case float
    case string
}

/// How a scalar or collection was written.
public enum YAMLStyle: UInt8, Sendable, Hashable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
    case block
    case flow
}
