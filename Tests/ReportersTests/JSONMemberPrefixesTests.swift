@testable import Reporters
import Testing

/// A member written from the prefixes made once is the member `UTF8Text.member` writes.
@Suite("JSON member prefixes")
struct JSONMemberPrefixesTests {
    @Test(arguments: [0, 1, 2, 5])
    func aPrefixIsTheMemberAsWritten(indent: Int) {
        let keys: [StaticString] = ["rule", "a", "fingerprint", "because"]
        let prefixes = JSONMemberPrefixes(keys, indent: indent)
        for (number, key) in keys.enumerated() {
            for first in [true, false] {
                let made = UTF8Text(), written = UTF8Text()
                prefixes.append(number, first: first, to: made)
                written.member(key, first: first, indent: indent)
                #expect(made.text == written.text, "\(key) first: \(first) at \(indent)")
            }
        }
    }
}
