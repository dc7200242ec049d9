#!/usr/bin/env python3
"""Keeps each module's public API to what other modules use.

    scripts/public-api.py report            # public declarations per module (lines, types)
    scripts/public-api.py unused            # public declarations no other module names
    scripts/public-api.py narrow [--build]  # make those internal; with --build, rebuild
                                            # and put `public` back where the compiler needs it

"Other modules" are the package's other targets (Sources/*), the benchmarks and the
fuzz package (Fuzz/Sources), which import the library without `@testable`. Tests use
`@testable import`, so they see internal declarations and do not count.

The test is textual and errs towards keeping `public`: a declaration stays public when
its name appears as a word anywhere outside its module, when it is an initialiser or
subscript of a type named outside, an operator, or a protocol requirement every public
type must keep public (`description`, `hash(into:)`, …). `narrow --build` then builds
the package and the fuzz package and restores `public` on every declaration a compiler
error names, until both build. CEL is a standalone library product (its API serves
users outside the package) and is reported but never narrowed.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
NARROWED = ["SourceText", "YAML", "LinearRegex", "Reference", "Policy", "Reporters", "ShoreLSP", "ShoreCLI",
            "PlanGenerator"]
REPORTED = ["Spelling", "SourceText", "YAML", "LinearRegex", "CEL", "Reference", "Policy", "Reporters",
            "ShoreLSP", "ShoreCLI", "PlanGenerator", "SeededRandom"]
# Members a public type must keep public to satisfy a public protocol it conforms to.
REQUIREMENTS = {"description", "debugDescription", "hash", "encode", "id", "rawValue", "makeIterator", "next",
                "startIndex", "endIndex", "index", "count", "isEmpty", "callAsFunction", "errorDescription",
                "allCases", "hashValue", "compare"}
DECL = re.compile(
    r"^(?P<indent>\s*)(?P<attrs>(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*)public\s+"
    r"(?P<mods>(?:(?:static|class|final|override|mutating|nonmutating|convenience|required|indirect|lazy|"
    r"nonisolated|dynamic|private\(set\)|fileprivate\(set\)|internal\(set\))\s+)*)"
    r"(?P<kind>func|var|let|struct|enum|class|protocol|actor|typealias|init|subscript)\b(?P<rest>.*)$")
TYPE_KINDS = {"struct", "enum", "class", "protocol", "actor"}
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def swift_files(folder):
    for dirpath, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".swift"):
                yield os.path.join(dirpath, name)


def module_of(path):
    rel = os.path.relpath(path, ROOT).split(os.sep)
    if rel[0] == "Sources":
        return rel[1]
    if rel[0] == "Fuzz":
        return "Fuzz:" + rel[2]
    return None


def all_sources():
    files = list(swift_files(os.path.join(ROOT, "Sources"))) + list(swift_files(os.path.join(ROOT, "Fuzz", "Sources")))
    return {path: open(path, encoding="utf-8").read() for path in files}


def declarations(text):
    """(line index, kind, name, enclosing type) for each `public` declaration of a file."""
    found = []
    stack = []  # (type name, brace depth at which its body opened)
    depth = 0
    pending_type = None
    for index, line in enumerate(text.split("\n")):
        match = DECL.match(line)
        if match:
            kind, rest = match.group("kind"), match.group("rest")
            if kind in ("init", "subscript"):
                name = kind
            else:
                words = WORD.findall(rest)
                operator = re.match(r"\s*([^\sA-Za-z_(<]+)", rest)
                name = operator.group(1) if kind == "func" and operator else (words[0] if words else "")
            enclosing = stack[-1][0] if stack else None
            found.append((index, kind, name, enclosing))
            if kind in TYPE_KINDS:
                pending_type = name
        else:
            ext = re.match(r"^\s*(?:public\s+)?extension\s+([A-Za-z_][A-Za-z0-9_.]*)", line)
            if ext:
                pending_type = ext.group(1).split(".")[-1]
        stripped = re.sub(r'"(?:[^"\\]|\\.)*"', "", line.split("//")[0])
        for char in stripped:
            if char == "{":
                depth += 1
                if pending_type:
                    stack.append((pending_type, depth))
                    pending_type = None
            elif char == "}":
                if stack and stack[-1][1] == depth:
                    stack.pop()
                depth -= 1
    return found


def external_words(sources):
    """For each module, the words written in every other module's files."""
    per_module = {}
    for path, text in sources.items():
        per_module.setdefault(module_of(path), set()).update(WORD.findall(re.sub(r"//[^\n]*", "", text)))
    result = {}
    for module in per_module:
        words = set()
        for other, other_words in per_module.items():
            if other != module:
                words |= other_words
        result[module] = words
    return result


def unused(sources):
    """(path, line index, name) of public declarations no other module names as a word."""
    return [(path, index, name) for path, index, name, unnamed, _, _ in candidates(sources) if unnamed]


def candidates(sources):
    """(path, line index, name, unnamed outside) of every public declaration that may turn
    internal: all but protocol requirements, operators, and types other modules name."""
    outside = external_words(sources)
    result = []
    for path, text in sorted(sources.items()):
        module = module_of(path)
        if module not in NARROWED:
            continue
        for index, kind, name, enclosing in declarations(text):
            if name in REQUIREMENTS or not re.match(r"[A-Za-z_]", name or "="):
                continue
            if kind in ("init", "subscript"):
                unnamed = not (enclosing and enclosing in outside[module])
            else:
                unnamed = name not in outside[module]
            if kind in TYPE_KINDS | {"typealias"} and not unnamed:
                continue
            result.append((path, index, name, unnamed, kind, enclosing))
    return result


def report(sources):
    print(f"{'module':<14}{'public lines':>14}{'public types':>14}")
    totals = [0, 0]
    for module in REPORTED:
        lines = types = 0
        for path, text in sources.items():
            if module_of(path) != module:
                continue
            for line in text.split("\n"):
                if re.match(r"^\s*(@[A-Za-z_]+(\([^)]*\))?\s+)*public\s", line):
                    lines += 1
                    if re.match(r"^\s*(@[A-Za-z_]+(\([^)]*\))?\s+)*public\s+(final\s+)?(struct|enum|class|protocol|actor|typealias)\b", line):
                        types += 1
        totals[0] += lines
        totals[1] += types
        print(f"{module:<14}{lines:>14}{types:>14}")
    print(f"{'total':<14}{totals[0]:>14}{totals[1]:>14}")


def set_public(path, index, public):
    lines = open(path, encoding="utf-8").read().split("\n")
    line = lines[index]
    if public and not re.search(r"\bpublic\s", line):
        prefix = re.match(r"^(\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*)", line).group(1)
        lines[index] = prefix + "public " + line[len(prefix):]
    elif not public:
        lines[index] = re.sub(r"\bpublic\s+", "", line, count=1)
    open(path, "w", encoding="utf-8").write("\n".join(lines))


def drop_redundant_setter(path, index):
    """`internal(set)` says nothing on a declaration that is internal now."""
    lines = open(path, encoding="utf-8").read().split("\n")
    lines[index] = re.sub(r"\binternal\(set\)\s+", "", lines[index], count=1)
    open(path, "w", encoding="utf-8").write("\n".join(lines))


def build():
    commands = [["swift", "build", "--build-tests", "-Xswiftc", "-diagnostic-style", "-Xswiftc", "llvm"],
                ["swift", "build", "--package-path", "Fuzz", "--scratch-path", ".build-fuzz-access", "-Xswiftc", "-diagnostic-style", "-Xswiftc", "llvm"]]
    output = ""
    ok = True
    for command in commands:
        run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        output += run.stdout + run.stderr
        ok = ok and run.returncode == 0
        if not ok:
            break
    return ok, output


def narrow(with_build):
    """Makes internal what other modules do not use. Without --build only what no other
    module names as a word; with --build every member, then puts `public` back on each
    declaration a compiler error points at (its `declared here` note, the declaration
    itself, or failing those its name) until the package and the fuzz package build."""
    state = os.path.join(ROOT, ".build", "public-api-narrowed.json")
    if "--resume" in sys.argv:
        with open(state) as file:
            saved = json.load(file)
        changed = [tuple(entry) for entry in saved["changed"]]
        restored = {tuple(entry) for entry in saved["restored"]}
    else:
        sources = all_sources()
        changed = [(path, index, name, kind, enclosing)
                   for path, index, name, unnamed, kind, enclosing in candidates(sources) if with_build or unnamed]
        for path, index, *_ in changed:
            set_public(path, index, False)
        restored = set()
        print(f"made {len(changed)} declarations internal")
        add_testable()
    if not with_build:
        return
    by_name = {}
    by_place = {}
    for path, index, name, kind, enclosing in changed:
        # An initialiser or subscript is found by its type's name (`Type(…)`, `Type[…]`).
        by_name.setdefault(enclosing if kind in ("init", "subscript") and enclosing else name, []).append((path, index))
        by_place[(os.path.realpath(path), index + 1)] = (path, index)

    def named_on_line(file, line_number):
        try:
            text = open(file, encoding="utf-8").read().split("\n")[line_number - 1]
        except (OSError, IndexError):
            return set()
        return {place for word in WORD.findall(text) for place in by_name.get(word, [])}

    for attempt in range(1, 60):
        ok, output = build()
        if ok:
            for path, index in {(path, index) for path, index, *_ in changed} - restored:
                drop_redundant_setter(path, index)
            print(f"builds after {attempt} build(s); {len(changed) - len(restored)} stay internal, "
                  f"{len(restored)} restored")
            return
        wanted = set()
        pending_names = []
        precise = False
        in_error = False
        current_file, last_row = None, None
        for line in output.split("\n"):
            # Headers (`path:line:col: error: …`) and, in Swift's framed style, the marks
            # under a numbered source row (`  34 |  …` then `     |  `- note: …`).
            header = re.match(r"^(/[^:]+\.swift):(\d+):\d+: (error|note|warning): (.*)$", line)
            row = re.match(r"^\s*(\d+) \|", line)
            mark = re.search(r"`- (error|note): (.*)$", line)
            if header:
                current_file, last_row = os.path.realpath(header.group(1)), int(header.group(2))
                if header.group(3) == "error":
                    if pending_names and not precise:
                        for name in pending_names:
                            wanted.update(by_name.get(name, []))
                    pending_names = re.findall(r"'([A-Za-z_][A-Za-z0-9_]*)", header.group(4))
                    wanted.update(named_on_line(header.group(1), int(header.group(2)))
                                  if not any(by_name.get(name) for name in pending_names) else set())
                    precise = False
                    in_error = True
                elif header.group(3) == "warning":
                    in_error = False
                key = (current_file, last_row)
            elif row:
                last_row = int(row.group(1))
                continue
            elif mark and current_file:
                key = (current_file, last_row)
            else:
                continue
            if in_error and key in by_place:
                wanted.add(by_place[key])
                precise = True
        if pending_names and not precise:
            for name in pending_names:
                wanted.update(by_name.get(name, []))
        wanted -= restored
        if not wanted:
            print("\n".join(line for line in output.split("\n") if ": error:" in line)[-6000:])
            sys.exit("the build fails for a reason this script cannot fix")
        for path, index in wanted:
            set_public(path, index, True)
        restored |= wanted
        os.makedirs(os.path.dirname(state), exist_ok=True)
        with open(state, "w") as file:
            json.dump({"changed": changed, "restored": sorted(restored)}, file)
        print(f"build {attempt}: restored {len(wanted)} declaration(s)", flush=True)
    sys.exit("gave up after 60 builds")


def add_testable():
    """Tests import the narrowed modules with `@testable` (they test internals)."""
    for path in swift_files(os.path.join(ROOT, "Tests")):
        text = open(path, encoding="utf-8").read()
        new = re.sub(r"(?m)^import (" + "|".join(NARROWED) + r")$", r"@testable import \1", text)
        if new != text:
            open(path, "w", encoding="utf-8").write(new)


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else "report"
    if command == "report":
        report(all_sources())
    elif command == "unused":
        for path, index, name in unused(all_sources()):
            print(f"{os.path.relpath(path, ROOT)}:{index + 1}: {name}")
    elif command == "narrow":
        narrow("--build" in sys.argv)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        sys.exit(0)
