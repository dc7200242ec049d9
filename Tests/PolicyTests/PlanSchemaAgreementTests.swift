import CEL
import Testing
@testable import Policy

/// The plan format has one definition (`PlanSchema`); what rules can read is built from
/// it, and the runtime objects must answer every field it declares with a value of the
/// declared type. A field added to the schema but not to the model's CEL objects (or the
/// other way round) fails here, not in a user's rule.
@Suite("Plan schema, CEL types and values agree")
struct PlanSchemaAgreementTests {
    /// A plan that sets every optional field, so every field has a value.
    static let fullPlan = """
    plan: full
    title: Every field
    date: 2026-12-01
    company:
      name: Acme
      country: US
      timezone: America/New_York
      hours: "09:00-17:00"
      languages: [en]
      regimes: [eu]
      currency: USD
      fx: { INR: 87.2 }
      sector: financial-services
    engagements:
      - id: e1
        service: support
        customer_facing: true
        markets: [US]
        provider:
          name: P
          kind: agency
          country: PH
          owners: [{ country: SG, share: 60 }]
          group: G
          lei: 5493001KJTIIGC8Y1R12
        locations:
          - { country: PH, region: PH-00, city: Manila, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 4 }
        data:
          - { name: d, classification: internal, personal: true, subjects: [US], categories: [health],
              storage_countries: [US], records: 1000, deidentified: false }
        subcontractors:
          - { name: S, country: IN, region: IN-KA, kind: contractor, functions: [support], data: [d] }
        critical_or_important: true
        ict: true
        notified: { date: 2026-10-01, supervisor: FED }
        reports_to: { city: London, timezone: Europe/London, hours: "08:00-16:00" }
        languages:
          - { code: en, level: C1 }
        controls: [sla]
        cost: { annual: 10, currency: INR }
        start: 2027-01-01
        end: 2027-12-31
        attributes: { cost_center: cc1 }
    """

    /// Every CEL object type, keyed by name, with the objects of that type in the plan.
    static func objectsByType() throws -> [String: [any CELObject]] {
        let result = loadPlan(fullPlan)
        let plan = try #require(result.plan, "\(result.diagnostics)")
        let subjects = PlanSubjects(plan)
        var found: [String: [any CELObject]] = [:]
        func visit(_ value: CELValue) {
            switch value {
            case .object(let object):
                let name = object.celTypeName
                if found[name] == nil { found[name] = [] }
                found[name]?.append(object)
                for field in PlanTypes.all.first(where: { $0.name == name })?.fields.keys.sorted() ?? [] {
                    if let inner = object.celField(field) { visit(inner) }
                }
            case .list(let items): items.forEach(visit)
            default: break
            }
        }
        visit(.object(subjects.planObject))
        subjects.countries.forEach { visit(.object($0)) }
        subjects.providers.forEach { visit(.object($0)) }
        return found
    }

    @Test func everyObjectTypeIsReachableFromAPlan() throws {
        let found = try Self.objectsByType()
        #expect(Set(found.keys) == Set(PlanTypes.all.map(\.name)))
        #expect(Set(PlanTypes.variables.values.map(\.description)).isSubset(of: Set(PlanTypes.all.map(\.name))))
    }

    /// Each declared field answers, with a value whose runtime type is the declared one.
    @Test func everyDeclaredFieldAnswersWithItsType() throws {
        let found = try Self.objectsByType()
        for type in PlanTypes.all {
            for object in found[type.name] ?? [] {
                for (field, declared) in type.fields {
                    let value = try #require(object.celField(field), "\(type.name).\(field) has no value")
                    #expect(Self.matches(value, declared), "\(type.name).\(field) is \(value), declared \(declared)")
                }
            }
        }
    }

    /// Every schema object rules can read names its CEL type, and a derived fact is
    /// documented like any other field (rules and docs read the same description).
    @Test func derivedFactsAreDocumented() {
        for object in PlanTypes.objects {
            #expect(object.ruleType != nil, "\(object.name) has no CEL type")
            for field in object.derivedFields {
                #expect(!field.description.isEmpty, "\(object.name).\(field.name) is undocumented")
            }
        }
    }

    static func matches(_ value: CELValue, _ type: CELType) -> Bool {
        switch (value, type) {
        case (.string, .string), (.bool, .bool), (.int, .int), (.double, .double), (.timestamp, .timestamp), (.map, .map): true
        case (.list(let items), .list(let element)): items.allSatisfy { matches($0, element) }
        case (.object(let object), .object(let name)): object.celTypeName == name
        default: false
        }
    }
}
