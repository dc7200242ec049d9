@testable import Policy
@testable import Reporters
import Testing

/// Reporters stream: a report is handed to the sink finding by finding, so the largest
/// single write (what must be held at once) does not grow with the number of findings,
/// and the streamed text is byte for byte the rendered one.
@Suite("Streaming reporters")
struct StreamingTests {
    /// Records the writes, keeping only the sizes and the text.
    final class RecordingSink: TextSink {
        var writes = 0
        var largest = 0
        var text = ""

        func write(_ text: String) {
            writes += 1
            largest = max(largest, text.utf8.count)
            self.text += text
        }
    }

    /// The example report with its findings repeated `copies` times.
    static func report(copies: Int) -> CheckReport {
        let example = exampleReport()
        let plans = example.plans.map { plan in
            PlanReport(plan: plan.plan, findings: Array(repeating: plan.findings, count: copies).flatMap { $0 })
        }
        return CheckReport(plans: plans, rules: example.rules, diagnostics: example.diagnostics, failOn: example.failOn)
    }

    /// The report with its findings repeated `copies` times, written to a recording sink
    /// and compared with `expected` (the text rendered in one piece); the sink.
    static func written(_ format: OutputFormat, copies: Int, expected: (CheckReport) -> String) -> RecordingSink {
        let report = report(copies: copies)
        let sink = RecordingSink()
        ReportRenderer.write(report, as: format, options: testOptions(), to: sink)
        #expect(sink.text == expected(report), "\(format), \(copies) copies")
        return sink
    }

    @Test(arguments: CheckReport.formats.formats)
    func theLargestWriteDoesNotGrowWithTheFindings(_ format: OutputFormat) {
        let sinks = [50, 200].map { copies in
            Self.written(format, copies: copies) { ReportRenderer.render($0, as: format, options: testOptions()) }
        }
        for (copies, sink) in zip([50, 200], sinks) {
            #expect(sink.writes > copies, "\(format): \(sink.writes) writes for \(copies * 10) findings")
        }
        #expect(sinks[0].largest == sinks[1].largest, "\(format): largest write \(sinks[0].largest) bytes at N, \(sinks[1].largest) at 4N")
        #expect(sinks[1].largest < 16_384)
    }

    /// Past `ParallelRendering.threshold` findings are rendered a batch per core at a
    /// time: byte for byte the text one thread writes, and the largest write is one
    /// batch however many there are.
    @Test(arguments: [OutputFormat.text, .json, .sarif, .junit])
    func manyFindingsAreRenderedInBatchesOfBoundedSize(_ format: OutputFormat) {
        let sinks = [400, 1_600].map { copies in
            Self.written(format, copies: copies) { report in
                ParallelRendering.$threshold.withValue(.max) { ReportRenderer.render(report, as: format, options: testOptions()) }
            }
        }
        #expect(sinks[0].largest == sinks[1].largest, "\(format): largest write \(sinks[0].largest) bytes at N, \(sinks[1].largest) at 4N")
        #expect(sinks[1].largest < ParallelRendering.batchSize * 2_048)
    }

    /// The HTML review is written a section at a time, its findings in parallel batches:
    /// byte for byte what one thread renders, and no write grows with the findings.
    @Test func theHTMLReviewStreamsItsFindings() throws {
        let sinks = try [400, 1_600].map { copies in
            let report = Self.report(copies: copies)
            let review = try #require(ReviewReport.build(report, plan: report.plans[0], baseDirectory: nil))
            let sink = RecordingSink()
            ReviewHTMLRenderer().write(review, to: sink)
            let oneThread = ParallelRendering.$threshold.withValue(.max) { ReviewHTMLRenderer.render(review) }
            #expect(sink.text == oneThread, "\(copies) copies")
            #expect(sink.text.hasSuffix("</html>\n"))
            return sink
        }
        #expect(sinks[0].largest == sinks[1].largest, "largest write \(sinks[0].largest) bytes at N, \(sinks[1].largest) at 4N")
        #expect(sinks[1].writes > sinks[0].writes, "\(sinks[0].writes) writes at N, \(sinks[1].writes) at 4N")
        #expect(sinks[1].largest < ParallelRendering.batchSize * 2_048, "largest write \(sinks[1].largest) bytes")
    }
}
