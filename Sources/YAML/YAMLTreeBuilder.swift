import CYAML
import SourceText

/// Turns libyaml's events into the flat node arrays of a `YAMLDocument`, checking
/// depth, alias expansion, duplicate keys, tags and integer range as it goes.
struct YAMLTreeBuilder {
    private struct Frame {
        var record: UInt32
        var childStart: Int
        var aliasExtra: Int
        var anchor: String?
    }

    private let source: SourceFile
    private let limits: YAMLLimits
    /// The bytes parsed: the whole file, or one slice of it (see `ChunkedYAML`).
    private let input: ArraySlice<UInt8>
    /// Lines before `input` in the file, added to every position.
    private let lineOffset: Int
    /// Nesting levels above `input`'s root, counted against `limits.maxDepth`.
    private let depthOffset: Int
    private(set) var records: [YAMLDocument.Record] = []
    private(set) var children: [UInt32] = []
    private(set) var text: [UInt8] = []
    private var pending: [UInt32] = []
    private var frames: [Frame] = []
    private var anchors: [String: (index: UInt32, size: Int)] = [:]
    private(set) var aliasExpansion = 0
    private(set) var rootIndex: UInt32?
    private var documents = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// False once libyaml stopped with an error (or a limit stopped reading).
    private(set) var readable = true

    init(source: SourceFile, limits: YAMLLimits, input: ArraySlice<UInt8>? = nil, lineOffset: Int = 0, depthOffset: Int = 0) {
        self.source = source
        self.limits = limits
        self.input = input ?? source.bytes[...]
        self.lineOffset = lineOffset
        self.depthOffset = depthOffset
        // Over-reserving is cheap: untouched pages of a large allocation are never resident.
        let estimate = self.input.count / 6
        records.reserveCapacity(estimate)
        children.reserveCapacity(estimate)
        text.reserveCapacity(self.input.count / 2)
    }

    mutating func run() {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(Diagnostic(.yamlInternal, "libyaml could not start", at: nil))
            return
        }
        defer { yaml_parser_delete(&parser) }
        input.withUnsafeBufferPointer { buffer in
            let empty: [UInt8] = [0]
            empty.withUnsafeBufferPointer { fallback in
                let base = buffer.baseAddress ?? fallback.baseAddress!
                // A UTF-8 byte order mark is not content. With the encoding set, libyaml
                // would read it as a character and count it as a column of line 1, which
                // misaligns the first key with the rest of the mapping: skip it here.
                let bom = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                yaml_parser_set_input_string(&parser, base + bom, buffer.count - bom)
                yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
                var event = yaml_event_t()
                while true {
                    guard yaml_parser_parse(&parser, &event) == 1 else {
                        diagnostics.append(LibYAMLErrors.diagnostic(for: parser, source: source, skipped: bom))
                        readable = false
                        return
                    }
                    let keepGoing = handle(event)
                    let done = event.type == YAML_STREAM_END_EVENT
                    yaml_event_delete(&event)
                    if done || !keepGoing { return }
                }
            }
        }
    }

    func finish() -> YAMLLoadResult {
        var diagnostics = self.diagnostics
        if readable, rootIndex == nil, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(
                .yamlEmpty, "the file is empty: expected a YAML mapping",
                at: SourceSpan(file: source, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)),
                help: "write the document's fields, or remove the file"))
        }
        let document = readable && rootIndex != nil
            ? YAMLDocument(source: source, records: records, children: children, text: text, rootIndex: rootIndex)
            : nil
        return YAMLLoadResult(source: source, document: document, diagnostics: diagnostics.sortedByLocation())
    }

    // MARK: Events

    /// Handles one event; false stops reading.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                diagnostics.append(Diagnostic(
                    .yamlMultipleDocuments,
                    "the file holds more than one YAML document; Shore reads one document per file",
                    at: span(event.start_mark, event.end_mark),
                    help: "remove the '---' line and what follows, or split the documents into separate files"))
                return false
            }
        case YAML_SCALAR_EVENT:
            return scalar(event)
        case YAML_SEQUENCE_START_EVENT:
            let anchor = event.data.sequence_start.anchor.map { String(cString: $0) }
            return open(.sequence, event, anchor: anchor, flow: event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_MAPPING_START_EVENT:
            let anchor = event.data.mapping_start.anchor.map { String(cString: $0) }
            return open(.mapping, event, anchor: anchor, flow: event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            close(event)
        case YAML_ALIAS_EVENT:
            return alias(event)
        default:
            break
        }
        return true
    }

    private mutating func scalar(_ event: yaml_event_t) -> Bool {
        let data = event.data.scalar
        let offset = UInt32(text.count)
        if let value = data.value, data.length > 0 {
            text.append(contentsOf: UnsafeBufferPointer(start: value, count: data.length))
        }
        let style: YAMLStyle = switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
        var kind: YAMLScalarKind = .string
        // Most plain scalars are text whose first byte already rules out null, bool and
        // numbers; only the others are decoded and resolved.
        let first: UInt8? = data.length > 0 ? data.value?[0] : nil
        if (style == .plain && YAMLScalarResolver.mayBeTyped(firstByte: first)) || data.tag != nil {
            let value = String(decoding: text[Int(offset)...], as: UTF8.self)
            if style == .plain { kind = YAMLScalarResolver.kind(ofPlain: value) }
            if let tag = data.tag {
                kind = resolve(tag: String(cString: tag), text: value, inferred: kind, event: event)
            }
            if kind == .int, YAMLScalarResolver.intValue(value) == nil {
                diagnostics.append(Diagnostic(
                    .yamlIntegerOverflow,
                    "the number \(value) does not fit in a 64-bit integer",
                    at: span(event.start_mark, event.end_mark),
                    help: "use a number between \(Int64.min) and \(Int64.max), or quote it to make it a string"))
            }
        }
        let index = appendRecord(event, kind: .scalar, scalarKind: kind, style: style,
                                 first: offset, count: UInt32(data.length))
        if let anchor = data.anchor {
            anchors[String(cString: anchor)] = (index, 1)
        }
        attach(index)
        return true
    }

    private mutating func resolve(tag: String, text: String, inferred: YAMLScalarKind, event: yaml_event_t) -> YAMLScalarKind {
        switch tag {
        case "!", "tag:yaml.org,2002:str": return .string
        case "tag:yaml.org,2002:int" where YAMLScalarResolver.isInt(text): return .int
        case "tag:yaml.org,2002:float" where YAMLScalarResolver.isFloat(text) || YAMLScalarResolver.isInt(text): return .float
        case "tag:yaml.org,2002:bool" where inferred == .bool: return .bool
        case "tag:yaml.org,2002:null" where inferred == .null: return .null
        default:
            diagnostics.append(Diagnostic(
                .yamlUnsupportedTag,
                "the tag '\(tag)' is not supported here (or does not fit the value \"\(text)\")",
                at: span(event.start_mark, event.end_mark),
                help: "remove the tag; Shore reads plain YAML values"))
            return inferred
        }
    }

    private mutating func open(_ kind: YAMLNode.Kind, _ event: yaml_event_t, anchor: String?, flow: Bool) -> Bool {
        if frames.count + depthOffset >= limits.maxDepth {
            diagnostics.append(Diagnostic(
                .yamlTooDeep,
                "the YAML nesting is deeper than the limit of \(limits.maxDepth) levels",
                at: span(event.start_mark, event.end_mark),
                help: "flatten the structure; Shore's files need only a few levels"))
            readable = false
            return false
        }
        let index = appendRecord(event, kind: kind, scalarKind: .string, style: flow ? .flow : .block, first: 0, count: 0)
        attach(index)
        frames.append(Frame(record: index, childStart: pending.count, aliasExtra: 0, anchor: anchor))
        return true
    }

    private mutating func close(_ event: yaml_event_t) {
        guard let frame = frames.popLast() else { return }
        let childCount = pending.count - frame.childStart
        let first = UInt32(children.count)
        children.append(contentsOf: pending[frame.childStart...])
        pending.removeSubrange(frame.childStart...)
        let i = Int(frame.record)
        records[i].first = first
        records[i].count = UInt32(childCount)
        records[i].endLine = UInt32(event.end_mark.line + 1 + lineOffset)
        records[i].endColumn = UInt32(event.end_mark.column + 1)
        if records[i].kind == .mapping {
            checkDuplicateKeys(firstChild: Int(first), count: childCount)
        }
        let size = (records.count - i) + frame.aliasExtra
        if let anchor = frame.anchor {
            anchors[anchor] = (frame.record, size)
        }
        if !frames.isEmpty {
            frames[frames.count - 1].aliasExtra += frame.aliasExtra
        }
    }

    private mutating func alias(_ event: yaml_event_t) -> Bool {
        let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
        guard let target = anchors[name] else {
            diagnostics.append(Diagnostic(
                .yamlUnknownAlias, "the alias '*\(name)' names no anchor defined before it",
                at: span(event.start_mark, event.end_mark),
                help: "define '&\(name)' on a node earlier in the file (an alias cannot refer to a node that contains it)"))
            // Stand a null in its place so the surrounding mapping keeps its key/value pairs.
            attach(appendRecord(event, kind: .scalar, scalarKind: .null, style: .plain,
                                first: UInt32(text.count), count: 0))
            return true
        }
        aliasExpansion += target.size
        if aliasExpansion > limits.maxAliasExpansion {
            diagnostics.append(Diagnostic(
                .yamlAliasExpansion,
                "aliases expand to more than \(limits.maxAliasExpansion) nodes (an alias bomb?)",
                at: span(event.start_mark, event.end_mark),
                help: "write the data out instead of nesting aliases of aliases"))
            readable = false
            return false
        }
        if !frames.isEmpty { frames[frames.count - 1].aliasExtra += target.size }
        attach(target.index)
        return true
    }

    // MARK: Helpers

    private mutating func appendRecord(
        _ event: yaml_event_t, kind: YAMLNode.Kind, scalarKind: YAMLScalarKind, style: YAMLStyle, first: UInt32, count: UInt32
    ) -> UInt32 {
        let index = UInt32(records.count)
        records.append(YAMLDocument.Record(
            startLine: UInt32(event.start_mark.line + 1 + lineOffset), startColumn: UInt32(event.start_mark.column + 1),
            endLine: UInt32(event.end_mark.line + 1 + lineOffset), endColumn: UInt32(event.end_mark.column + 1),
            first: first, count: count, kind: kind, scalarKind: scalarKind, style: style))
        return index
    }

    private mutating func attach(_ index: UInt32) {
        if frames.isEmpty {
            rootIndex = index
        } else {
            pending.append(index)
        }
    }

    private mutating func checkDuplicateKeys(firstChild: Int, count: Int) {
        let keyCount = count / 2
        guard keyCount > 1 else { return }
        func keyText(_ k: Int) -> ArraySlice<UInt8>? {
            let record = records[Int(children[firstChild + 2 * k])]
            return record.kind == .scalar ? text[Int(record.first)..<Int(record.first + record.count)] : nil
        }
        if keyCount <= 16 {
            // Small mappings (nearly all of them): a pairwise scan allocates nothing.
            for k in 1..<keyCount {
                guard let text = keyText(k) else { continue }
                if let earlier = (0..<k).first(where: { keyText($0).map { $0.elementsEqual(text) } ?? false }) {
                    reportDuplicate(text, first: firstChild + 2 * earlier, again: firstChild + 2 * k)
                }
            }
            return
        }
        var seen: [ArraySlice<UInt8>: Int] = [:]
        for k in 0..<keyCount {
            guard let key = keyText(k) else { continue }
            if let earlier = seen[key] {
                reportDuplicate(key, first: firstChild + 2 * earlier, again: firstChild + 2 * k)
            } else {
                seen[key] = k
            }
        }
    }

    private mutating func reportDuplicate(_ bytes: ArraySlice<UInt8>, first: Int, again: Int) {
        let key = String(decoding: bytes, as: UTF8.self)
        diagnostics.append(Diagnostic(
            .yamlDuplicateKey, "the key '\(key)' appears twice in the same mapping",
            at: span(of: records[Int(children[again])]),
            notes: [Diagnostic.Note("first written here", at: span(of: records[Int(children[first])]))],
            help: "remove one of them, or merge their values"))
    }

    private func span(of record: YAMLDocument.Record) -> SourceSpan {
        SourceSpan(file: source,
                   start: SourcePosition(line: Int(record.startLine), column: Int(record.startColumn)),
                   end: SourcePosition(line: Int(record.endLine), column: Int(record.endColumn)))
    }

    private func span(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceSpan {
        SourceSpan(file: source,
                   start: SourcePosition(line: start.line + 1 + lineOffset, column: start.column + 1),
                   end: SourcePosition(line: end.line + 1 + lineOffset, column: end.column + 1))
    }
}
