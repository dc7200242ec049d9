import Testing
@testable import Policy
import Reference
import SourceText
import YAML

/// The plan keeps where each part and field is written (`PlanPlace`), not the parsed
/// YAML tree: findings still point at the exact field, and the tree is let go.
@Suite("Where a plan's parts are written")
struct PlanPlaceTests {
    static let text = minimalPlan(engagement: "    cost: { annual: 1000, currency: USD }")

    private func at(_ span: SourceSpan?) -> String {
        span.map { "\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)" } ?? "none"
    }

    @Test func fieldsPointAtTheirValues() throws {
        let plan = try #require(loadPlan(Self.text).plan)
        let engagement = try #require(plan.engagements.first)
        let location = try #require(engagement.locations.first)
        #expect(at(location.place.span) == "8:9-8:84")
        #expect(at(location.place.span(of: "country")) == "8:20-8:22")
        #expect(at(location.place.span(of: "hours")) == "8:54-8:67")
        #expect(at(location.place.span(of: "headcount")) == "8:80-8:82")
        #expect(location.place.span(of: "city") == nil)                     // not written
        #expect(location.place.span(of: "offshore") == nil)                 // derived, never written
        #expect(location.place.span(of: "no-such-field") == nil)
        #expect(at(engagement.place.span(of: "id")) == "5:9-5:11")
        #expect(at(engagement.provider.place.span(of: "kind")) == "6:32-6:38")
        #expect(at(engagement.cost?.place.span(of: "currency")) == "9:37-9:40")
        #expect(at(plan.place.span(of: "date")) == "2:7-2:17")
        #expect(at(plan.company.place.span(of: "country")) == "3:33-3:35")
        #expect(at(plan.place.startSpan) == "1:1-1:1")
        #expect(plan.source.path == "plan.yaml")
    }

    @Test func theYAMLTreeIsLetGoOnceThePlanIsRead() throws {
        weak var document: YAMLDocument?
        let plan: Plan? = {
            let loaded = YAMLLoader().load(text: Self.text, path: "plan.yaml")
            document = loaded.document
            return PlanLoader(today: CivilDate(year: 2026, month: 12, day: 1)!).interpret(loaded).plan
        }()
        #expect(plan?.engagements.count == 1)
        #expect(document == nil, "the plan model still holds the YAML tree")
    }

    /// Every part's place and every field's, as the plan keeps them, is exactly where the
    /// YAML tree has the node: block and flow styles, comments, a multi-line quoted value,
    /// a null value (`region: ~` is written, so a finding can point at it), CR LF line
    /// breaks and a file that ends without a line break.
    @Test func placesAreTheTreesSpans() throws {
        let block = """
            plan: p   # the id
            date: 2026-12-01
            company:
              name: "Acme
                Corp"
              country: US
              timezone: America/New_York
            engagements:
              - id: e1
                service: "multi
                  line"
                provider:
                  name: P
                  kind: agency
                  country: PH
                locations:
                  - country: PH
                    region: ~
                    timezone: Asia/Manila
                    headcount: 10
                data: [{ name: hr, classification: internal, subjects: [PH] }]
                languages: [{ code: en, level: B2 }]
              - { id: e2, provider: { name: Q, kind: agency, country: IN }, locations: [{ country: IN, headcount: 3 }] }
            """
        for text in [block, block + "\n", block.replacingOccurrences(of: "\n", with: "\r\n")] {
            let loaded = YAMLLoader(parallel: false).load(text: text, path: "plan.yaml")
            let root = try #require(loaded.document?.root)
            let plan = try #require(PlanLoader(today: CivilDate(year: 2026, month: 12, day: 1)!).interpret(loaded).plan)
            func same(_ place: PlanPlace, _ node: YAMLNode) {
                #expect(place.span == node.span, "\(place.kind)")
                for field in place.kind.schema.fields.map(\.name) {
                    #expect(place.span(of: field) == node[field]?.span, "\(place.kind).\(field)")
                }
            }
            same(plan.place, root)
            same(plan.company.place, try #require(root["company"]))
            let nodes = try #require(root["engagements"])
            for (e, engagement) in plan.engagements.enumerated() {
                let node = nodes.item(at: e)
                same(engagement.place, node)
                same(engagement.provider.place, try #require(node["provider"]))
                for (l, location) in engagement.locations.enumerated() { same(location.place, try #require(node["locations"]).item(at: l)) }
                for (d, item) in engagement.data.enumerated() { same(item.place, try #require(node["data"]).item(at: d)) }
                for (g, language) in engagement.languages.enumerated() { same(language.place, try #require(node["languages"]).item(at: g)) }
            }
        }
    }
}
