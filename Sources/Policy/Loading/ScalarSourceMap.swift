import SourceText
import YAML

/// Maps offsets in a YAML scalar's value (counted in Unicode scalars, as CEL counts
/// them) back to positions in the file — through quotes, escapes, block indentation
/// and folded lines — so an error inside a CEL expression points at the rule file.
struct ScalarSourceMap {
    let node: YAMLNode
    private let positions: [SourcePosition]

    init(node: YAMLNode) {
        self.node = node
        let value = Array((node.scalar ?? "").unicodeScalars)
        positions = Self.align(value: value, node: node)
    }

    /// The file position of value offset `offset` (clamped to the scalar).
    func position(at offset: Int) -> SourcePosition {
        guard !positions.isEmpty else { return node.start }
        return positions[max(0, min(offset, positions.count - 1))]
    }

    /// The file span of a value range.
    func span(from start: Int, to end: Int) -> SourceSpan {
        let first = position(at: start)
        var last = position(at: max(start, end - 1))
        if last.line == first.line { last.column += 1 }
        return SourceSpan(file: node.document.source, start: first, end: last)
    }

    /// Walks the source text of the scalar and pairs each value scalar with the source
    /// scalar it came from; what the value lacks (quotes, indentation, escapes' extra
    /// characters, line breaks folded away) is skipped.
    private static func align(value: [Unicode.Scalar], node: YAMLNode) -> [SourcePosition] {
        let file = node.document.source
        var line = node.start.line
        var column = node.start.column
        switch node.style {
        case .literal, .folded:
            line += 1
            column = 1
        case .singleQuoted, .doubleQuoted:
            column += 1
        default:
            break
        }
        var lineText = Array((file.line(line) ?? "").unicodeScalars)
        var result: [SourcePosition] = []
        result.reserveCapacity(value.count + 1)
        let lastLine = max(node.end.line, line)

        /// The source scalar at the cursor (`\n` past the end of a line), or nil past the scalar.
        func current() -> Unicode.Scalar? {
            if line > lastLine { return nil }
            return column - 1 < lineText.count ? lineText[column - 1] : "\n"
        }
        func advance() {
            if column - 1 < lineText.count {
                column += 1
            } else {
                line += 1
                column = 1
                lineText = Array((file.line(line) ?? "").unicodeScalars)
            }
        }

        for scalar in value {
            var matched = false
            while let source = current() {
                if node.style == .doubleQuoted, source == "\\" {
                    let here = SourcePosition(line: line, column: column)
                    advance()
                    guard let next = current() else { break }
                    if next == "\n" { advance(); continue }  // escaped line break: no value scalar
                    let length: Int = switch next {
                    case "x": 2
                    case "u": 4
                    case "U": 8
                    default: 0
                    }
                    advance()
                    for _ in 0..<length { advance() }
                    result.append(here)
                    matched = true
                    break
                }
                if source == scalar {
                    result.append(SourcePosition(line: line, column: column))
                    advance()
                    matched = true
                    break
                }
                advance()
            }
            if !matched { result.append(result.last ?? node.start) }
        }
        result.append(current() == nil ? node.end : SourcePosition(line: line, column: column))
        return result
    }
}
