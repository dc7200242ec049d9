/// `yaml.*`: a file that is not well-formed YAML, or that passes a reading limit.
extension DiagnosticCode {
    public static let yamlSyntax = DiagnosticCode(
        "yaml.syntax", "The file is not valid YAML.",
        example: "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)")
    public static let yamlTabIndentation = DiagnosticCode(
        "yaml.tab-indentation", "A tab is used for indentation, where YAML allows only spaces.",
        example: "a tab character is used for indentation; YAML allows only spaces there")
    public static let yamlUnclosedQuote = DiagnosticCode(
        "yaml.unclosed-quote", "A quoted string is never closed.",
        example: "this quoted string is never closed")
    public static let yamlInvalidUTF8 = DiagnosticCode(
        "yaml.invalid-utf8", "The file is not valid UTF-8 text.",
        example: "the file is not valid UTF-8 (invalid leading UTF-8 octet, byte 0xFF at offset 12)")
    public static let yamlInvalidCharacter = DiagnosticCode(
        "yaml.invalid-character", "The file contains a character YAML does not allow (a control character).",
        example: "the file contains a character YAML does not allow (control characters are not allowed)")
    public static let yamlOutOfMemory = DiagnosticCode(
        "yaml.out-of-memory", "The YAML parser ran out of memory.",
        example: "libyaml ran out of memory reading the file")
    public static let yamlInternal = DiagnosticCode(
        "yaml.internal", "The YAML parser could not start.",
        example: "libyaml could not start")
    public static let yamlEmpty = DiagnosticCode(
        "yaml.empty", "The file holds no YAML document.",
        example: "the file is empty: expected a YAML mapping")
    public static let yamlMultipleDocuments = DiagnosticCode(
        "yaml.multiple-documents", "The file holds more than one YAML document (`---`).",
        example: "the file holds more than one YAML document; Shore reads one document per file")
    public static let yamlDuplicateKey = DiagnosticCode(
        "yaml.duplicate-key", "A mapping has the same key twice.",
        example: "the key 'country' appears twice in the same mapping")
    public static let yamlUnknownAlias = DiagnosticCode(
        "yaml.unknown-alias", "An alias (`*name`) names no anchor defined before it.",
        example: "the alias '*base' names no anchor defined before it")
    public static let yamlAliasExpansion = DiagnosticCode(
        "yaml.alias-expansion", "Aliases expand to more nodes than the limit (an alias bomb).",
        example: "aliases expand to more than 1000000 nodes (an alias bomb?)")
    public static let yamlUnsupportedTag = DiagnosticCode(
        "yaml.unsupported-tag", "A YAML tag (`!!int`, `!custom` …) that Shore does not read, or that does not fit its value.",
        example: "the tag 'tag:yaml.org,2002:int' is not supported here (or does not fit the value \"ten\")")
    public static let yamlIntegerOverflow = DiagnosticCode(
        "yaml.integer-overflow", "A whole number does not fit in 64 bits.",
        example: "the number 99999999999999999999 does not fit in a 64-bit integer")
    public static let yamlTooDeep = DiagnosticCode(
        "yaml.too-deep", "Mappings and lists nest deeper than the limit.",
        example: "the YAML nesting is deeper than the limit of 64 levels")
    public static let yamlFileTooLarge = DiagnosticCode(
        "yaml.file-too-large", "The file is larger than the limit.",
        example: "the file has 20971520 bytes, more than the limit of 16777216")

    static let yamlCodes: [DiagnosticCode] = [
        yamlSyntax, yamlTabIndentation, yamlUnclosedQuote, yamlInvalidUTF8, yamlInvalidCharacter, yamlOutOfMemory,
        yamlInternal, yamlEmpty, yamlMultipleDocuments, yamlDuplicateKey, yamlUnknownAlias, yamlAliasExpansion,
        yamlUnsupportedTag, yamlIntegerOverflow, yamlTooDeep, yamlFileTooLarge,
    ]
}
