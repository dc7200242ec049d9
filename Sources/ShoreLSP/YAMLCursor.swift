import Foundation
import Policy
import SourceText
import YAML

/// Where a cursor stands in a parsed YAML document: the scalar under it, whether that
/// is a mapping key or a value, and the keys leading to it (list positions left out).
struct YAMLCursor {
    enum Role { case key, value, item }
    let node: YAMLNode
    let role: Role
    /// Keys from the root to the node's mapping; for a value or item, ending in its key.
    let path: [String]

    static func find(in document: YAMLDocument, at position: SourcePosition) -> YAMLCursor? {
        guard var current = document.root else { return nil }
        var path: [String] = []
        var role = Role.value
        while true {
            switch current.kind {
            case .scalar:
                return contains(current, position) ? YAMLCursor(node: current, role: role, path: path) : nil
            case .sequence:
                guard let item = current.items.first(where: { contains($0, position) }) else { return nil }
                current = item
                role = .item
            case .mapping:
                guard let entry = current.entries.first(where: { contains($0.key, position) || contains($0.value, position) }) else {
                    return nil
                }
                if contains(entry.key, position) { return YAMLCursor(node: entry.key, role: .key, path: path) }
                path.append(entry.key.scalar ?? "")
                current = entry.value
                role = .value
            }
        }
    }

    /// Every scalar of the document, each as a cursor on it.
    static func all(in document: YAMLDocument) -> [YAMLCursor] {
        guard let root = document.root else { return [] }
        var result: [YAMLCursor] = []
        var stack: [(YAMLNode, Role, [String])] = [(root, .value, [])]
        while let (node, role, path) = stack.popLast() {
            switch node.kind {
            case .scalar: result.append(YAMLCursor(node: node, role: role, path: path))
            case .sequence: for item in node.items.reversed() { stack.append((item, .item, path)) }
            case .mapping:
                for entry in node.entries.reversed() {
                    stack.append((entry.value, .value, path + [entry.key.scalar ?? ""]))
                    stack.append((entry.key, .key, path))
                }
            }
        }
        return result
    }

    private static func contains(_ node: YAMLNode, _ position: SourcePosition) -> Bool {
        node.start <= position && position <= node.end
    }
}

/// The schema of each kind of file, and the object or field a key path leads to.
enum SchemaNavigation {
    static func root(_ kind: DocumentKind) -> SchemaObject? {
        switch kind {
        case .rules: RuleSchema.file
        case .tests: RuleSchema.testFile
        case .waivers: WaiverSchema.file
        case .config: RuleSchema.config
        case .plan: PlanSchema.plan
        case .yaml: nil
        }
    }

    /// The mapping the keys `path` lead to (a `map` field's own keys are skipped over).
    static func object(at path: [String], in root: SchemaObject) -> SchemaObject? {
        var current = root
        var index = 0
        while index < path.count {
            guard var type = current.field(path[index])?.type else { return nil }
            if case .map(let inner) = type {
                index += 1
                guard index < path.count else { return nil }
                type = inner
            }
            guard let object = objectType(type) else { return nil }
            current = object
            index += 1
        }
        return current
    }

    /// The field a key path ends at.
    static func field(at path: [String], in root: SchemaObject) -> SchemaField? {
        guard let last = path.last else { return nil }
        return object(at: Array(path.dropLast()), in: root)?.field(last)
    }

    private static func objectType(_ type: FieldType) -> SchemaObject? {
        switch type {
        case .object(let object): return object
        case .list(let inner): return objectType(inner)
        case .anyOf(let types): return types.lazy.compactMap(objectType).first
        default: return nil
        }
    }

    /// The element type of a list, or the type itself.
    static func elementType(_ type: FieldType) -> FieldType {
        switch type {
        case .list(let inner): return inner
        case .anyOf(let types): return types.first { if case .list = $0 { return true }; return false }.map(elementType) ?? type
        default: return type
        }
    }

    /// The key path at a line of text by indentation, for a document that may not parse:
    /// the keys of the lines above that open the block the cursor's line sits in.
    static func keyPath(lines: (Int) -> String, line: Int, indent: Int) -> [String] {
        var path: [String] = []
        var target = indent
        var index = line - 1
        while index >= 0, target > 0 {
            let text = lines(index)
            index -= 1
            let trimmed = text.drop { $0 == " " }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let dash = text.count - trimmed.count
            var keyIndent = dash
            var content = Substring(trimmed)
            if content.hasPrefix("- ") {
                content = content.dropFirst(2).drop { $0 == " " }
                keyIndent = text.count - content.count
            }
            if keyIndent < target, let colon = content.firstIndex(of: ":") {
                let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if value.isEmpty || value.hasPrefix("#") || value == ">-" || value == "|" {
                    path.insert(String(content[..<colon]), at: 0)
                    target = keyIndent
                    if dash < keyIndent { target = dash }
                    continue
                }
            }
            if dash < target { target = dash }
        }
        return path
    }
}
