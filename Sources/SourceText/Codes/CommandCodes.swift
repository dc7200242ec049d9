/// Codes of single commands: `eval.*`, `explain.*`, `init.*`, `output.*`, `run.*` and
/// `baseline.*`.
extension DiagnosticCode {
    // shore eval
    public static let evalCELSyntax = DiagnosticCode(
        "eval.cel-syntax", "The expression given to `shore eval` is not valid CEL.",
        example: "unexpected ')'")
    public static let evalCELType = DiagnosticCode(
        "eval.cel-type", "The expression given to `shore eval` does not type-check.",
        example: "undefined field 'contry' in type 'shore.Location'")
    public static let evalNeedsPlan = DiagnosticCode(
        "eval.needs-plan", "The expression reads the plan, and no plan was given.",
        example: "'engagement' comes from a plan, and no plan was given")
    public static let evalMissingAt = DiagnosticCode(
        "eval.missing-at", "`--for` chooses a scope with many items, and `--at` does not say which.",
        example: "`--for location` needs `--at` to choose the item")
    public static let evalUnknownItem = DiagnosticCode(
        "eval.unknown-item", "`--at` names an item the plan does not have.",
        example: "the plan has no engagement 'tier1-suport'")

    static let evalCodes: [DiagnosticCode] = [evalCELSyntax, evalCELType, evalNeedsPlan, evalMissingAt, evalUnknownItem]

    // shore explain
    public static let explainUnknownRule = DiagnosticCode(
        "explain.unknown-rule", "`shore explain` names a rule that is not loaded.",
        example: "no rule 'data.eea-onyl' is loaded")
    public static let explainUnknownEngagement = DiagnosticCode(
        "explain.unknown-engagement", "`--engagement` names an engagement the plan does not have.",
        example: "the plan has no engagement 'suport'")
    public static let explainUnknownCountry = DiagnosticCode(
        "explain.unknown-country", "`--country` names a country where the plan has no location.",
        example: "no location of the plan is in 'FR'")

    static let explainCodes: [DiagnosticCode] = [explainUnknownRule, explainUnknownEngagement, explainUnknownCountry]

    // shore init
    public static let initUnknownCountry = DiagnosticCode(
        "init.unknown-country", "`--country` is not a country code.",
        example: "--country: 'XX' is not an ISO 3166-1 alpha-2 country code")
    public static let initUnknownTimezone = DiagnosticCode(
        "init.unknown-timezone", "`--timezone` is not an IANA time zone name.",
        example: "--timezone: 'Europe/Berln' is not an IANA time zone; did you mean 'Europe/Berlin'?")
    public static let initTimezoneNeeded = DiagnosticCode(
        "init.timezone-needed", "The country has several time zones, and `--timezone` does not choose one.",
        example: "United States spans 29 time zones, so init cannot choose the company's")
    public static let initBadHours = DiagnosticCode(
        "init.bad-hours", "`--hours` is not business hours written HH:MM-HH:MM.",
        example: "--hours: '9-17' is not in the form HH:MM-HH:MM; did you mean '09:00-17:00'?")
    public static let initNotAFolder = DiagnosticCode(
        "init.not-a-folder", "A file sits where `shore init` must make or use a folder.",
        example: "plans is a file, but shore init needs a folder there for plans/example.yaml")
    public static let initWouldOverwrite = DiagnosticCode(
        "init.would-overwrite", "A file `shore init` would write already exists; nothing is written.",
        example: "shore.yaml already exists")
    public static let initLinkOutside = DiagnosticCode(
        "init.link-outside", "A symbolic link would make `shore init` write outside its folder.",
        example: "rules is a symbolic link to /etc, outside policy, so rules/example.yaml would be written there")
    public static let initWriteFailed = DiagnosticCode(
        "init.write-failed", "A file or folder could not be written; what was written is removed again.",
        example: "cannot write shore.yaml: No space left on device; nothing was written")

    static let initCodes: [DiagnosticCode] = [
        initUnknownCountry, initUnknownTimezone, initTimezoneNeeded, initBadHours, initNotAFolder, initWouldOverwrite,
        initLinkOutside, initWriteFailed,
    ]

    // --output and --format
    public static let outputUnknownExtension = DiagnosticCode(
        "output.unknown-extension", "`--output` has an extension that names no format the command writes.",
        example: "cannot tell which format to write to report.docx: '.docx' is not an extension this command writes")
    public static let outputFormatConflict = DiagnosticCode(
        "output.format-conflict", "`--format` disagrees with the format `--output`'s extension means.",
        example: "--format json conflicts with the output report.sarif, whose extension means sarif")
    public static let outputIsDirectory = DiagnosticCode(
        "output.is-directory", "`--output` is a folder.",
        example: "the output reports is a folder")
    public static let outputOverwritesInput = DiagnosticCode(
        "output.overwrites-input", "`--output` is one of the run's inputs.",
        example: "the output plans/a.yaml is an input of this run (plans/a.yaml); writing it would destroy that input")
    public static let outputMissingFolder = DiagnosticCode(
        "output.missing-folder", "The folder of `--output` does not exist.",
        example: "the folder of the output out/report.json does not exist")
    public static let outputWriteFailed = DiagnosticCode(
        "output.write-failed", "The output could not be written.",
        example: "cannot write the output report.json: No space left on device")

    static let outputCodes: [DiagnosticCode] = [
        outputUnknownExtension, outputFormatConflict, outputIsDirectory, outputOverwritesInput, outputMissingFolder,
        outputWriteFailed,
    ]

    // the run as a whole
    public static let runTimeout = DiagnosticCode(
        "run.timeout", "The run passed `--timeout` before every plan was checked; the run is invalid.",
        example: "the check ran out of time; not checked: plans/b.yaml, plans/c.yaml")

    static let runCodes: [DiagnosticCode] = [runTimeout]

    // --baseline
    public static let baselineUnreadable = DiagnosticCode(
        "baseline.unreadable", "The baseline file cannot be read.",
        example: "cannot read baseline.json: No such file or directory")
    public static let baselineInvalid = DiagnosticCode(
        "baseline.invalid", "The baseline is not a Shore JSON result.",
        example: "baseline.json is not valid JSON")
    public static let baselineTooDeep = DiagnosticCode(
        "baseline.too-deep", "The baseline's JSON nests deeper than the limit.",
        example: "baseline.json nests deeper than 64 levels")
    public static let baselineUnsupportedVersion = DiagnosticCode(
        "baseline.unsupported-version", "The baseline was written by a Shore with another result version.",
        example: "baseline.json is a version 1 result; this Shore reads version 2")

    static let baselineCodes: [DiagnosticCode] = [
        baselineUnreadable, baselineInvalid, baselineTooDeep, baselineUnsupportedVersion,
    ]
}
