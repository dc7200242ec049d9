import Reference
import SourceText
import YAML

/// Checks the members of a rule file's set that holds country codes as the plan loader
/// checks a plan's codes: `UK` → did you mean 'GB', `nl` → 'NL'. A set holds country
/// codes when any member is an upper-case ISO 3166-1 alpha-2 code (or a known non-ISO
/// one such as `UK`); sets of language codes (`[no, nb, nn]`) or control names are not
/// touched.
enum CountrySetMembers {
    static func problems(_ items: [YAMLNode], setName: String) -> [Diagnostic] {
        let members = items.map { ($0, $0.scalar ?? "") }
        let holdsCountries = members.contains { _, code in
            code.count == 2 && code == code.uppercased()
                && (Countries.isValid(code) || Countries.nonISOCode(code) != nil)
        }
        guard holdsCountries else { return [] }
        return members.compactMap { node, code -> Diagnostic? in
            do throws(ReferenceError) {
                _ = try Countries.resolve(code)
                return nil
            } catch {
                return Diagnostic(
                    .rulesUnknownCountry, "in the set '\(setName)': \(error.message)", at: node.span,
                    help: error.suggestion.map { "write '\($0)'" }
                        ?? "the set holds country codes, so each member must be an ISO 3166-1 alpha-2 code (e.g. GB, NL)")
            }
        }
    }
}
