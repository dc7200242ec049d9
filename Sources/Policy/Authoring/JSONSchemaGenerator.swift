import Reference

/// The file kinds `shore schema` describes.
public enum SchemaKind: String, CaseIterable, Sendable {
    case plan, rules, waivers, tests, config

    /// The format's root object, from `Sources/Policy/Schema` (the one source of truth).
    public var root: SchemaObject {
        switch self {
        case .plan: PlanSchema.plan
        case .rules: RuleSchema.file
        case .waivers: WaiverSchema.file
        case .tests: RuleSchema.testFile
        case .config: RuleSchema.config
        }
    }

    /// The committed file name under `schemas/`.
    var fileName: String { "\(rawValue).schema.json" }
}

/// Turns Shore's schema objects into JSON Schema (draft 2020-12) for editors
/// (yaml-language-server): descriptions for hover, enums for completion, and
/// `additionalProperties: false` everywhere except free-form maps like `attributes`.
public enum JSONSchemaGenerator {
    static let draft = "https://json-schema.org/draft/2020-12/schema"

    /// The schema's text, ending in a newline: what `schemas/KIND.schema.json` holds.
    public static func text(_ kind: SchemaKind) -> String {
        schema(kind).rendered() + "\n"
    }

    static func schema(_ kind: SchemaKind) -> JSONText {
        var builder = Builder()
        let root = builder.object(kind.root)
        guard case .object(let members) = root else { return root }
        var result: [(String, JSONText)] = [
            ("$schema", .string(draft)),
            ("title", .string("Shore \(kind.root.name)")),
        ]
        result += members
        if !builder.definitions.isEmpty {
            result.append(("$defs", .object(builder.definitions.sorted { $0.0 < $1.0 })))
        }
        return .object(result)
    }

    /// Collects nested objects and shared code lists into `$defs`. A definition's name
    /// comes from what it describes: code lists end in `-code` (`language-code`), objects
    /// keep their noun (`language`), and a second, different thing that would take a name
    /// already in use gets a numbered one (`language-2`), so no definition replaces another.
    struct Builder {
        var definitions: [(String, JSONText)] = []
        /// Definition name → what it describes (`code:language`, `object:language`).
        var owners: [String: String] = [:]
        /// What is described → its definition name.
        var names: [String: String] = [:]

        /// A `$ref` to the definition of `identity`, made on first use under a name
        /// starting with `preferredName` that no other definition holds.
        mutating func reference(_ identity: String, preferredName: String,
                                _ make: (inout Builder) -> JSONText) -> JSONText {
            if let name = names[identity] { return Self.ref(name) }
            var name = preferredName
            var suffix = 2
            while owners[name] != nil {
                name = "\(preferredName)-\(suffix)"
                suffix += 1
            }
            owners[name] = identity
            names[identity] = name
            let index = definitions.count
            definitions.append((name, .null))
            definitions[index].1 = make(&self)
            return Self.ref(name)
        }

        static func ref(_ name: String) -> JSONText {
            .object([("$ref", .string("#/$defs/\(name)"))])
        }

        /// An object's identity: its noun and its field names, so two objects of one
        /// noun with different shapes get different definitions.
        static func identity(_ object: SchemaObject) -> String {
            "object:\(object.name):" + object.fieldNames.joined(separator: ",")
        }

        mutating func object(_ object: SchemaObject) -> JSONText {
            var properties: [(String, JSONText)] = []
            for field in object.fields {
                properties.append((field.name, property(field)))
            }
            var members: [(String, JSONText)] = [
                ("description", .string(object.description + derivedNote(object))),
                ("type", .string("object")),
                ("properties", .object(properties)),
            ]
            let required = object.fields.filter(\.required).map { JSONText.string($0.name) }
            if !required.isEmpty { members.append(("required", .array(required))) }
            members.append(("additionalProperties", .bool(false)))
            return .object(members)
        }

        func derivedNote(_ object: SchemaObject) -> String {
            object.derived.isEmpty ? ""
                : " Shore derives \(object.derived.joined(separator: ", ")) itself; a file may not set them."
        }

        mutating func property(_ field: SchemaField) -> JSONText {
            var members: [(String, JSONText)] = [("description", .string(field.description + note(field.type)))]
            guard case .object(let typeMembers) = type(field.type) else { return .object(members) }
            members += typeMembers.filter { $0.0 != "description" }
            if let example = field.example {
                members.append(("examples", .array([exampleValue(example, field.type)])))
            }
            return .object(members)
        }

        func note(_ type: FieldType) -> String {
            switch type {
            case .cel:
                " A CEL expression (cel.dev); quote it, or write it as a block scalar (>-), when it starts with [ { ! & * ' \" or contains ' #'."
            case .template:
                " {{ CEL }} placeholders are replaced by their values."
            case .classification:
                " Default scale: \(Classifications.defaultScale.joined(separator: ", "))."
            default:
                ""
            }
        }

        func exampleValue(_ text: String, _ type: FieldType) -> JSONText {
            switch type {
            case .integer: Int(text).map(JSONText.int) ?? .string(text)
            case .number: Double(text).map(JSONText.double) ?? .string(text)
            default: .string(text)
            }
        }

        static let scalarText: JSONText = .array([.string("string"), .string("number"), .string("boolean")])

        mutating func type(_ type: FieldType) -> JSONText {
            switch type {
            case .string:
                return .object([("type", Self.scalarText)])
            case .cel:
                return .object([("type", Self.scalarText)])
            case .template:
                return .object([("type", Self.scalarText)])
            case .bool:
                return .object([("type", .string("boolean"))])
            case .integer:
                return .object([("type", .string("integer"))])
            case .number:
                return .object([("type", .string("number"))])
            case .date:
                return .object([("type", .string("string")), ("format", .string("date")),
                                ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
            case .hours:
                return .object([("type", .string("string")),
                                ("pattern", .string("^([01][0-9]|2[0-4]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]$"))])
            case .country:
                return reference("code:country", preferredName: "country-code") { _ in
                    let countries = Countries.all.sorted { $0.alpha2 < $1.alpha2 }
                    return .object([
                        ("description", .string(FieldType.country.expectation)),
                        ("type", .string("string")),
                        ("enum", .array(countries.map { .string($0.alpha2) })),
                        ("markdownEnumDescriptions", .array(countries.map { .string($0.displayName) })),
                    ])
                }
            case .language:
                return reference("code:language", preferredName: "language-code") { _ in
                    // The two-letter codes for completion; three-letter ones (thousands) by
                    // pattern, which Shore itself then checks against ISO 639-3.
                    let languages = Languages.twoLetter.sorted { $0.code < $1.code }
                    return .object([
                        ("description", .string(FieldType.language.expectation)),
                        ("anyOf", .array([
                            .object([
                                ("type", .string("string")),
                                ("enum", .array(languages.map { .string($0.code) })),
                                ("markdownEnumDescriptions", .array(languages.map { .string($0.name) })),
                            ]),
                            .object([("type", .string("string")), ("pattern", .string("^[a-z]{3}$"))]),
                        ])),
                    ])
                }
            case .region:
                return .object([("description", .string(FieldType.region.expectation)), ("type", .string("string")),
                                ("pattern", .string("^[A-Z]{2}-[A-Z0-9]{1,3}$"))])
            case .currency:
                return reference("code:currency", preferredName: "currency-code") { _ in
                    let codes = Currencies.codes
                    return .object([
                        ("description", .string(FieldType.currency.expectation)),
                        ("type", .string("string")),
                        ("enum", .array(codes.map(JSONText.string))),
                        ("markdownEnumDescriptions", .array(codes.map { .string(Currencies.currency($0)?.name ?? $0) })),
                    ])
                }
            case .regime:
                return .object([("description", .string(FieldType.regime.expectation)), ("type", .string("string")),
                                ("enum", .array(Regimes.all.map(JSONText.string)))])
            case .timeZone:
                return .object([("type", .string("string")),
                                ("pattern", .string("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")),
                                ("examples", .array(["America/New_York", "Europe/Berlin", "Asia/Manila"].map(JSONText.string)))])
            case .cefrLevel:
                return .object([("type", .string("string")), ("enum", .array(CEFRLevel.allCases.map { .string($0.rawValue) }))])
            case .classification:
                return .object([("type", .string("string")),
                                ("examples", .array(Classifications.defaultScale.map(JSONText.string)))])
            case .oneOf(let words):
                return .object([("type", .string("string")), ("enum", .array(words.map(JSONText.string)))])
            case .list(let element):
                return .object([("type", .string("array")), ("items", self.type(element))])
            case .object(let object):
                return reference(Self.identity(object), preferredName: Self.definitionName(object.name)) { builder in builder.object(object) }
            case .freeMap:
                return .object([("type", .string("object"))])
            case .map(let value):
                return .object([("type", .string("object")), ("additionalProperties", self.type(value))])
            case .anyOf(let types):
                var options: [JSONText] = []
                for option in types { options.append(self.type(option)) }
                return .object([("anyOf", .array(options))])
            }
        }

        /// `expected finding` → `expected-finding`.
        static func definitionName(_ name: String) -> String {
            name.split(separator: " ").joined(separator: "-")
        }
    }
}
