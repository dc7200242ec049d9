@testable import SourceText
@testable import YAML

/// Loads YAML text as if from `test.yaml`.
func load(_ text: String, limits: YAMLLimits = .default) -> YAMLLoadResult {
    YAMLLoader(limits: limits).load(text: text, path: "test.yaml")
}

/// `line:column` of a node's start, for compact assertions.
func at(_ node: YAMLNode?) -> String {
    guard let node else { return "missing" }
    return "\(node.start.line):\(node.start.column)"
}

/// `code@line:column` of each diagnostic.
func codes(_ result: YAMLLoadResult) -> [String] {
    result.diagnostics.map { d in
        "\(d.code)@" + (d.location.map { "\($0.start.line):\($0.start.column)" } ?? "-")
    }
}
