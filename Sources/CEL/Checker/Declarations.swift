/// A host object type with named, typed fields (e.g. `shore.Location`).
public struct CELObjectType: Sendable {
    /// Fully qualified name, e.g. `shore.Location`.
    public var name: String
    public var fields: [String: CELType]
    public init(name: String, fields: [String: CELType]) {
        self.name = name
        self.fields = fields
    }
}

/// Implementation of a function overload: receives the evaluated arguments
/// (the receiver first for receiver-style calls) and returns a value or `.error`.
public typealias CELFunctionImpl = @Sendable ([CELValue]) -> CELValue

/// Implementation of a function whose work depends on its arguments (such as
/// `matches`, linear in the text but up to a program's length per character): it gets
/// the steps left in the evaluation's budget and returns its value and the steps it
/// spent, the value nil when it stopped because the steps ran out.
public typealias CELMeteredImpl = @Sendable (_ arguments: [CELValue], _ stepsLeft: Int) -> (value: CELValue?, steps: Int)

/// One signature of a function.
public struct CELOverload: Sendable {
    /// Unique overload id, e.g. `level_string`.
    public var id: String
    /// True for receiver-style calls (`x.f(y)`); then `parameters[0]` is the receiver type.
    public var isReceiver: Bool
    /// Parameter types; may use `.typeParam("T")`.
    public var parameters: [CELType]
    public var result: CELType
    /// Runtime implementation (nil = declared for the checker only; calling it is an error).
    public var implementation: CELFunctionImpl?

    public init(id: String, receiver: Bool = false, parameters: [CELType], result: CELType,
                implementation: CELFunctionImpl? = nil) {
        self.id = id
        self.isReceiver = receiver
        self.parameters = parameters
        self.result = result
        self.implementation = implementation
    }
}

/// A function with its overloads.
public struct CELFunctionDecl: Sendable {
    /// Function name, e.g. `level`, `math.greatest`, or an operator like `_+_`.
    public var name: String
    public var overloads: [CELOverload]
    /// Optional single implementation used for all overloads (skips runtime dispatch).
    public var dispatcher: CELFunctionImpl?
    /// The result depends only on the arguments (no clock, no state): a call whose
    /// arguments are all literals, such as `level('restricted')`, is computed once when
    /// the program is planned rather than on every evaluation.
    public var isPure: Bool
    /// Optional single implementation for all overloads that charges its own work to the
    /// evaluation's step budget; used instead of `dispatcher` when set.
    public var metered: CELMeteredImpl?

    public init(name: String, overloads: [CELOverload], dispatcher: CELFunctionImpl? = nil, isPure: Bool = false,
                metered: CELMeteredImpl? = nil) {
        self.name = name
        self.overloads = overloads
        self.dispatcher = dispatcher
        self.isPure = isPure
        self.metered = metered
    }
}
