/// A lazily built DFA for the yes/no question `matches` asks.
///
/// Each DFA state is the set of NFA instructions (consuming ones, `match`,
/// and assertions not yet decidable) that the Pike VM would hold at a text
/// position, plus what the previous scalar was (start of text, newline, word
/// character, other) so assertions can be decided once the next scalar is
/// known. States and transitions are built on first use and cached, so each
/// text scalar costs a table lookup once warm and at most O(len(program))
/// when a state or transition is new: the run stays linear in the text.
/// The cache is bounded; when full it is cleared and rebuilt as needed.
struct LazyDFA {
    /// What precedes or follows a position, for assertions.
    enum Context: UInt8 {
        case edge = 0  // start of text (before) or end of text (after)
        case newline = 1
        case word = 2
        case other = 3

        init(_ c: UInt32) {
            if c == 0x0A {
                self = .newline
            } else if CharClass.isWordChar(c) {
                self = .word
            } else {
                self = .other
            }
        }
    }

    private struct Key: Hashable {
        var pcs: [Int32]
        var before: Context
    }

    private struct State {
        var key: Key
        /// A match is certain once this state is reached.
        var matching: Bool
        /// Cached transitions for ASCII scalars; `unknown` when not built yet.
        var ascii: [Int32]
        var other: [UInt32: Int32] = [:]
    }

    private static let unknown: Int32 = -1
    /// Transition result: a match was found before consuming the scalar.
    private static let matchFound: Int32 = -2

    /// Bounds on the cache: number of states and total stored instructions.
    static let defaultMaxStates = 4_096
    static let defaultMaxStoredPCs = 1 << 20
    private let maxStates: Int
    private let maxStoredPCs: Int
    /// How many times the cache was cleared (for tests).
    private(set) var resets = 0
    /// Work done by the current `matches` call: one unit per text scalar read plus
    /// `visitWork` per NFA instruction visited while building states and transitions,
    /// so that units track time (a visit, with the sorting and hashing of the state
    /// it builds, takes about 50–100 times as long as reading a scalar through a
    /// cached transition).
    private(set) var work = 0
    static let visitWork = 64

    private let program: Program
    private var states: [State] = []
    private var index: [Key: Int32] = [:]
    private var storedPCs = 0
    /// Bumped on every cache reset so stale indices are never written back.
    private var generation = 0

    // Scratch space reused by every closure computation.
    private var visitedDense: [Int32]
    private var visitedSparse: [Int32]
    private var visitedCount = 0
    private var stack: [Int] = []

    init(program: Program, maxStates: Int = LazyDFA.defaultMaxStates, maxStoredPCs: Int = LazyDFA.defaultMaxStoredPCs) {
        self.program = program
        self.maxStates = max(2, maxStates)
        self.maxStoredPCs = maxStoredPCs
        let n = program.instructions.count
        visitedDense = Array(repeating: 0, count: n)
        visitedSparse = Array(repeating: 0, count: n)
    }

    /// True when the program matches somewhere in `text` (anywhere, unless
    /// the program is anchored at the start); nil when `workLimit` units of work
    /// were spent before the answer was known.
    mutating func matches(_ text: [UInt32], workLimit: Int = .max) -> Bool? {
        work = 0
        guard var current = startState() else { return true }
        for c in text {
            if states[Int(current)].key.pcs.isEmpty { return false }
            work &+= 1
            if work > workLimit { return nil }
            let next = transition(from: current, on: c)
            if next == LazyDFA.matchFound { return true }
            current = next
            if states[Int(current)].matching { return true }
        }
        return expand(current, after: .edge)
    }

    // MARK: Closure helpers

    private mutating func clearVisited() {
        visitedCount = 0
    }

    /// Marks `pc` visited; false when it already was.
    private mutating func visit(_ pc: Int) -> Bool {
        let d = Int(visitedSparse[pc])
        if d < visitedCount && Int(visitedDense[d]) == pc { return false }
        visitedSparse[pc] = Int32(visitedCount)
        visitedDense[visitedCount] = Int32(pc)
        visitedCount += 1
        return true
    }

    private static func holds(_ a: Assertion, before: Context, after: Context) -> Bool {
        switch a {
        case .beginText: return before == .edge
        case .beginLine: return before == .edge || before == .newline
        case .endText: return after == .edge
        case .endLine: return after == .edge || after == .newline
        case .wordBoundary: return (before == .word) != (after == .word)
        case .notWordBoundary: return (before == .word) == (after == .word)
        }
    }

    /// Explores from the pcs on `stack`. With `after == nil`, assertions are
    /// kept as members without being followed; otherwise they are decided.
    /// Appends consuming instructions (and undecided assertions) to `members`.
    /// Returns true when `match` is reachable.
    private mutating func explore(before: Context, after: Context?, into members: inout [Int32]) -> Bool {
        var matched = false
        while let pc = stack.popLast() {
            guard visit(pc) else { continue }
            work &+= LazyDFA.visitWork
            switch program.instructions[pc] {
            case .jump(let target):
                stack.append(target)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .save:
                stack.append(pc + 1)
            case .assert(let a):
                if let after {
                    if LazyDFA.holds(a, before: before, after: after) { stack.append(pc + 1) }
                } else {
                    members.append(Int32(pc))
                }
            case .match:
                // Kept as a member so matching and non-matching sets differ.
                matched = true
                members.append(Int32(pc))
            default:
                members.append(Int32(pc))
            }
        }
        return matched
    }

    // MARK: States and transitions

    private mutating func startState() -> Int32? {
        clearVisited()
        stack.removeAll(keepingCapacity: true)
        stack.append(0)
        var members: [Int32] = []
        if explore(before: .edge, after: nil, into: &members) { return nil }
        return intern(members, before: .edge, matching: false)
    }

    /// Whether `state` reaches `match` through its pending assertions when
    /// followed by `after` (a scalar's context, or `.edge` at end of text).
    private mutating func expand(_ state: Int32, after: Context) -> Bool {
        var members: [Int32] = []
        return expand(state, after: after, into: &members)
    }

    private mutating func expand(_ state: Int32, after: Context, into members: inout [Int32]) -> Bool {
        let key = states[Int(state)].key
        clearVisited()
        stack.removeAll(keepingCapacity: true)
        var matched = false
        for pc in key.pcs {
            let p = Int(pc)
            _ = visit(p)
            if case .assert(let a) = program.instructions[p] {
                if LazyDFA.holds(a, before: key.before, after: after) { stack.append(p + 1) }
            } else {
                members.append(pc)
            }
        }
        if explore(before: key.before, after: after, into: &members) { matched = true }
        return matched
    }

    private mutating func transition(from state: Int32, on c: UInt32) -> Int32 {
        let s = Int(state)
        if c < 128 {
            let cached = states[s].ascii[Int(c)]
            if cached != LazyDFA.unknown { return cached }
        } else if let cached = states[s].other[c] {
            return cached
        }
        let result = computeTransition(from: state, on: c)
        let generationBefore = generation
        let target = result.matched ? LazyDFA.matchFound : intern(result.next, before: Context(c), matching: result.nextMatching)
        // Only record the edge if interning did not clear the cache.
        if generation == generationBefore {
            if c < 128 {
                states[s].ascii[Int(c)] = target
            } else if states[s].other.count < 256 {
                states[s].other[c] = target
            }
        }
        return target
    }

    private mutating func computeTransition(from state: Int32, on c: UInt32) -> (matched: Bool, next: [Int32], nextMatching: Bool) {
        var active: [Int32] = []
        if expand(state, after: Context(c), into: &active) {
            return (true, [], false)
        }
        // Step every consuming instruction over c.
        var seeds: [Int] = []
        for pc in active {
            let p = Int(pc)
            let consumed: Bool
            switch program.instructions[p] {
            case .scalar(let x): consumed = c == x
            case .foldedScalar(let k): consumed = c == k || CaseFolding.key(c) == k
            case .charClass(let i): consumed = program.classes[i].matches(c)
            case .any: consumed = true
            case .anyExceptNewline: consumed = c != 0x0A
            default: consumed = false
            }
            if consumed { seeds.append(p + 1) }
        }
        clearVisited()
        stack.removeAll(keepingCapacity: true)
        // Unanchored search: a new attempt starts at every position (lowest priority).
        if !program.anchoredAtStart { stack.append(0) }
        stack.append(contentsOf: seeds.reversed())
        var next: [Int32] = []
        let matching = explore(before: Context(c), after: nil, into: &next)
        return (false, next, matching)
    }

    private mutating func intern(_ pcs: [Int32], before: Context, matching: Bool) -> Int32 {
        var sorted = pcs
        sorted.sort()
        // The previous scalar only matters to pending assertions; dropping it
        // otherwise lets more positions share a state.
        let hasAssertion = sorted.contains { pc in
            if case .assert = program.instructions[Int(pc)] { return true }
            return false
        }
        let key = Key(pcs: sorted, before: hasAssertion ? before : .other)
        if let existing = index[key] { return existing }
        if states.count >= maxStates || storedPCs + sorted.count > maxStoredPCs {
            resets += 1
            states.removeAll(keepingCapacity: true)
            index.removeAll(keepingCapacity: true)
            storedPCs = 0
            generation += 1
        }
        let id = Int32(states.count)
        states.append(State(key: key, matching: matching, ascii: Array(repeating: LazyDFA.unknown, count: 128)))
        index[key] = id
        storedPCs += sorted.count
        return id
    }
}
