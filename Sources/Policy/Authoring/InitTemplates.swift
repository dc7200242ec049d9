/// One file `shore init` writes.
public struct InitFile: Sendable, Equatable {
    /// Path relative to the new repository's root.
    public let path: String
    public let contents: String
}

/// The files of a new policy repository (`shore init`): config, a rule pack with one
/// rule, its tests and fixtures, an example plan that passes, editor
/// schemas and CI snippets. Everything works at once: `shore lint`, `shore test` and
/// `shore check plans/example.yaml` (exit 0) succeed in the new folder.
public enum InitTemplates {
    public static var files: [InitFile] {
        [
            InitFile(path: "shore.yaml", contents: config),
            InitFile(path: "rules/data.yaml", contents: rules),
            InitFile(path: "rules/data.test.yaml", contents: tests),
            InitFile(path: "rules/fixtures/offshore-restricted.yaml", contents: offshoreFixture),
            InitFile(path: "rules/fixtures/onshore.yaml", contents: onshoreFixture),
            InitFile(path: "plans/example.yaml", contents: examplePlan),
            InitFile(path: ".github/workflows/shore.yml", contents: githubWorkflow),
            InitFile(path: ".gitlab-ci.yml", contents: gitlabCI),
            InitFile(path: ".pre-commit-hooks.yaml", contents: preCommitHooks),
            InitFile(path: "README.md", contents: readme),
        ] + SchemaKind.allCases.map { InitFile(path: "schemas/\($0.fileName)", contents: JSONSchemaGenerator.text($0)) }
    }

    /// The files of `files` that already exist (by `exists`), which init refuses to overwrite.
    public static func conflicts(exists: (String) -> Bool) -> [String] {
        files.map(\.path).filter(exists)
    }

    static let config = """
    # yaml-language-server: $schema=schemas/config.schema.json
    # Shore project settings: read by `shore check`, `review`, `explain` and `lint`.
    rules: [rules]
    fail_on: error          # error | warning | info | none
    # overrides:
    #   DATA-001: { severity: warning }

    """

    static let rules = """
    # yaml-language-server: $schema=../schemas/rules.schema.json
    policy: data-protection
    description: Which data may be handled where.
    classifications: [public, internal, confidential, restricted]   # lowest first
    rules:
      - id: DATA-001
        title: Restricted data stays in the home country
        severity: error
        for: location
        when: engagement.data.exists(d, d.level >= level('restricted'))
        assert: location.country == company.country
        message: "restricted data would be processed in {{ country_name(location.country) }}"
        remediation: Keep restricted data onshore, or tokenize it before it leaves.
        tags: [data]

    """

    static let tests = """
    # yaml-language-server: $schema=../schemas/tests.schema.json
    # Rule tests, run by `shore test`: each plan must give exactly the findings listed.
    tests:
      - name: restricted data processed offshore is flagged
        plan: fixtures/offshore-restricted.yaml
        expect:
          - { rule: DATA-001, engagement: card-support, country: PH }

      - name: restricted data processed at home passes
        plan: fixtures/onshore.yaml
        expect: []

    """

    static let offshoreFixture = """
    # yaml-language-server: $schema=../../schemas/plan.schema.json
    plan: offshore-restricted
    date: 2026-12-01
    company: { name: Example Co, country: US, timezone: America/New_York }
    engagements:
      - id: card-support
        provider: { name: Manila Contact Co, kind: agency, country: PH }
        locations:
          - { country: PH, city: Manila, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 20 }
        data:
          - { name: payment card numbers, classification: restricted, categories: [payment-card] }

    """

    static let onshoreFixture = """
    # yaml-language-server: $schema=../../schemas/plan.schema.json
    plan: onshore
    date: 2026-12-01
    company: { name: Example Co, country: US, timezone: America/New_York }
    engagements:
      - id: card-support
        provider: { name: Example Co, kind: in-house, country: US }
        locations:
          - { country: US, city: Austin, timezone: America/Chicago, hours: "08:00-16:00", headcount: 20 }
        data:
          - { name: payment card numbers, classification: restricted, categories: [payment-card] }

    """

    static let examplePlan = """
    # yaml-language-server: $schema=../schemas/plan.schema.json
    # An example sourcing plan. It passes: `shore check plans/example.yaml` exits 0.
    # To see DATA-001 fire (exit 1), move the payroll location to another country, e.g.
    #   - { country: PH, city: Manila, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 4 }
    plan: example-2027
    title: Example sourcing plan
    date: 2026-12-01
    company:
      name: Example Co
      country: US
      timezone: America/New_York
      hours: "09:00-17:00"
    engagements:
      - id: tier1-support
        service: customer-support
        customer_facing: true
        markets: [US]
        provider: { name: Manila Contact Co, kind: agency, country: PH }
        locations:
          - { country: PH, city: Manila, timezone: Asia/Manila, hours: "21:00-06:00", headcount: 30 }
        data:
          - { name: customer contact records, classification: confidential, personal: true, subjects: [US] }
        languages:
          - { code: en, level: C1 }
        controls: [iso27001, audit-rights, sla, dpa]
        cost: { annual: 360000, currency: USD }
        start: 2027-01-01

      - id: payroll
        service: payroll
        provider: { name: Example Co, kind: in-house, country: US }
        locations:
          - { country: US, city: Austin, timezone: America/Chicago, hours: "08:00-16:00", headcount: 4 }
        data:
          - { name: employee bank details, classification: restricted, personal: true, subjects: [US] }
        cost: { annual: 400000, currency: USD }
        start: 2027-01-01

    """

    static let githubWorkflow = """
    # Shore policy gate: lint and test the rules, check every plan, upload SARIF to code scanning.
    name: shore
    on:
      pull_request:
      push:
        branches: [main]
    permissions:
      contents: read
      security-events: write   # for upload-sarif
    jobs:
      shore:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@v4
          - name: Install shore
            # Put the shore binary on PATH here (your release download, container or build).
            run: command -v shore || { echo "::error::install shore in this step"; exit 1; }
          - run: shore lint
          - run: shore test
          - name: Check plans
            run: shore check plans/*.yaml --format sarif --output shore.sarif
          - name: Upload findings to code scanning
            if: always()
            uses: github/codeql-action/upload-sarif@v3
            with:
              sarif_file: shore.sarif
              category: shore

    """

    static let gitlabCI = """
    # Shore policy gate for GitLab CI: findings show in merge requests as JUnit test results.
    shore:
      stage: test
      # image: your image with shore on PATH
      script:
        - shore lint
        - shore test
        - shore check plans/*.yaml --format junit --output shore-junit.xml
      artifacts:
        when: always
        reports:
          junit: shore-junit.xml

    """

    static let preCommitHooks = """
    # pre-commit hooks (https://pre-commit.com) running the shore on PATH.
    - id: shore-lint
      name: shore lint
      entry: shore lint
      language: system
      files: ^rules/.*\\.ya?ml$
      pass_filenames: false
    - id: shore-test
      name: shore test
      entry: shore test
      language: system
      files: ^rules/
      pass_filenames: false
    - id: shore-check
      name: shore check
      entry: shore check
      language: system
      files: ^plans/.*\\.ya?ml$

    """

    static let readme = """
    # Sourcing policy

    Policy-as-code for outsourcing and offshoring plans, checked by Shore (`shore check`).

    | path | what |
    |---|---|
    | `shore.yaml` | project settings (rules folder, `fail_on`, per-rule overrides) |
    | `rules/*.yaml` | the rules: CEL `when`/`assert` per item of a plan |
    | `rules/*.test.yaml`, `rules/fixtures/` | rule tests: each plan must give exactly the findings listed |
    | `plans/` | sourcing plans to check |
    | `schemas/` | JSON Schemas for editor completion (regenerate with `shore schema KIND`) |

    ```sh
    shore lint                                   # rule files: YAML, CEL types, unused sets …
    shore test                                   # rule tests
    shore check plans/example.yaml               # exits 0: the example plan passes
    shore explain plans/example.yaml --rule DATA-001   # why, item by item
    shore eval "engagement.headcount" --plan plans/example.yaml --for engagement --at payroll
    ```

    `plans/example.yaml` passes on purpose; its header says how to make DATA-001 fire
    (then `shore check` exits 1). Exit codes: 0 nothing at or above `fail_on`, 1 findings
    at or above it, 2 invalid input.

    """
}
