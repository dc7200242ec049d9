import CEL
import SourceText
import YAML

/// Compiles the CEL in a rule file (`when`, `assert`, message placeholders) and turns
/// CEL's errors into diagnostics at the rule file's line and column *inside* the
/// expression, for plain, quoted and block scalars alike.
struct ExpressionCompiler {
    let environment: CELEnvironment
    let scope: RuleScope

    /// Compiles the expression in `node` (a rule's `field`); nil after reporting.
    func compile(_ node: YAMLNode, field: String, expectBool: Bool, into diagnostics: inout [Diagnostic]) -> RuleExpression? {
        guard let text = RuleYAMLTrapStage.expressionText(node, field: field, into: &diagnostics) else { return nil }
        guard let program = compile(text, offset: 0, node: node, into: &diagnostics) else { return nil }
        if expectBool, program.resultType != .bool, program.resultType != .dyn {
            diagnostics.append(Diagnostic(
                .rulesNotBoolean, "'\(field)' must be a boolean expression, but this one gives \(program.resultType)",
                at: node.span, help: "compare the value, e.g. `… == …`, `… in …`, `size(…) > 0`"))
            return nil
        }
        return RuleExpression(text: text, program: program, node: node)
    }

    /// Compiles a message template; nil after reporting.
    func template(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> MessageTemplate? {
        guard let text = RuleYAMLTrapStage.expressionText(node, field: "message", into: &diagnostics) else { return nil }
        let (pieces, unclosed) = MessageTemplate.placeholders(in: text)
        if let unclosed {
            diagnostics.append(Diagnostic(
                .rulesUnclosedPlaceholder, "this '{{' is never closed by '}}'",
                at: ScalarSourceMap(node: node).span(from: unclosed, to: unclosed + 2), help: "close the placeholder with '}}'"))
            return nil
        }
        var parts: [MessageTemplate.Part] = []
        var ok = true
        for piece in pieces {
            if !piece.isExpression {
                parts.append(.text(piece.text))
            } else if let program = compile(piece.text, offset: piece.offset, node: node, into: &diagnostics) {
                parts.append(.expression(program, source: piece.text))
            } else {
                ok = false
            }
        }
        return ok ? MessageTemplate(text: text, parts: parts) : nil
    }

    /// Parses and checks `text`, which starts at value offset `offset` of the scalar.
    /// The scalar's source map is built only for an error: aligning every expression with
    /// its source cost a tenth of loading the built-in pack.
    private func compile(_ text: String, offset: Int, node: YAMLNode, into diagnostics: inout [Diagnostic]) -> CELProgram? {
        let ast: CELAST
        do {
            ast = try environment.parse(text)
        } catch {
            for issue in error.issues {
                diagnostics.append(diagnostic(.rulesCELSyntax, issue, offset: offset, node: node))
            }
            return nil
        }
        do {
            return environment.program(try environment.check(ast))
        } catch {
            for issue in error.issues {
                diagnostics.append(diagnostic(.rulesCELType, issue, offset: offset, node: node))
            }
            return nil
        }
    }

    private func diagnostic(_ code: DiagnosticCode, _ issue: CELIssue, offset: Int, node: YAMLNode) -> Diagnostic {
        var help = issue.help
        if help == nil, case .undeclaredReference(let name) = issue.kind, PolicyEnvironment.scopeVariables.contains(name) {
            let scopes = RuleScope.allCases.filter { $0.variables.contains(name) }.map(\.rawValue)
            help = "'\(name)' is bound only in rules with `for: \(scopes.joined(separator: "` or `for: "))`; this rule is `for: \(scope.rawValue)`"
        }
        return Diagnostic(
            code, issue.message,
            at: ScalarSourceMap(node: node).span(from: offset + issue.range.start, to: offset + issue.range.end),
            help: help)
    }
}
