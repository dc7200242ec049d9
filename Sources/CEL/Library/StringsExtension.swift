/// The CEL strings extension: charAt, indexOf, lastIndexOf, lowerAscii, upperAscii,
/// replace, split, join, substring, trim, strings.quote, format, reverse.
enum StringsExtension {
    typealias Sig = (String, Bool, [CELType], CELType)

    static func d(_ name: String, _ sigs: [Sig], _ impl: @escaping CELFunctionImpl) -> CELFunctionDecl {
        StandardLibrary.decl(name, sigs, impl)
    }
    static func bad(_ name: String, _ args: [CELValue]) -> CELValue {
        .err("no matching overload for '\(name)' applied to (\(args.map { $0.celType.runtimeName }.joined(separator: ", ")))")
    }
    static func str(_ s: [Unicode.Scalar]) -> String {
        var out = ""
        out.unicodeScalars.append(contentsOf: s)
        return out
    }
    /// First index ≥ `from` where `needle` occurs in `hay`. Knuth–Morris–Pratt, so the
    /// time is linear in both lengths whatever the text (a naive search over plan text
    /// of 100,000 characters took seconds per item).
    static func find(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], from: Int) -> Int? {
        if needle.isEmpty { return from }
        guard from >= 0, needle.count <= hay.count - from else { return nil }
        var fail = [Int](repeating: 0, count: needle.count)
        var k = 0
        for q in 1..<needle.count {
            while k > 0 && needle[k] != needle[q] { k = fail[k - 1] }
            if needle[k] == needle[q] { k += 1 }
            fail[q] = k
        }
        k = 0
        for i in from..<hay.count {
            while k > 0 && needle[k] != hay[i] { k = fail[k - 1] }
            if needle[k] == hay[i] { k += 1 }
            if k == needle.count { return i - needle.count + 1 }
        }
        return nil
    }

    /// Most characters a string function may build. The step budget charges results by
    /// size only after they exist, so `replace` checks as it goes: 'a…'.replace('', long)
    /// would otherwise build length × length characters before any limit applied.
    static let maxResultScalars = 1 << 24

    static let functions: [CELFunctionDecl] = [
        d("charAt", [("string_char_at_int", true, [.string, .int], .string)]) { a in
            guard a.count == 2, case .string(let s) = a[0], case .int(let i) = a[1] else { return bad("charAt", a) }
            let u = Array(s.unicodeScalars)
            guard i >= 0, i <= u.count else { return .err("index out of range: \(i)") }
            return .string(i == u.count ? "" : str([u[Int(i)]]))
        },
        d("indexOf", [("string_index_of_string", true, [.string, .string], .int),
                      ("string_index_of_string_int", true, [.string, .string, .int], .int)]) { a in
            guard a.count >= 2, a.count <= 3, case .string(let s) = a[0], case .string(let sub) = a[1] else { return bad("indexOf", a) }
            let u = Array(s.unicodeScalars)
            var start = 0
            if a.count == 3 {
                guard case .int(let i) = a[2] else { return bad("indexOf", a) }
                guard i >= 0, i <= u.count else { return .err("index out of range: \(i)") }
                start = Int(i)
            }
            return .int(Int64(find(u, Array(sub.unicodeScalars), from: start) ?? -1))
        },
        d("lastIndexOf", [("string_last_index_of_string", true, [.string, .string], .int),
                          ("string_last_index_of_string_int", true, [.string, .string, .int], .int)]) { a in
            guard a.count >= 2, a.count <= 3, case .string(let s) = a[0], case .string(let sub) = a[1] else { return bad("lastIndexOf", a) }
            let u = Array(s.unicodeScalars)
            let n = Array(sub.unicodeScalars)
            var last = u.count
            if a.count == 3 {
                guard case .int(let i) = a[2] else { return bad("lastIndexOf", a) }
                guard i >= 0, i <= u.count else { return .err("index out of range: \(i)") }
                last = Int(i)
            }
            if n.isEmpty { return .int(Int64(last)) }
            // The last start ≤ `last` is the first match in the reversed text (linear time).
            let end = min(u.count, last + n.count)
            guard let j = find(Array(u[..<end].reversed()), Array(n.reversed()), from: 0) else { return .int(-1) }
            return .int(Int64(end - j - n.count))
        },
        d("lowerAscii", [("string_lower_ascii", true, [.string], .string)]) { a in
            guard a.count == 1, case .string(let s) = a[0] else { return bad("lowerAscii", a) }
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.map { $0 >= "A" && $0 <= "Z" ? Unicode.Scalar(UInt8(truncatingIfNeeded: $0.value + 32)) : $0 })))
        },
        d("upperAscii", [("string_upper_ascii", true, [.string], .string)]) { a in
            guard a.count == 1, case .string(let s) = a[0] else { return bad("upperAscii", a) }
            return .string(String(String.UnicodeScalarView(s.unicodeScalars.map { $0 >= "a" && $0 <= "z" ? Unicode.Scalar(UInt8(truncatingIfNeeded: $0.value - 32)) : $0 })))
        },
        d("replace", [("string_replace_string_string", true, [.string, .string, .string], .string),
                      ("string_replace_string_string_int", true, [.string, .string, .string, .int], .string)]) { a in
            guard a.count >= 3, a.count <= 4, case .string(let s) = a[0], case .string(let old) = a[1], case .string(let new) = a[2] else {
                return bad("replace", a)
            }
            var limit = -1
            if a.count == 4 { guard case .int(let n) = a[3] else { return bad("replace", a) }; limit = Int(clamping: n) }
            let u = Array(s.unicodeScalars), o = Array(old.unicodeScalars), nw = Array(new.unicodeScalars)
            var out: [Unicode.Scalar] = []
            var i = 0
            var count = 0
            while i <= u.count {
                if out.count > maxResultScalars {
                    return .err("replace would produce a string of more than \(maxResultScalars) characters")
                }
                if limit >= 0 && count >= limit { out.append(contentsOf: u[i...].prefix(u.count - i)); break }
                if o.isEmpty {
                    out.append(contentsOf: nw)
                    count += 1
                    if i < u.count { out.append(u[i]) }
                    i += 1
                    continue
                }
                if let j = find(u, o, from: i) {
                    out.append(contentsOf: u[i..<j])
                    out.append(contentsOf: nw)
                    i = j + o.count
                    count += 1
                } else {
                    out.append(contentsOf: u[i...])
                    break
                }
            }
            return .string(str(out))
        },
        d("split", [("string_split_string", true, [.string, .string], .list(.string)),
                    ("string_split_string_int", true, [.string, .string, .int], .list(.string))]) { a in
            guard a.count >= 2, a.count <= 3, case .string(let s) = a[0], case .string(let sep) = a[1] else { return bad("split", a) }
            var limit = -1
            if a.count == 3 { guard case .int(let n) = a[2] else { return bad("split", a) }; limit = Int(clamping: n) }
            if limit == 0 { return .list([]) }
            let u = Array(s.unicodeScalars), p = Array(sep.unicodeScalars)
            var parts: [CELValue] = []
            if p.isEmpty {
                for (k, c) in u.enumerated() {
                    if limit > 0 && parts.count == limit - 1 { parts.append(.string(str(Array(u[k...])))); return .list(parts) }
                    parts.append(.string(str([c])))
                }
                return .list(parts)
            }
            var i = 0
            while true {
                if limit > 0 && parts.count == limit - 1 { parts.append(.string(str(Array(u[i...])))); break }
                guard let j = find(u, p, from: i) else { parts.append(.string(str(Array(u[i...])))); break }
                parts.append(.string(str(Array(u[i..<j]))))
                i = j + p.count
            }
            return .list(parts)
        },
        d("join", [("list_join", true, [.list(.string)], .string), ("list_join_string", true, [.list(.string), .string], .string)]) { a in
            guard a.count >= 1, a.count <= 2, case .list(let l) = a[0] else { return bad("join", a) }
            var sep = ""
            if a.count == 2 { guard case .string(let s) = a[1] else { return bad("join", a) }; sep = s }
            var parts: [String] = []
            for e in l { guard case .string(let s) = e else { return bad("join", a) }; parts.append(s) }
            return .string(parts.joined(separator: sep))
        },
        d("substring", [("string_substring_int", true, [.string, .int], .string),
                        ("string_substring_int_int", true, [.string, .int, .int], .string)]) { a in
            guard a.count >= 2, a.count <= 3, case .string(let s) = a[0], case .int(let st) = a[1] else { return bad("substring", a) }
            let u = Array(s.unicodeScalars)
            var end = Int64(u.count)
            if a.count == 3 { guard case .int(let e) = a[2] else { return bad("substring", a) }; end = e }
            guard st >= 0, st <= u.count else { return .err("index out of range: \(st)") }
            guard end >= 0, end <= u.count else { return .err("index out of range: \(end)") }
            guard st <= end else { return .err("invalid substring range. start: \(st), end: \(end)") }
            return .string(str(Array(u[Int(st)..<Int(end)])))
        },
        d("trim", [("string_trim", true, [.string], .string)]) { a in
            guard a.count == 1, case .string(let s) = a[0] else { return bad("trim", a) }
            let u = Array(s.unicodeScalars)
            var i = 0, j = u.count
            while i < j, u[i].properties.isWhitespace { i += 1 }
            while j > i, u[j - 1].properties.isWhitespace { j -= 1 }
            return .string(str(Array(u[i..<j])))
        },
        d("reverse", [("string_reverse", true, [.string], .string)]) { a in
            guard a.count == 1, case .string(let s) = a[0] else { return bad("reverse", a) }
            return .string(str(s.unicodeScalars.reversed()))
        },
        d("strings.quote", [("strings_quote", false, [.string], .string)]) { a in
            guard a.count == 1, case .string(let s) = a[0] else { return bad("strings.quote", a) }
            return .string(quoteString(s))
        },
        d("format", [("string_format", true, [.string, .list(.dyn)], .string)]) { a in
            guard a.count == 2, case .string(let f) = a[0], case .list(let l) = a[1] else { return bad("format", a) }
            return Formatter.format(f, l)
        },
    ]
}
