import Foundation
import Testing
import Policy
import YAML

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
        let country = try #require(defs["country"] as? [String: Any])
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

    static let validator = """
    import json, sys
    try:
        import jsonschema
    except ImportError:
        print("SKIP: python3 has no jsonschema module"); sys.exit(0)
    schema = json.load(open(sys.argv[1]))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
        for e in errors:
            print("INVALID %s: %s at %s" % (path, e.message, "/".join(map(str, e.path))))
    print("DONE")
    """

    /// Runs the validator; nil when python3 is missing (the test then records a skip note).
    static func validate(_ kind: SchemaKind, documents: [String]) throws -> String? {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python else { return nil }
        let folder = NSTemporaryDirectory() + "shore-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = folder + "/validate.py"
        try Data(validator.utf8).write(to: URL(fileURLWithPath: script))
        var paths: [String] = []
        for (index, document) in documents.enumerated() {
            let path = folder + "/doc\(index).json"
            try Data(document.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, repoPath("schemas/\(kind.fileName)")] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(data: pipe.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
        process.waitUntilExit()
        return output
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

    func expectValid(_ kind: SchemaKind, _ documents: [String]) throws {
        guard let output = try Self.validate(kind, documents: documents) else {
            skipNote("python3 not found")
            return
        }
        if output.hasPrefix("SKIP") { return skipNote(output) }
        #expect(output == "DONE\n", "\(output)")
    }

    @Test func examplePlanValidates() throws {
        try expectValid(.plan, [try Self.json(ofYAML: repoPath("examples/plans/support-expansion-2027.yaml"))])
    }

    @Test func exampleRulesValidate() throws {
        let files = RuleFiles.find(under: [repoPath("examples/rules")])
        #expect(files.count == 4)
        try expectValid(.rules, try files.map { try Self.json(ofYAML: $0) })
    }

    @Test func initFilesValidate() throws {
        func document(_ path: String) throws -> String {
            let file = try #require(InitTemplates.files.first { $0.path == path })
            return try Self.json(ofYAMLText: file.contents)
        }
        try expectValid(.config, [try document("shore.yaml")])
        try expectValid(.tests, [try document("rules/data.test.yaml")])
        try expectValid(.rules, [try document("rules/data.yaml")])
        try expectValid(.plan, [try document("plans/example.yaml"), try document("rules/fixtures/onshore.yaml"),
                                try document("rules/fixtures/offshore-restricted.yaml")])
    }

    @Test func configAndWaiversValidate() throws {
        try expectValid(.config, [try Self.json(ofYAMLText: """
            rules: [rules, more-rules]
            waivers: waivers.yaml
            fail_on: warning
            overrides:
              DATA-001: { severity: warning }
              TZ-001: { enabled: false }
            """)])
        try expectValid(.waivers, [try Self.json(ofYAMLText: """
            waivers:
              - { rule: DATA-001, country: PH, reason: Tokenization lands in Q3, approved_by: CISO, expires: 2027-06-30 }
            """)])
    }

    @Test func planWithATypoFails() throws {
        let plan = try String(contentsOfFile: repoPath("examples/plans/support-expansion-2027.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "headcount: 40", with: "hedcount: 40")
        guard let output = try Self.validate(.plan, documents: [try Self.json(ofYAMLText: plan)]) else {
            skipNote("python3 not found")
            return
        }
        if output.hasPrefix("SKIP") { return }
        #expect(output.contains("'hedcount' was unexpected"), "\(output)")
        #expect(output.contains("'headcount' is a required property"), "\(output)")
        // Free-form keys under attributes stay allowed (the example has attributes: { cost_center: … }).
        #expect(!output.contains("cost_center"))
    }

    @Test func badCodesFail() throws {
        let plan = try String(contentsOfFile: repoPath("examples/plans/support-expansion-2027.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "country: US", with: "country: UK")
            .replacingOccurrences(of: "level: C1 }", with: "level: C3 }")
            .replacingOccurrences(of: "\"21:00-06:00\"", with: "\"9-5\"")
        guard let output = try Self.validate(.plan, documents: [try Self.json(ofYAMLText: plan)]) else { return }
        if output.hasPrefix("SKIP") { return }
        #expect(output.contains("'UK' is not one of"), "\(output)")
        #expect(output.contains("'C3' is not one of"), "\(output)")
        #expect(output.contains("'9-5' does not match"), "\(output)")
    }
}

/// Schema validation needs python3 with jsonschema; without them the check is skipped, said on stderr.
func skipNote(_ why: String) {
    FileHandle.standardError.write(Data("AuthoringSchemaTests: JSON Schema validation skipped: \(why)\n".utf8))
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
