import Policy

/// A JSON document written to a `TextSink` piece by piece, laid out exactly as
/// `JSONText.rendered()` lays it out, whose long arrays (findings, SARIF results) are
/// written one finding at a time as bytes: only one finding's text exists at once.
indirect enum StreamedJSON {
    case value(JSONText)
    case object([(String, StreamedJSON)])
    case array([StreamedJSON])
    /// Every finding of the plans, in order, each written by `item` at the given indent;
    /// an array of objects (never on one line). Rendered on every core
    /// (`ParallelRendering`), so `item` depends on nothing but its arguments; each batch
    /// slot keeps its own copy of `memo` from batch to batch.
    case findings([PlanReport], memo: FindingMemo,
                  item: @Sendable (Finding, inout UTF8Text, inout FindingMemo, _ indent: Int) -> Void)

    func write(to sink: TextSink) {
        var out = UTF8Text(capacity: 1 << 14)
        write(to: sink, buffer: &out, indent: 0)
        out.flush(to: sink)
    }

    private func write(to sink: TextSink, buffer out: inout UTF8Text, indent: Int) {
        switch self {
        case .value(let value):
            out.append(json: value, indent: indent)
        case .object(let members):
            if members.isEmpty { return out.append("{}" as StaticString) }
            out.append("{\n" as StaticString)
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { out.append(",\n" as StaticString) }
                out.appendPad(indent + 1)
                out.appendJSONQuoted(key)
                out.append(": " as StaticString)
                value.write(to: sink, buffer: &out, indent: indent + 1)
            }
            out.closeObject(indent: indent)
        case .array(let elements):
            if elements.isEmpty { return out.append("[]" as StaticString) }
            out.append("[\n" as StaticString)
            for (position, element) in elements.enumerated() {
                if position > 0 { out.append(",\n" as StaticString) }
                out.appendPad(indent + 1)
                element.write(to: sink, buffer: &out, indent: indent + 1)
            }
            out.append(byte: 0x0A)
            out.appendPad(indent)
            out.append(byte: 0x5D)
        case .findings(let plans, let memo, let item):
            // What precedes the array goes out on its own; then the findings, a round of
            // batches at a time.
            out.flush(to: sink)
            var first = true
            for plan in plans where !plan.findings.isEmpty {
                let findings = plan.findings
                let opensArray = first
                ParallelRendering.write(count: findings.count, to: sink, buffer: out, state: memo) { range, out, memo in
                    var out = out
                    // Each finding is lent to `item` where it lies, not copied out of the array.
                    findings.withUnsafeBufferPointer { findings in
                        for i in range {
                            out.append(opensArray && i == 0 ? "[\n" as StaticString : ",\n")
                            out.appendPad(indent + 1)
                            item(findings[i], &out, &memo, indent + 1)
                        }
                    }
                }
                first = false
            }
            if first { return out.append("[]" as StaticString) }
            out.append(byte: 0x0A)
            out.appendPad(indent)
            out.append(byte: 0x5D)
        }
    }
}
