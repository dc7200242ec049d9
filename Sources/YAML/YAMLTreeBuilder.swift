import CYAML
import SourceText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// The file's bytes this parse reads (all of them, or a piece's copy): a scalar that
    /// is the file's own text is stored as an index into them. Held here, as
    /// `source.bytes` would take the file's lock each time.
    private let held: HeldBytes
    private let limits: YAMLLimits
    /// The bytes parsed: the whole file, or one slice of it (see `ChunkedYAML`).
    private let input: ArraySlice<UInt8>
    /// Lines before `input` in the file, added to every position.
    private let lineOffset: Int
    /// Nesting levels above `input`'s root, counted against `limits.maxDepth`.
    private let depthOffset: Int
    /// The file's lines (shared by the pieces of a chunked parse): positions are stored
    /// as byte offsets in the file.
    private let lines: LineTable
    private(set) var records: [YAMLDocument.Record] = []
    private(set) var children: [UInt32] = []
    private(set) var text: [UInt8] = []
    private(set) var extras = YAMLDocument.Extras()
    private var pending: [UInt32] = []
    private var frames: [Frame] = []
    private var anchors: [String: (index: UInt32, size: Int)] = [:]
    private(set) var aliasExpansion = 0
    private(set) var rootIndex: UInt32?
    private var documents = 0
    /// Where the last mark on a line that is not all ASCII was found: the next is walked to from there.
    private var cursor = LineTable.Cursor()
    private(set) var diagnostics: [Diagnostic] = []
    /// False once libyaml stopped with an error (or a limit stopped reading).
    private(set) var readable = true

    /// Read to its end with every alias resolved inside it: a part of a cut file that can
    /// stand for its own bytes (a syntax error, or an alias to an anchor in another part,
    /// means the file must be read whole).
    var readAlone: Bool { readable && !diagnostics.contains { $0.code == .yamlUnknownAlias } }

    /// A parse of `input` (the whole file when nil), whose scalars index `held` (the whole
    /// file when nil).
    init(source: SourceFile, limits: YAMLLimits, lines: LineTable, input: ArraySlice<UInt8>? = nil,
         held: HeldBytes? = nil, lineOffset: Int = 0, depthOffset: Int = 0) {
        self.source = source
        self.held = held ?? .whole(source.bytes)
        self.limits = limits
        self.lines = lines
        self.input = input ?? self.held.bytes[...]
        self.lineOffset = lineOffset
        self.depthOffset = depthOffset
        // Over-reserving is cheap: untouched pages of a large allocation are never resident.
        let estimate = self.input.count / 6
        records.reserveCapacity(estimate)
        children.reserveCapacity(estimate)
        text.reserveCapacity(self.input.count / 8)
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

    /// The document read so far, without `finish`'s checks of a whole file: a piece of
    /// a file parsed apart (`ChunkedYAML`). Nil when nothing was read.
    func pieceDocument() -> YAMLDocument? {
        guard readable, rootIndex != nil else { return nil }
        return YAMLDocument(source: source, held: held, records: records, children: children, text: text, lines: lines,
                            extras: extras, rootIndex: rootIndex)
    }

    /// Moves the end of every collection that ends at file offset `offset` to `moved`:
    /// a piece cut before an item ends its block collections where the cut is, and a
    /// whole parse ends them where the next item's `-` is.
    mutating func moveCollectionEnds(from offset: UInt32, to moved: UInt32) {
        for i in records.indices where records[i].kind != .scalar && records[i].end == offset {
            records[i].end = moved
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
            ? YAMLDocument(source: source, held: held, records: records, children: children, text: text, lines: lines,
                           extras: extras, rootIndex: rootIndex)
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
        let bytes = UnsafeBufferPointer(start: data.length > 0 ? data.value : nil, count: data.length)
        let style: YAMLStyle = switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
        // Most scalars are the file's own bytes (plain, or quoted without escapes): the
        // record then points into the file rather than copying the text, and ends just past
        // them (and past the closing quote) without its end mark being looked up.
        let start = offset(event.start_mark)
        var verbatim: (file: Int, held: Int)?
        if let start, !bytes.isEmpty, style == .plain || style == .singleQuoted || style == .doubleQuoted {
            let file = Int(start) + (style == .plain ? 0 : 1)
            if let at = held.index(of: file), at + bytes.count <= held.bytes.count, held.bytes.withUnsafeBufferPointer({
                memcmp($0.baseAddress! + at, bytes.baseAddress!, bytes.count) == 0
            }) {
                verbatim = (file, at)
            }
        }
        let inSource = verbatim != nil
        let textOffset = verbatim.map { UInt32($0.held) } ?? UInt32(text.count)
        if !inSource, !bytes.isEmpty { text.append(contentsOf: bytes) }
        var kind: YAMLScalarKind = .string
        // Most plain scalars are text whose first byte already rules out null, bool and
        // numbers; only the others are decoded and resolved.
        let first: UInt8? = data.length > 0 ? data.value?[0] : nil
        if style == .plain, YAMLScalarResolver.mayBeTyped(firstByte: first) {
            kind = YAMLScalarResolver.kind(ofPlain: bytes)
        }
        // A string is made only where a tag or an integer's range must be checked.
        if data.tag != nil || kind == .int {
            let value = String(decoding: bytes, as: UTF8.self)
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
        let end: UInt32?? = verbatim.map { UInt32($0.file + bytes.count + (style == .plain ? 0 : 1)) }
        let index = appendRecord(event, kind: .scalar, scalarKind: kind, style: style,
                                 first: textOffset, count: data.length, start: start, end: end, textInSource: inSource)
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
        let i = Int(frame.record)
        // Children that are the records right after each other (no nested collection, no
        // alias) need no entries in `children`.
        let firstChild = childCount > 0 ? pending[frame.childStart] : 0
        var consecutive = childCount > 0
        for (k, child) in pending[frame.childStart...].enumerated() where child != firstChild + UInt32(k) {
            consecutive = false
            break
        }
        if consecutive {
            records[i].first = firstChild
            records[i].childrenInRecords = true
        } else {
            records[i].first = UInt32(children.count)
            children.append(contentsOf: pending[frame.childStart...])
        }
        pending.removeSubrange(frame.childStart...)
        setCount(childCount, of: frame.record)
        records[i].end = place(event.end_mark, of: frame.record, end: true)
        if records[i].kind == .mapping {
            checkDuplicateKeys(of: records[i], count: childCount)
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

    /// Appends the record of `event`'s node. `start` and `end`: the marks' offsets when
    /// already known (`.none`: worked out from the marks).
    private mutating func appendRecord(
        _ event: yaml_event_t, kind: YAMLNode.Kind, scalarKind: YAMLScalarKind, style: YAMLStyle, first: UInt32, count: Int,
        start: UInt32?? = nil, end: UInt32?? = nil, textInSource: Bool = false
    ) -> UInt32 {
        let index = UInt32(records.count)
        let largeCount = Int(YAMLDocument.Record.largeCount)
        var record = YAMLDocument.Record(start: place(event.start_mark, of: index, end: false, known: start),
                                         end: place(event.end_mark, of: index, end: true, known: end),
                                         first: first, count: UInt32(min(count, largeCount)),
                                         kind: kind, scalarKind: scalarKind, style: style)
        if textInSource { record.textInSource = true }
        records.append(record)
        if count >= largeCount { extras.largeCounts[index] = UInt32(count) }
        return index
    }

    /// The file offset of a mark, nil when it names no character of its line.
    private mutating func offset(_ mark: yaml_mark_t) -> UInt32? {
        held.offset(line: mark.line + lineOffset, column: mark.column, in: lines, source: source, cursor: &cursor).map(UInt32.init)
    }

    /// The offset to store for a record's mark; a mark with no offset is kept as it is.
    private mutating func place(_ mark: yaml_mark_t, of index: UInt32, end: Bool, known: UInt32?? = nil) -> UInt32 {
        if let offset = known ?? offset(mark) { return offset }
        extras.unplaced[2 * index + (end ? 1 : 0)] = SourcePosition(line: mark.line + 1 + lineOffset, column: mark.column + 1)
        return YAMLDocument.Record.unplaced
    }

    private mutating func setCount(_ count: Int, of index: UInt32) {
        records[Int(index)].storedCount = UInt32(min(count, Int(YAMLDocument.Record.largeCount)))
        if count >= Int(YAMLDocument.Record.largeCount) {
            extras.largeCounts[index] = UInt32(count)
        } else if !extras.largeCounts.isEmpty {
            extras.largeCounts[index] = nil
        }
    }

    private mutating func attach(_ index: UInt32) {
        if frames.isEmpty {
            rootIndex = index
        } else {
            pending.append(index)
        }
    }

    private mutating func checkDuplicateKeys(of mapping: YAMLDocument.Record, count: Int) {
        let keyCount = count / 2
        guard keyCount > 1 else { return }
        func keyIndex(_ k: Int) -> UInt32 {
            mapping.childrenInRecords ? mapping.first + UInt32(2 * k) : children[Int(mapping.first) + 2 * k]
        }
        if keyCount <= 16 {
            // Small mappings (nearly all of them): a pairwise scan of the keys' bytes in
            // place, allocating nothing.
            var duplicates: [(first: UInt32, again: UInt32)] = []
            records.withUnsafeBufferPointer { records in
                held.bytes.withUnsafeBufferPointer { sourceBytes in
                    text.withUnsafeBufferPointer { textBytes in
                        func keyText(_ k: Int) -> UnsafeBufferPointer<UInt8>? {
                            let index = keyIndex(k)
                            let record = records[Int(index)]
                            guard record.kind == .scalar else { return nil }
                            let start = Int(record.first), length = self.count(record, at: index)
                            return UnsafeBufferPointer(rebasing: (record.textInSource ? sourceBytes : textBytes)[start..<start + length])
                        }
                        for k in 1..<keyCount {
                            guard let text = keyText(k) else { continue }
                            let earlier = (0..<k).first { j in
                                guard let other = keyText(j), other.count == text.count else { return false }
                                return other.count == 0 || memcmp(other.baseAddress!, text.baseAddress!, text.count) == 0
                            }
                            if let earlier { duplicates.append((keyIndex(earlier), keyIndex(k))) }
                        }
                    }
                }
            }
            for duplicate in duplicates { reportDuplicate(first: duplicate.first, again: duplicate.again) }
            return
        }
        func keyText(_ k: Int) -> ArraySlice<UInt8>? {
            let index = keyIndex(k)
            let record = records[Int(index)]
            guard record.kind == .scalar else { return nil }
            let start = Int(record.first), end = start + self.count(record, at: index)
            return record.textInSource ? held.bytes[start..<end] : text[start..<end]
        }
        var seen: [ArraySlice<UInt8>: Int] = [:]
        for k in 0..<keyCount {
            guard let key = keyText(k) else { continue }
            if let earlier = seen[key] {
                reportDuplicate(first: keyIndex(earlier), again: keyIndex(k))
            } else {
                seen[key] = k
            }
        }
    }

    /// `first` and `again`: the record indices of the two keys.
    private mutating func reportDuplicate(first: UInt32, again: UInt32) {
        let record = records[Int(again)]
        let start = Int(record.first), end = start + count(record, at: again)
        let key = String(decoding: record.textInSource ? held.bytes[start..<end] : text[start..<end], as: UTF8.self)
        diagnostics.append(Diagnostic(
            .yamlDuplicateKey, "the key '\(key)' appears twice in the same mapping",
            at: span(of: again),
            notes: [Diagnostic.Note("first written here", at: span(of: first))],
            help: "remove one of them, or merge their values"))
    }

    private func count(_ record: YAMLDocument.Record, at index: UInt32) -> Int {
        record.storedCount == YAMLDocument.Record.largeCount ? Int(extras.largeCounts[index] ?? 0) : Int(record.storedCount)
    }

    private func span(of index: UInt32) -> SourceSpan {
        let record = records[Int(index)]
        func position(_ offset: UInt32, end: Bool) -> SourcePosition {
            offset == YAMLDocument.Record.unplaced
                ? extras.unplaced[2 * index + (end ? 1 : 0)] ?? SourcePosition(line: 1, column: 1)
                : held.position(of: Int(offset), in: lines, source: source)
        }
        return SourceSpan(file: source, start: position(record.start, end: false), end: position(record.end, end: true))
    }

    private func span(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceSpan {
        SourceSpan(file: source,
                   start: SourcePosition(line: start.line + 1 + lineOffset, column: start.column + 1),
                   end: SourcePosition(line: end.line + 1 + lineOffset, column: end.column + 1))
    }
}
