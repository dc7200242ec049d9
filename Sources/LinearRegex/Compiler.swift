/// One instruction of a Pike VM program.
enum Instruction: Sendable {
    /// Consume exactly this scalar.
    case scalar(UInt32)
    /// Consume a scalar whose `CaseFolding.key` equals this key.
    case foldedScalar(UInt32)
    /// Consume a scalar in `Program.classes[index]`.
    case charClass(Int)
    /// Consume any scalar.
    case any
    /// Consume any scalar except `\n`.
    case anyExceptNewline
    /// Continue at both targets; the first has priority.
    case split(Int, Int)
    case jump(Int)
    /// Record the current position in capture slot `n`.
    case save(Int)
    case assert(Assertion)
    case match
}

/// A compiled pattern: a Thompson NFA laid out as instructions.
struct Program: Sendable {
    var instructions: [Instruction] = []
    var classes: [CharClass] = []
    /// Two slots per group, group 0 being the whole match.
    var slotCount = 2
    /// True when every match must start at the beginning of the text.
    var anchoredAtStart = false
}

/// Compiles a `RegexNode` into a `Program`, expanding counted repetition and
/// failing as soon as the program would exceed `maxSize` instructions, so
/// `(a{1000}){1000}` is rejected after at most `maxSize` steps of work.
struct Compiler {
    private var program = Program()
    private let maxSize: Int
    /// Index of each distinct class in `program.classes`.
    private var classIndex: [CharClass: Int] = [:]
    /// Offsets of the repetitions being expanded, outermost first.
    private var repetitionStack: [Int] = []

    init(maxSize: Int) {
        self.maxSize = maxSize
    }

    static func compile(_ node: RegexNode, captureCount: Int, maxSize: Int) throws(RegexError) -> Program {
        var compiler = Compiler(maxSize: maxSize)
        compiler.program.slotCount = 2 * (captureCount + 1)
        try compiler.emit(.save(0))
        try compiler.compile(node)
        try compiler.emit(.save(1))
        try compiler.emit(.match)
        compiler.program.anchoredAtStart = Compiler.isAnchoredAtStart(node)
        return compiler.program
    }

    private static func isAnchoredAtStart(_ node: RegexNode) -> Bool {
        var current = node
        // Bounded by nesting: each step descends one level.
        while true {
            switch current {
            case .assertion(.beginText): return true
            case .concat(let items):
                guard let first = items.first else { return false }
                current = first
            case .capture(let inner, _): current = inner
            case .alternation(let branches):
                return !branches.isEmpty && branches.allSatisfy { isAnchoredAtStart($0) }
            default: return false
            }
        }
    }

    private var pc: Int { program.instructions.count }

    @discardableResult
    private mutating func emit(_ inst: Instruction) throws(RegexError) -> Int {
        if program.instructions.count >= maxSize {
            throw RegexError(
                message: "pattern too large: compiled program exceeds \(maxSize) instructions",
                offset: repetitionStack.first ?? 0)
        }
        program.instructions.append(inst)
        return program.instructions.count - 1
    }

    private mutating func patch(_ at: Int, _ inst: Instruction) {
        program.instructions[at] = inst
    }

    /// Recurses once per tree level (at most `Parser.maxNesting` groups deep);
    /// kept to a small dispatcher so each level costs little stack.
    private mutating func compile(_ node: RegexNode) throws(RegexError) {
        switch node {
        case .capture(let inner, let index):
            try emit(.save(2 * index))
            try compile(inner)
            try emit(.save(2 * index + 1))
        case .concat(let items):
            for item in items { try compile(item) }
        case .alternation(let branches):
            try compileAlternation(branches)
        case .repetition(let inner, let minCount, let maxCount, let greedy, let offset):
            repetitionStack.append(offset)
            try compileRepetition(inner, min: minCount, max: maxCount, greedy: greedy)
            repetitionStack.removeLast()
        default:
            try compileLeaf(node)
        }
    }

    private mutating func compileLeaf(_ node: RegexNode) throws(RegexError) {
        switch node {
        case .literal(let c, let fold):
            if fold {
                try emit(.foldedScalar(CaseFolding.key(c)))
            } else {
                try emit(.scalar(c))
            }
        case .charClass(let cls):
            let index: Int
            if let existing = classIndex[cls] {
                index = existing
            } else {
                program.classes.append(cls)
                index = program.classes.count - 1
                classIndex[cls] = index
            }
            try emit(.charClass(index))
        case .anyChar:
            try emit(.any)
        case .anyCharExceptNewline:
            try emit(.anyExceptNewline)
        case .assertion(let a):
            try emit(.assert(a))
        default:
            break
        }
    }

    private mutating func compileAlternation(_ branches: [RegexNode]) throws(RegexError) {
        var jumpsToEnd: [Int] = []
        for (k, branch) in branches.enumerated() {
            if k == branches.count - 1 {
                try compile(branch)
            } else {
                let split = try emit(.split(0, 0))
                try compile(branch)
                jumpsToEnd.append(try emit(.jump(0)))
                patch(split, .split(split + 1, pc))
            }
        }
        for j in jumpsToEnd { patch(j, .jump(pc)) }
    }

    private mutating func split(_ at: Int, preferred: Int, other: Int, greedy: Bool) {
        patch(at, greedy ? .split(preferred, other) : .split(other, preferred))
    }

    private mutating func compileRepetition(_ inner: RegexNode, min: Int, max: Int?, greedy: Bool) throws(RegexError) {
        guard let max else {
            if min == 0 {
                // L: split body, exit; body: inner; jump L
                let loop = try emit(.split(0, 0))
                try compile(inner)
                try emit(.jump(loop))
                split(loop, preferred: loop + 1, other: pc, greedy: greedy)
            } else {
                for _ in 0..<(min - 1) { try compile(inner) }
                // L: inner; split L, exit
                let body = pc
                try compile(inner)
                let s = try emit(.split(0, 0))
                split(s, preferred: body, other: s + 1, greedy: greedy)
            }
            return
        }
        for _ in 0..<min { try compile(inner) }
        let optional = max - min
        guard optional > 0 else { return }
        // Nested optionals x(x(x)?)?)? flattened: each split may skip to the end.
        var splits: [Int] = []
        for _ in 0..<optional {
            splits.append(try emit(.split(0, 0)))
            try compile(inner)
        }
        let end = pc
        for s in splits { split(s, preferred: s + 1, other: end, greedy: greedy) }
    }
}
