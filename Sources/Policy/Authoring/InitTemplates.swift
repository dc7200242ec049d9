/// One file `shore init` writes.
public struct InitFile: Sendable, Equatable {
    /// Path relative to the new repository's root.
    public let path: String
    let contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The files of a new policy repository (`shore init`): config, a rule pack with one
/// rule, its tests and fixtures, an example plan that passes, editor schemas and CI
/// files. Everything works at once: `shore lint`, `shore test`, `shore check
/// plans/example.yaml` (exit 0) and `pre-commit run --all-files` succeed in the new
/// folder. The company is where `InitOptions` says.
public enum InitTemplates {
    public static func files(_ options: InitOptions = .standard) -> [InitFile] {
        [
            InitFile(path: "shore.yaml", contents: config),
            InitFile(path: "rules/data.yaml", contents: rules),
            InitFile(path: "rules/data.test.yaml", contents: tests(options)),
            InitFile(path: "rules/fixtures/offshore-restricted.yaml", contents: offshoreFixture(options)),
            InitFile(path: "rules/fixtures/onshore.yaml", contents: onshoreFixture(options)),
            InitFile(path: "plans/example.yaml", contents: examplePlan(options)),
            InitFile(path: ".github/workflows/shore.yml", contents: githubWorkflow),
            InitFile(path: ".gitlab-ci.yml", contents: gitlabCI),
            InitFile(path: ".pre-commit-config.yaml", contents: preCommitConfig),
            InitFile(path: ".pre-commit-hooks.yaml", contents: preCommitHooks),
            InitFile(path: "README.md", contents: readme),
        ] + SchemaKind.allCases.map { InitFile(path: "schemas/\($0.fileName)", contents: JSONSchemaGenerator.text($0)) }
    }

    static let config = """
    # yaml-language-server: $schema=schemas/config.schema.json
    # Shore project settings: read by `shore check`, `review`, `explain` and `lint`.
    # `builtin` is Shore's starter pack (data protection, sanctions, concentration,
    # language, time zones, quality, localisation, ethical sourcing; financial services
    # when company.sector is financial-services); `rules` is this repository's own rules.
    # Name parts of the pack instead (builtin:data-protection, builtin:sanctions …) or
    # switch single rules off or re-grade them under `overrides`.
    rules: [builtin, rules]
    fail_on: error          # error | warning | info | none
    # overrides:
    #   CONC-001: { severity: info }
    #   LANG-004: { enabled: false }

    """

    static let rules = """
    # yaml-language-server: $schema=../schemas/rules.schema.json
    policy: own-data
    description: >-
      This company's own rules, beside Shore's built-in pack (shore.yaml: rules:
      [builtin, rules]). Give them ids of their own: an id the pack already uses is an
      error.
    rules:
      - id: OWN-001
        title: Restricted data is handled only by the company's own people
        severity: error
        for: engagement
        when: engagement.data.exists(d, d.level >= level('restricted'))
        assert: engagement.provider.kind in ['in-house', 'captive']
        message: "{{ engagement.provider.name }} ({{ engagement.provider.kind }}) would handle restricted data"
        remediation: Keep restricted data with in-house staff or a captive, or tokenize it first.
        tags: [data]

    """

    static func tests(_ options: InitOptions) -> String {
        """
    # yaml-language-server: $schema=../schemas/tests.schema.json
    # Rule tests, run by `shore test`: each plan must give exactly the findings listed
    # by the rules named in `rules:`, so adding rules to the pack never breaks a test.
    tests:
      - name: restricted data at an outside agency is flagged
        plan: fixtures/offshore-restricted.yaml
        rules: [OWN-001]
        expect:
          - { rule: OWN-001, engagement: card-support }

      - name: restricted data with in-house staff passes
        plan: fixtures/onshore.yaml
        rules: [OWN-001]
        expect: []

    """
    }

    static func company(_ options: InitOptions) -> String {
        "{ name: Example Co, country: \(options.country), timezone: \(options.timeZone), hours: \"\(options.hours)\" }"
    }

    static func offshoreFixture(_ options: InitOptions) -> String {
        let away = options.offshore
        return """
        # yaml-language-server: $schema=../../schemas/plan.schema.json
        plan: offshore-restricted
        date: 2026-12-01
        company: \(company(options))
        engagements:
          - id: card-support
            provider: { name: \(away.city) Contact Co, kind: agency, country: \(away.country) }
            locations:
              - { country: \(away.country), city: \(away.city), timezone: \(away.timeZone), hours: "\(away.hours)", headcount: 20 }
            data:
              - { name: payment card numbers, classification: restricted }

        """
    }

    static func onshoreFixture(_ options: InitOptions) -> String {
        """
        # yaml-language-server: $schema=../../schemas/plan.schema.json
        plan: onshore
        date: 2026-12-01
        company: \(company(options))
        engagements:
          - id: card-support
            provider: { name: Example Co, kind: in-house, country: \(options.country) }
            locations:
              - { country: \(options.country), timezone: \(options.timeZone), hours: "\(options.hours)", headcount: 20 }
            data:
              - { name: payment card numbers, classification: restricted }

        """
    }

    static func examplePlan(_ options: InitOptions) -> String {
        let away = options.offshore
        let home = "{ country: \(options.country), timezone: \(options.timeZone), hours: \"\(options.hours)\", headcount: 40 }"
        let moved = "{ country: \(away.country), city: \(away.city), timezone: \(away.timeZone), hours: \"\(away.hours)\", headcount: 40 }"
        return """
        # yaml-language-server: $schema=../schemas/plan.schema.json
        # An example sourcing plan. It passes: `shore check plans/example.yaml` exits 0.
        # To see the built-in DATA-001 fire (exit 1), move the payroll location to another country, e.g.
        #   - \(moved)
        plan: example-2027
        title: Example sourcing plan
        date: 2026-12-01
        company:
          name: Example Co
          country: \(options.country)
          timezone: \(options.timeZone)
          hours: "\(options.hours)"
        engagements:
          - id: tier1-support
            service: customer-support
            customer_facing: true
            markets: [\(options.country)]
            provider: { name: \(away.city) Contact Co, kind: agency, country: \(away.country) }
            locations:
              - { country: \(away.country), city: \(away.city), timezone: \(away.timeZone), hours: "\(away.hours)", headcount: 20 }
            data:
              - { name: customer contact records, classification: confidential, personal: true, subjects: [\(options.country)] }
            languages:
        \(options.languages.map { "      - { code: \($0), level: C1 }" }.joined(separator: "\n"))
            controls: [\(options.controls.joined(separator: ", "))]
            cost: { annual: 360000 }
            start: 2027-01-01

          - id: payroll
            service: payroll
            provider: { name: Example Co, kind: in-house, country: \(options.country) }
            locations:
              - \(home)
            data:
              - { name: employee bank details, classification: restricted, personal: true, subjects: [\(options.country)] }
            cost: { annual: 400000 }
            start: 2027-01-01

        """
    }

    static let githubWorkflow = """
    # Shore policy gate: lint and test the rules, check every plan, upload SARIF to code scanning.
    name: shore
    on:
      pull_request:
      push:
        branches: [main]
    permissions:
      contents: read
      actions: read            # for upload-sarif in private repositories
      security-events: write   # for upload-sarif
    jobs:
      shore:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@v6
          - name: Install shore
            # Put the shore binary on PATH here (scripts/install.sh from the Shore
            # repository, your release download, or a container with shore).
            run: command -v shore || { echo "::error::install shore in this step"; exit 1; }
          - run: shore lint
          - run: shore test
          - name: Check plans
            run: shore check plans/*.yaml --format sarif --output shore.sarif
          - name: Upload findings to code scanning
            if: always()
            uses: github/codeql-action/upload-sarif@v4
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

    /// The hooks, run by `pre-commit` in this repository (`repo: local`).
    static let preCommitConfig = """
    # pre-commit (https://pre-commit.com) in this repository: `pre-commit install`, then
    # every commit lints and tests the rules and checks the plans it touches.
    # Needs shore on PATH. `.pre-commit-hooks.yaml` offers the same hooks to other
    # repositories (e.g. one that holds only plans).
    repos:
      - repo: local
        hooks:
    \(hookList(indent: "      "))
    """

    /// The same hooks as a manifest, for other repositories that name this one as a
    /// `repo:` in their `.pre-commit-config.yaml`.
    static let preCommitHooks = """
    # pre-commit hook manifest: lets other repositories use these hooks with
    #   - repo: https://your.git.host/this-policy-repository
    #     rev: <a tag or commit>
    #     hooks: [{ id: shore-check }]
    # This repository runs them itself through .pre-commit-config.yaml. Needs shore on PATH.
    \(hookList(indent: ""))
    """

    /// The three hooks (lint, test, check), each line prefixed by `indent`.
    static func hookList(indent: String) -> String {
        """
        - id: shore-lint
          name: shore lint
          entry: shore lint
          language: system
          files: ^(rules/.*\\.ya?ml|shore\\.yaml)$
          pass_filenames: false
        - id: shore-test
          name: shore test
          entry: shore test
          language: system
          files: ^(rules/|shore\\.yaml$)
          pass_filenames: false
        - id: shore-check
          name: shore check
          entry: shore check
          language: system
          files: ^plans/.*\\.ya?ml$

        """.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }

    static let readme = """
    # Sourcing policy

    Policy-as-code for outsourcing and offshoring plans, checked by Shore (`shore check`).

    | path | what |
    |---|---|
    | `shore.yaml` | project settings: the rules (`builtin`, Shore's starter pack, and `rules/`), `fail_on`, per-rule overrides |
    | `rules/*.yaml` | this company's own rules (`OWN-001`): CEL `when`/`assert` per item of a plan |
    | `rules/*.test.yaml`, `rules/fixtures/` | rule tests: each plan must give exactly the findings listed |
    | `plans/` | sourcing plans to check |
    | `schemas/` | JSON Schemas for editor completion (regenerate with `shore schema KIND`) |
    | `.github/workflows/shore.yml`, `.gitlab-ci.yml` | the CI gate (shore must be on the runner's PATH) |
    | `.pre-commit-config.yaml` | pre-commit hooks for this repository (`pre-commit install`) |
    | `.pre-commit-hooks.yaml` | the same hooks for other repositories that list this one as a `repo:` |

    ```sh
    shore lint                                   # rule files: YAML, CEL types, unused sets …
    shore test                                   # rule tests
    shore check plans/example.yaml               # exits 0: the example plan passes
    shore explain plans/example.yaml --rule DATA-001   # why, item by item
    shore eval "engagement.headcount" --plan plans/example.yaml --for engagement --at payroll
    ```

    `plans/example.yaml` passes on purpose; its header says how to make the built-in DATA-001 fire
    (then `shore check` exits 1). Exit codes: 0 nothing at or above `fail_on`, 1 findings
    at or above it, 2 invalid input.

    """
}
