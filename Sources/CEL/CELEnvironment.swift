/// Declarations (variables, object types, functions) and options used to
/// compile expressions. The standard library, strings and math extensions and
/// `cel.bind` are included.
///
/// ```swift
/// var env = CELEnvironment()
/// env.declareObjectType(CELObjectType(name: "shore.Location", fields: ["country": .string]))
/// env.declareVariable("location", type: .object("shore.Location"))
/// let program = try env.compile("location.country in ['US', 'CA']")  // throws CELIssues
/// let value = program.evaluate(["location": .object(myLocation)], budget: 100_000)
/// ```
///
/// Source positions everywhere are offsets in Unicode scalars into the expression
/// text; `CELSourceText.lineColumn(of:in:)` converts one to a 1-based line and column.
public struct CELEnvironment: Sendable {
    public internal(set) var variables: [String: CELType] = [:]
    public internal(set) var objectTypes: [String: CELObjectType] = [:]
    public internal(set) var functions: [String: CELFunctionDecl] = [:]
    /// Namespace used to resolve names (e.g. `shore`), "" for none.
    public var container: String = ""
    public var parserOptions = CELParserOptions()
    /// Default step budget for `evaluate`.
    public var defaultBudget: Int = 1_000_000

    /// A new environment with the standard library.
    public init() {
        for f in StandardLibrary.functions { functions[f.name] = f }
    }

    /// Declares (or replaces) an object type.
    public mutating func declareObjectType(_ t: CELObjectType) { objectTypes[t.name] = t }

    /// Declares (or replaces) a variable.
    public mutating func declareVariable(_ name: String, type: CELType) { variables[name] = type }

    /// Declares a function; overloads are added to any existing ones of the same name.
    public mutating func declareFunction(_ f: CELFunctionDecl) {
        if var existing = functions[f.name] {
            existing.overloads.append(contentsOf: f.overloads)
            existing.dispatcher = nil
            existing.metered = nil
            functions[f.name] = existing
        } else {
            functions[f.name] = f
        }
    }

    /// Parses an expression (syntax only).
    public func parse(_ text: String) throws(CELIssues) -> CELAST {
        try CELParser.parse(text, options: parserOptions)
    }

    /// Type-checks a parsed expression.
    public func check(_ ast: CELAST) throws(CELIssues) -> CELCheckedAST {
        var c = Checker(env: self, source: ast.source)
        let t = c.check(ast.expr)
        if !c.issues.isEmpty { throw CELIssues(c.issues) }
        return CELCheckedAST(ast: ast, resultType: Checker.finalize(t), types: c.types.mapValues(Checker.finalize),
                             references: c.references)
    }

    /// Parses, checks and plans an expression.
    public func compile(_ text: String) throws(CELIssues) -> CELProgram {
        let ast = try parse(text)
        let checked = try check(ast)
        return program(checked)
    }

    /// Plans a checked expression.
    public func program(_ checked: CELCheckedAST) -> CELProgram {
        CELProgram(env: self, ast: checked.ast, checked: checked)
    }

    /// Plans an unchecked expression (names resolved at run time; result type `dyn`).
    public func uncheckedProgram(_ ast: CELAST) -> CELProgram {
        CELProgram(env: self, ast: ast, checked: nil)
    }
}

/// A type-checked AST: the type of every node and the resolution of names.
public struct CELCheckedAST: Sendable {
    public var ast: CELAST
    public var resultType: CELType
    /// Deduced type per node id.
    public var types: [Int: CELType]
    var references: [Int: Reference]
}

/// What an identifier, select chain or namespaced call resolved to.
enum Reference: Sendable {
    case variable(String)
    case typeValue(CELType)
    case function(String)
}
