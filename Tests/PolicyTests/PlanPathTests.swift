import Testing
@testable import Policy

/// A finding's path is kept as numbers and written on demand: the text must be what the
/// plan's keys and positions spell.
@Suite("Plan paths")
struct PlanPathTests {
    @Test func spellsEveryMemberAsThePlanNamesIt() {
        #expect(PlanPath(engagement: 0).text == "engagements[0]")
        #expect(PlanPath(engagement: 12, .locations, index: 3).text == "engagements[12].locations[3]")
        #expect(PlanPath(engagement: 7, .data, index: 0).text == "engagements[7].data[0]")
        #expect(PlanPath(engagement: 7, .languages, index: 10).text == "engagements[7].languages[10]")
        #expect(PlanPath(engagement: 99_999, .subcontractors, index: 9).text == "engagements[99999].subcontractors[9]")
        #expect(PlanPath(engagement: 100, .provider).text == "engagements[100].provider")
    }

    @Test func writesEveryNumberOfDigits() {
        var value = 1
        for _ in 0..<10 {
            for number in [value - 1, value, value * 10 - 1] where number <= UInt32.max {
                #expect(PlanPath(engagement: number, .locations, index: number).text
                        == "engagements[\(number)].locations[\(number)]")
            }
            value *= 10
        }
        let largest = Int(UInt32.max)
        #expect(PlanPath(engagement: largest, .subcontractors, index: largest).text
                == "engagements[\(largest)].subcontractors[\(largest)]")
        #expect(PlanPath(engagement: largest, .subcontractors, index: largest).text.utf8.count <= PlanPath.maxLength)
    }
}
