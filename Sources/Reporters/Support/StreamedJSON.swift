import Policy

/// A JSON document written to a `TextSink` piece by piece, laid out exactly as
/// `JSONText.rendered()` lays it out, whose long arrays (findings, SARIF results) are
/// produced one item at a time: only one item's tree exists at once.
indirect enum StreamedJSON {
    case value(JSONText)
    case object([(String, StreamedJSON)])
    case array([StreamedJSON])
    /// Items made on demand; written as an array of objects (never on one line).
    case items(AnySequence<JSONText>)

    func write(to sink: TextSink, indent: Int = 0) {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .value(let value):
            sink.write(value.rendered(indent: indent))
        case .object(let members):
            if members.isEmpty { return sink.write("{}") }
            sink.write("{\n")
            for (position, (key, value)) in members.enumerated() {
                sink.write((position == 0 ? "" : ",\n") + pad + JSONText.quote(key) + ": ")
                value.write(to: sink, indent: indent + 1)
            }
            sink.write("\n" + close + "}")
        case .array(let elements):
            if elements.isEmpty { return sink.write("[]") }
            sink.write("[\n")
            for (position, element) in elements.enumerated() {
                sink.write(position == 0 ? pad : ",\n" + pad)
                element.write(to: sink, indent: indent + 1)
            }
            sink.write("\n" + close + "]")
        case .items(let items):
            var first = true
            var buffer = ""
            for item in items {
                buffer.removeAll(keepingCapacity: true)
                buffer += first ? "[\n" + pad : ",\n" + pad
                item.write(into: &buffer, indent: indent + 1)
                sink.write(buffer)
                first = false
            }
            sink.write(first ? "[]" : "\n" + close + "]")
        }
    }
}
