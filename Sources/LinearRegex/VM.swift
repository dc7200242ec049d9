/// A Pike VM: simulates the program's NFA over the text in lock step, one
/// thread per instruction at most, so matching costs O(len(text) × len(program))
/// time and O(len(program)) space per step, whatever the pattern.
///
/// Thread lists keep priority order, giving leftmost-first (Perl/RE2)
/// submatch semantics; epsilon closures use an explicit stack, so no
/// recursion depends on the pattern or the text.
struct PikeVM {
    private let program: Program
    private let text: [UInt32]
    private let trackCaptures: Bool

    init(program: Program, text: [UInt32], trackCaptures: Bool) {
        self.program = program
        self.text = text
        self.trackCaptures = trackCaptures
    }

    /// A set of instruction indices in insertion (priority) order, with the
    /// capture slots of each thread when tracking captures.
    private struct ThreadList {
        var dense: [Int]
        var sparse: [Int]
        var count = 0
        var captures: [[Int]]

        init(size: Int, trackCaptures: Bool) {
            dense = Array(repeating: 0, count: size)
            sparse = Array(repeating: 0, count: size)
            captures = trackCaptures ? Array(repeating: [], count: size) : []
        }

        func contains(_ pc: Int) -> Bool {
            let d = sparse[pc]
            return d < count && dense[d] == pc
        }

        mutating func insert(_ pc: Int) -> Int {
            sparse[pc] = count
            dense[count] = pc
            count += 1
            return count - 1
        }
    }

    private enum Job {
        case explore(Int)
        case restore(slot: Int, value: Int)
    }

    private func check(_ assertion: Assertion, at pos: Int) -> Bool {
        switch assertion {
        case .beginText: return pos == 0
        case .endText: return pos == text.count
        case .beginLine: return pos == 0 || text[pos - 1] == 0x0A
        case .endLine: return pos == text.count || text[pos] == 0x0A
        case .wordBoundary, .notWordBoundary:
            let before = pos > 0 && CharClass.isWordChar(text[pos - 1])
            let after = pos < text.count && CharClass.isWordChar(text[pos])
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    /// Adds the thread at `start` and everything reachable from it without
    /// consuming input to `list`.
    private func addThread(_ list: inout ThreadList, _ start: Int, _ caps: [Int], at pos: Int, stack: inout [Job]) {
        var caps = caps
        stack.append(.explore(start))
        while let job = stack.popLast() {
            switch job {
            case .restore(let slot, let value):
                caps[slot] = value
            case .explore(let pc):
                if list.contains(pc) { continue }
                let d = list.insert(pc)
                switch program.instructions[pc] {
                case .jump(let target):
                    stack.append(.explore(target))
                case .split(let a, let b):
                    stack.append(.explore(b))
                    stack.append(.explore(a))
                case .save(let slot):
                    if trackCaptures && slot < caps.count {
                        stack.append(.restore(slot: slot, value: caps[slot]))
                        caps[slot] = pos
                    }
                    stack.append(.explore(pc + 1))
                case .assert(let a):
                    if check(a, at: pos) { stack.append(.explore(pc + 1)) }
                default:
                    if trackCaptures { list.captures[d] = caps }
                }
            }
        }
    }

    /// Runs the program. Without capture tracking, returns `[]` as soon as
    /// any match is certain; with it, returns the slots of the leftmost-first
    /// match (-1 for unset groups). Nil when there is no match.
    func run() -> [Int]? {
        let size = program.instructions.count
        var current = ThreadList(size: size, trackCaptures: trackCaptures)
        var next = ThreadList(size: size, trackCaptures: trackCaptures)
        var stack: [Job] = []
        let initial = trackCaptures ? Array(repeating: -1, count: program.slotCount) : []
        var matched: [Int]?
        var pos = 0
        while true {
            if matched == nil && (pos == 0 || !program.anchoredAtStart) {
                addThread(&current, 0, initial, at: pos, stack: &stack)
            }
            if current.count == 0 { break }
            let c: UInt32? = pos < text.count ? text[pos] : nil
            next.count = 0
            var k = 0
            threads: while k < current.count {
                let pc = current.dense[k]
                let caps = trackCaptures ? current.captures[k] : []
                k += 1
                let consumed: Bool
                switch program.instructions[pc] {
                case .match:
                    if !trackCaptures { return [] }
                    matched = caps
                    // Lower-priority threads cannot beat this match.
                    break threads
                case .scalar(let x):
                    consumed = c == x
                case .foldedScalar(let key):
                    if let c { consumed = c == key || CaseFolding.key(c) == key } else { consumed = false }
                case .charClass(let index):
                    if let c { consumed = program.classes[index].matches(c) } else { consumed = false }
                case .any:
                    consumed = c != nil
                case .anyExceptNewline:
                    consumed = c != nil && c != 0x0A
                default:
                    consumed = false
                }
                if consumed {
                    addThread(&next, pc + 1, caps, at: pos + 1, stack: &stack)
                }
            }
            if pos >= text.count { break }
            swap(&current, &next)
            pos += 1
        }
        return matched
    }
}
