import Foundation
import Testing
@testable import Policy
@testable import YAML
import TestScratch

/// The JSON Schemas under schemas/: generated from Sources/Policy/Schema, meta-valid,
/// and they accept the repository's own files and reject a typo.
@Suite("Authoring: JSON Schemas")
struct AuthoringSchemaTests {
    @Test(arguments: SchemaKind.allCases)
    func committedSchemaMatchesTheGenerator(kind: SchemaKind) throws {
        let path = repoPath("schemas/\(kind.fileName)")
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == JSONSchemaGenerator.text(kind),
                "schemas/\(kind.fileName) is stale: run `shore schema \(kind.rawValue) --output schemas/\(kind.fileName)`")
    }

    @Test func planSchemaHasEnumsAndClosesObjects() throws {
        let text = JSONSchemaGenerator.text(.plan)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let defs = try #require(json["$defs"] as? [String: Any])
        let country = try #require(defs["country-code"] as? [String: Any])
        #expect((country["enum"] as? [String])?.contains("GB") == true)
        #expect((country["enum"] as? [String])?.contains("UK") == false)
        let engagement = try #require(defs["engagement"] as? [String: Any])
        #expect(engagement["additionalProperties"] as? Bool == false)
        let properties = try #require(engagement["properties"] as? [String: Any])
        let attributes = try #require(properties["attributes"] as? [String: Any])
        #expect(attributes["additionalProperties"] == nil)
        let provider = try #require(defs["provider"] as? [String: Any])
        let kind = try #require((provider["properties"] as? [String: Any])?["kind"] as? [String: Any])
        #expect(kind["enum"] as? [String] == PlanSchema.providerKinds)
    }

    // MARK: Validation with Python's jsonschema

    /// Validates `documents` against one schema; nil when python3 is missing.
    static func validate(_ kind: SchemaKind, documents: [String]) throws -> String? {
        try validateAll(documents.enumerated().map { Document(kind: kind, label: "doc\($0.offset)", json: $0.element) })
    }

    /// A YAML file as JSON, typed by Shore's YAML 1.2 core schema (NO stays "NO").
    static func json(ofYAML path: String) throws -> String {
        let loaded = YAMLLoader().load(path: path)
        let root = try #require(loaded.document?.root, "\(path): \(loaded.diagnostics)")
        return YAMLAsJSON.convert(root).rendered()
    }

    static func json(ofYAMLText text: String) throws -> String {
        let loaded = YAMLLoader().load(text: text, path: "inline.yaml")
        let root = try #require(loaded.document?.root)
        return YAMLAsJSON.convert(root).rendered()
    }

    @Test func planWithATypoFails() throws {
        let plan = try String(contentsOfFile: repoPath("examples/plans/support-expansion-2027.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "headcount: 40", with: "hedcount: 40")
        guard let output = try Self.validate(.plan, documents: [try Self.json(ofYAMLText: plan)]) else {
            skipNote("python3 not found")
            return
        }
        if output.hasPrefix("SKIP") { return skipNote(output) }
        #expect(output.contains("'hedcount' was unexpected"), "\(output)")
        #expect(output.contains("'headcount' is a required property"), "\(output)")
        // Free-form keys under attributes stay allowed (the example has attributes: { cost_center: … }).
        #expect(!output.contains("cost_center"))
    }

    // MARK: Every file in the repository, and every file `shore init` writes

    /// A YAML document and the schema it must (or must not) satisfy.
    struct Document {
        var kind: SchemaKind
        var label: String
        var json: String
    }

    /// Validates all documents in one python3 run; one output line per invalid document
    /// (`INVALID label: message at path`), then `DONE`. Nil when python3 is missing.
    static func validateAll(_ documents: [Document]) throws -> String? {
        guard let python = TestPython.path else { return nil }
        let folder = TestScratch.directory + "shore-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = folder + "/validate.py"
        try Data(manifestValidator.utf8).write(to: URL(fileURLWithPath: script))
        var manifest: [JSONText] = []
        for (index, document) in documents.enumerated() {
            let path = folder + "/doc\(index).json"
            try Data(document.json.utf8).write(to: URL(fileURLWithPath: path))
            manifest.append(.array([.string(repoPath("schemas/\(document.kind.fileName)")), .string(document.label), .string(path)]))
        }
        try Data(JSONText.array(manifest).rendered().utf8).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, folder + "/manifest.json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(data: pipe.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
        process.waitUntilExit()
        return output
    }

    static let manifestValidator = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        print("SKIP: python3 has no jsonschema module"); sys.exit(0)
    validators = {}
    for schema_path, label, path in json.load(open(sys.argv[1])):
        if schema_path not in validators:
            schema = json.load(open(schema_path))
            jsonschema.Draft202012Validator.check_schema(schema)
            validators[schema_path] = jsonschema.Draft202012Validator(schema)
        errors = sorted(validators[schema_path].iter_errors(json.load(open(path))), key=lambda e: list(e.path))
        for e in errors:
            print("INVALID %s: %s at %s" % (label, e.message, "/".join(map(str, e.path))))
    print("DONE")
    """

    /// The schema a file of this repository (or of `shore init`) follows, by its path;
    /// nil for YAML that is not one of Shore's formats.
    static func kind(ofPath path: String) -> SchemaKind? {
        let name = (path as NSString).lastPathComponent
        if name == "shore.yaml" { return .config }
        if name.hasSuffix(".test.yaml") { return .tests }
        if path.contains("fixtures/") || path.hasPrefix("plans/") || path.hasPrefix("examples/plans/") { return .plan }
        if path.hasPrefix("rules/") || path.hasPrefix("examples/rules/") { return .rules }
        return nil
    }

    /// Every YAML file the repository tracks outside the fuzz corpus (which is hostile on
    /// purpose) and the data files that are not Shore formats.
    static func repositoryYAMLFiles() throws -> [String] {
        let notShoreFormats: Set<String> = ["reference/country-sets.yaml", "reference/region-sets.yaml",
                                             "examples/expected/support-expansion-2027.yaml"]
        var found: [String] = []
        for top in ["examples", "rules", "reference"] {
            let enumerator = FileManager.default.enumerator(atPath: repoPath(top))
            while let relative = enumerator?.nextObject() as? String {
                let path = top + "/" + relative
                if (path.hasSuffix(".yaml") || path.hasSuffix(".yml")) && !notShoreFormats.contains(path) { found.append(path) }
            }
        }
        return found.sorted()
    }

    @Test func everyRepositoryAndInitFileValidates() throws {
        var documents: [Document] = []
        let files = try Self.repositoryYAMLFiles()
        #expect(files.count >= 28, "\(files)")
        for path in files {
            let kind = try #require(Self.kind(ofPath: path), "\(path): which schema does it follow?")
            documents.append(Document(kind: kind, label: path, json: try Self.json(ofYAML: repoPath(path))))
        }
        for file in InitTemplates.files() where file.path.hasSuffix(".yaml") && !file.path.hasPrefix(".") {
            let kind = try #require(Self.kind(ofPath: file.path), "init's \(file.path): which schema does it follow?")
            documents.append(Document(kind: kind, label: "init:" + file.path, json: try Self.json(ofYAMLText: file.contents)))
        }
        // The tests' own fixture plan, with engagement languages (the item the schema once rejected).
        documents.append(Document(kind: .plan, label: "minimalPlan", json: try Self.json(ofYAMLText: minimalPlan(
            company: "{ name: Acme, country: US, timezone: America/New_York, languages: [en, fil] }",
            engagement: "    languages: [{ code: en, level: C1 }, { code: fil, level: native }]"))))
        documents.append(Document(kind: .waivers, label: "waivers file", json: try Self.json(ofYAMLText: """
            waivers:
              - { rule: DATA-001, country: PH, reason: Tokenization lands in Q3, approved_by: CISO, expires: 2027-06-30 }
            """)))
        guard let output = try Self.validateAll(documents) else { return skipNote("python3 not found") }
        if output.hasPrefix("SKIP") { return skipNote(output) }
        #expect(output == "DONE\n", "\(output)")
    }

    /// Files each with one mistake; each must fail with the validator's message.
    @Test func knownBadFilesFail() throws {
        let bad: [(SchemaKind, String, String)] = [
            (.plan, minimalPlan(engagement: "    languages: [{ code: en, level: C3 }]"), "'C3' is not one of"),
            (.plan, minimalPlan(engagement: "    languages: [{ code: en }]"), "'level' is a required property"),
            (.plan, minimalPlan(engagement: "    languages: [en]"), "'en' is not of type 'object'"),
            (.plan, minimalPlan(company: "{ name: Acme, country: US, languages: [{ code: en, level: C1 }] }"), "is not valid under any of the given schemas"),
            (.plan, minimalPlan(company: "{ name: Acme, country: UK }"), "'UK' is not one of"),
            (.rules, "policy: p\nrules:\n  - { id: R1, for: plan, asert: 'true' }\n", "'asert' was unexpected"),
            (.rules, "policy: p\nrules:\n  - { id: R1, for: planet, assert: 'true' }\n", "'planet' is not one of"),
            (.tests, "tests:\n  - { name: t, plan: p.yaml, expect: [{ rule: R1, engagment: e1 }] }\n", "'engagment' was unexpected"),
            (.config, "fail_on: sometimes\n", "'sometimes' is not one of"),
            (.waivers, "waivers:\n  - { rule: DATA-001, reason: r, approved_by: me }\n", "'expires' is a required property"),
        ]
        var documents: [Document] = []
        for (index, (kind, text, _)) in bad.enumerated() {
            documents.append(Document(kind: kind, label: "bad\(index)", json: try Self.json(ofYAMLText: text)))
        }
        guard let output = try Self.validateAll(documents) else { return skipNote("python3 not found") }
        if output.hasPrefix("SKIP") { return skipNote(output) }
        for (index, (_, _, message)) in bad.enumerated() {
            let lines = output.split(separator: "\n").filter { $0.hasPrefix("INVALID bad\(index):") }
            #expect(lines.contains { $0.contains(message) }, "bad\(index) should fail with \(message): \(lines)")
        }
    }

    @Test func badCodesFail() throws {
        let plan = try String(contentsOfFile: repoPath("examples/plans/support-expansion-2027.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "country: US", with: "country: UK")
            .replacingOccurrences(of: "level: C1 }", with: "level: C3 }")
            .replacingOccurrences(of: "\"21:00-06:00\"", with: "\"9-5\"")
        guard let output = try Self.validate(.plan, documents: [try Self.json(ofYAMLText: plan)]) else { return }
        if output.hasPrefix("SKIP") { return skipNote(output) }
        #expect(output.contains("'UK' is not one of"), "\(output)")
        #expect(output.contains("'C3' is not one of"), "\(output)")
        #expect(output.contains("'9-5' does not match"), "\(output)")
    }
}

/// Schema validation needs python3 with jsonschema; without them the check is skipped, said on stderr.
/// Says why a JSON Schema check did not run; under CI that is a failure (`TestPython.mustRun`).
func skipNote(_ why: String) {
    if TestPython.mustRun {
        Issue.record("JSON Schema validation must run under CI, but: \(why)")
    } else {
        FileHandle.standardError.write(Data("AuthoringSchemaTests: JSON Schema validation skipped: \(why)\n".utf8))
    }
}

/// YAML → JSON with YAML 1.2 core-schema typing, for validating files with JSON tools.
enum YAMLAsJSON {
    static func convert(_ node: YAMLNode) -> JSONText {
        switch node.kind {
        case .sequence: return .array(node.items.map(convert))
        case .mapping: return .object(node.entries.map { ($0.key.scalar ?? "", convert($0.value)) })
        case .scalar:
            switch node.scalarKind ?? .string {
            case .null: return .null
            case .bool: return .bool(node.bool ?? false)
            case .int: return node.int.map { JSONText.int(Int($0)) } ?? .string(node.scalar ?? "")
            case .float: return node.double.map(JSONText.double) ?? .string(node.scalar ?? "")
            case .string: return .string(node.scalar ?? "")
            }
        }
    }
}
