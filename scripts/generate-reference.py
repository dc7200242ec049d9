#!/usr/bin/env python3
"""Generate Sources/Reference/Generated/*.swift from the data files in reference/.

Usage:
  python3 scripts/generate-reference.py            # (re)write the generated Swift files
  python3 scripts/generate-reference.py --check    # compare only; exit 1 when they drift
  python3 scripts/generate-reference.py --import-tzdata [PATH]
        # refresh reference/tz-names.tsv from tzdata's zic input
        # (default PATH /usr/share/zoneinfo/tzdata.zi), then generate
  python3 scripts/generate-reference.py --import-iso639-3 [PATH]
        # refresh reference/iso639-3-no-alpha2.tsv from Debian iso-codes
        # (default PATH /usr/share/iso-codes/json/iso_639-3.json), then generate

  python3 scripts/generate-reference.py --import-iso3166-2 [PATH]
        # refresh reference/regions.tsv (default /usr/share/iso-codes/json/iso_3166-2.json)
  python3 scripts/generate-reference.py --import-iso4217 [PATH]
        # refresh reference/currencies.tsv (default /usr/share/iso-codes/json/iso_4217.json)
  python3 scripts/generate-reference.py --import-ecb-rates CSV YEAR
        # refresh reference/fx-rates.tsv: each currency's mean of the ECB's daily euro
        # reference rates in YEAR, from the ECB's eurofxref-hist.csv

Standard library only. Inputs (all under reference/): countries.tsv, languages.tsv,
country-languages.tsv, country-sets.yaml, cefr.tsv, iso639-3-no-alpha2.tsv, tz-names.tsv,
regions.tsv, region-sets.yaml, territories.tsv, currencies.tsv, fx-rates.tsv.
The YAML reader below handles exactly the subset country-sets.yaml uses (block
mappings and sequences, flow [..] and {..}, double-quoted and plain scalars,
folded block scalars, comments); it rejects anything else loudly.
"""

import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = os.path.join(ROOT, "reference")
OUT = os.path.join(ROOT, "Sources", "Reference", "Generated")
ISO639_3_SUBSET = "iso639-3-no-alpha2.tsv"
TZ_NAMES = "tz-names.tsv"


class DataError(Exception):
    pass


# ---------------------------------------------------------------- TSV

def read_tsv(name, comments=False):
    path = os.path.join(REF, name)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if comments:
        lines = [l for l in lines if not l.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise DataError(f"{name}:{n}: {len(cells)} cells, expected {len(header)}")
        rows.append(dict(zip(header, cells)))
    return rows


# ---------------------------------------------------------------- YAML subset

class MiniYAML:
    """A reader for the YAML subset used by country-sets.yaml. Scalars stay strings."""

    def __init__(self, text, name):
        self.name = name
        self.lines = []  # (lineno, indent, content) without comments / blank lines
        for n, raw in enumerate(text.split("\n"), start=1):
            if "\t" in raw[: len(raw) - len(raw.lstrip())]:
                raise DataError(f"{name}:{n}: tab in indentation")
            stripped = self.strip_comment(raw).rstrip()
            if stripped.strip() == "":
                self.lines.append((n, None, ""))  # blank or comment-only: an empty line in a block scalar
                continue
            indent = len(stripped) - len(stripped.lstrip(" "))
            self.lines.append((n, indent, stripped[indent:]))
        self.i = 0

    @staticmethod
    def strip_comment(line):
        out, q, k = [], None, 0
        while k < len(line):
            c = line[k]
            if q:
                out.append(c)
                if c == "\\" and q == '"':
                    k += 1
                    if k < len(line):
                        out.append(line[k])
                elif c == q:
                    q = None
            else:
                if c == "#" and (k == 0 or line[k - 1] in " \t"):
                    break
                if c in "\"'" and (k == 0 or line[k - 1] in " [{,:"):
                    q = c
                out.append(c)
            k += 1
        return "".join(out)

    def err(self, msg, lineno=None):
        if lineno is None:
            lineno = self.lines[self.i][0] if self.i < len(self.lines) else "EOF"
        return DataError(f"{self.name}:{lineno}: {msg}")

    def skip_blank(self):
        while self.i < len(self.lines) and self.lines[self.i][1] is None:
            self.i += 1

    def parse(self):
        self.skip_blank()
        value = self.block(self.lines[self.i][1])
        self.skip_blank()
        if self.i != len(self.lines):
            raise self.err("unexpected content")
        return value

    def block(self, indent):
        self.skip_blank()
        n, ind, content = self.lines[self.i]
        if ind != indent:
            raise self.err("bad indentation")
        if content.startswith("- ") or content == "-":
            return self.block_seq(indent)
        return self.block_map(indent)

    def block_seq(self, indent):
        items = []
        while True:
            self.skip_blank()
            if self.i >= len(self.lines):
                return items
            n, ind, content = self.lines[self.i]
            if ind < indent:
                return items
            if ind > indent or not content.startswith("-"):
                raise self.err("bad sequence item")
            rest = content[1:].lstrip(" ")
            if rest == "":
                self.i += 1
                self.skip_blank()
                items.append(self.block(self.lines[self.i][1]))
            else:
                # "- key: value" starts a mapping indented at the item's content column
                col = indent + (len(content) - len(rest))
                self.lines[self.i] = (n, col, rest)
                if self.is_key_line(rest):
                    items.append(self.block_map(col))
                else:
                    self.i += 1
                    items.append(self.flow_or_scalar(rest, n))
        return items

    KEY = re.compile(r'^("(?:[^"\\]|\\.)*"|[A-Za-z0-9_][A-Za-z0-9_ .-]*):(?: |$)')

    def is_key_line(self, content):
        return self.KEY.match(content) is not None

    def block_map(self, indent):
        result = {}
        while True:
            self.skip_blank()
            if self.i >= len(self.lines):
                return result
            n, ind, content = self.lines[self.i]
            if ind < indent:
                return result
            if ind > indent:
                raise self.err("bad indentation in mapping")
            m = self.KEY.match(content)
            if not m:
                raise self.err(f"expected 'key: value', got {content!r}")
            key = m.group(1)
            if key.startswith('"'):
                key = json.loads(key)
            if key in result:
                raise self.err(f"duplicate key {key!r}")
            rest = content[m.end():].strip()
            self.i += 1
            if rest == "":
                self.skip_blank()
                if self.i < len(self.lines) and self.lines[self.i][1] > indent:
                    result[key] = self.block(self.lines[self.i][1])
                elif (self.i < len(self.lines) and self.lines[self.i][1] == indent
                      and self.lines[self.i][2].startswith("- ")):
                    result[key] = self.block_seq(indent)
                else:
                    raise self.err(f"empty value for {key!r}", n)
            elif rest in (">-", ">", "|", "|-"):
                result[key] = self.block_scalar(rest, indent)
            else:
                result[key] = self.flow_or_scalar(rest, n)
        return result

    def block_scalar(self, style, indent):
        body = []
        while self.i < len(self.lines):
            n, ind, content = self.lines[self.i]
            if ind is not None and ind <= indent:
                break
            body.append(content)
            self.i += 1
        # comments were stripped from these lines; block scalars here hold no '#'.
        raw = [text for (_, _, text) in self.lines[self.i - len(body): self.i]]
        texts = [r.strip() if r.strip() else "" for r in raw]
        while texts and texts[-1] == "":
            texts.pop()
        if style.startswith(">"):
            out = ""
            for t in texts:
                if t == "":
                    out += "\n"
                elif out == "" or out.endswith("\n"):
                    out += t
                else:
                    out += " " + t
        else:
            out = "\n".join(texts)
        if not style.endswith("-"):
            out += "\n"
        return out

    def flow_or_scalar(self, text, lineno):
        # a flow collection may continue on following (more indented) lines
        if text[0] in "[{":
            while not self.balanced(text):
                if self.i >= len(self.lines):
                    raise self.err("unterminated flow collection", lineno)
                n, ind, content = self.lines[self.i]
                self.i += 1
                if ind is not None:
                    text += " " + content
            value, pos = self.flow(text, 0, lineno)
            if text[pos:].strip():
                raise self.err(f"trailing text {text[pos:]!r}", lineno)
            return value
        return self.scalar(text, lineno)

    @staticmethod
    def balanced(text):
        depth, q, k = 0, False, 0
        while k < len(text):
            c = text[k]
            if q:
                if c == "\\":
                    k += 1
                elif c == '"':
                    q = False
            elif c == '"':
                q = True
            elif c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
            k += 1
        return depth == 0

    def scalar(self, text, lineno):
        text = text.strip()
        if text.startswith('"'):
            try:
                return json.loads(text)
            except ValueError:
                raise self.err(f"bad double-quoted scalar {text!r}", lineno)
        if text[:1] in "'&*!|>%@`":
            raise self.err(f"unsupported scalar {text!r}", lineno)
        return text

    def flow(self, text, pos, lineno):
        def ws(p):
            while p < len(text) and text[p] == " ":
                p += 1
            return p

        def atom(p):
            p = ws(p)
            if text[p] in "[{":
                return self.flow(text, p, lineno)
            if text[p] == '"':
                m = re.compile(r'"(?:[^"\\]|\\.)*"').match(text, p)
                if not m:
                    raise self.err("bad quoted string", lineno)
                return json.loads(m.group(0)), m.end()
            m = re.compile(r'[^,\]\}:]+').match(text, p)
            if not m:
                raise self.err(f"bad flow scalar at {text[p:]!r}", lineno)
            return self.scalar(m.group(0), lineno), m.end()

        pos = ws(pos)
        if text[pos] == "[":
            items, pos = [], ws(pos + 1)
            while text[pos] != "]":
                v, pos = atom(pos)
                items.append(v)
                pos = ws(pos)
                if text[pos] == ",":
                    pos = ws(pos + 1)
                elif text[pos] != "]":
                    raise self.err("expected , or ]", lineno)
            return items, pos + 1
        if text[pos] == "{":
            items, pos = {}, ws(pos + 1)
            while text[pos] != "}":
                k, pos = atom(pos)
                pos = ws(pos)
                if text[pos] != ":":
                    raise self.err("expected : in flow mapping", lineno)
                v, pos = atom(pos + 1)
                if k in items:
                    raise self.err(f"duplicate key {k!r}", lineno)
                items[k] = v
                pos = ws(pos)
                if text[pos] == ",":
                    pos = ws(pos + 1)
                elif text[pos] != "}":
                    raise self.err("expected , or }", lineno)
            return items, pos + 1
        raise self.err("expected flow collection", lineno)


def read_yaml(name):
    path = os.path.join(REF, name)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    data = MiniYAML(text, name).parse()
    try:  # cross-check against PyYAML when it happens to be installed
        import yaml  # noqa: F401
        expected = yaml.safe_load(text)
        if json.dumps(expected, sort_keys=True, default=str) != json.dumps(data, sort_keys=True):
            raise DataError(f"{name}: the built-in YAML reader disagrees with PyYAML")
    except ImportError:
        pass
    return data


# ---------------------------------------------------------------- Swift output

def q(s):
    """A Swift string literal."""
    out = ['"']
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20:
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def qopt(s):
    return "nil" if s is None or s == "" else q(s)


def qlist(items):
    return "[" + ", ".join(q(x) for x in items) + "]"


def qdict(d):
    if not d:
        return "[:]"
    return "[" + ", ".join(f"{q(k)}: {q(v)}" for k, v in d.items()) + "]"


def header(sources):
    return ("// Generated by scripts/generate-reference.py from "
            + ", ".join("reference/" + s for s in sources)
            + "; do not edit.\n\n")


def lines_literal(lines):
    """A multi-line string literal holding `lines`, parsed at run time."""
    body = []
    for l in lines:
        if '"""' in l or "\\" in l or "\r" in l:
            raise DataError(f"unexpected character in {l!r}")
        body.append("    " + l.replace("\t", "\\t"))  # escaped: no literal tabs or trailing blanks in source
    return '"""\n' + "\n".join(body) + '\n    """'


def gen_countries():
    rows = read_tsv("countries.tsv")
    seen = set()
    out = [header(["countries.tsv"])]
    lines = []
    for r in rows:
        a2 = r["alpha2"]
        if not re.fullmatch(r"[A-Z]{2}", a2) or a2 in seen:
            raise DataError(f"countries.tsv: bad or duplicate alpha2 {a2!r}")
        seen.add(a2)
        if not re.fullmatch(r"[A-Z]{3}", r["alpha3"]) or not re.fullmatch(r"[0-9]{3}", r["numeric"]):
            raise DataError(f"countries.tsv: bad alpha3/numeric for {a2}")
        zones = [z for z in r["tz_zone_tab"].split(",") if z]
        for z in zones:
            if not re.fullmatch(r"[A-Za-z0-9_+/-]+", z):
                raise DataError(f"countries.tsv: bad zone {z!r} for {a2}")
        lines.append(f"        Country(alpha2: {q(a2)}, alpha3: {q(r['alpha3'])}, numeric: {q(r['numeric'])}, "
                     f"name: {q(r['name'])}, commonName: {qopt(r['common_name'])}, timeZones: {qlist(zones)}, "
                     f"notes: {qopt(r['notes'])}),\n")
    out.append("extension Countries {\n")
    out.append("    /// Every ISO 3166-1 entry (249), in alpha-2 order (Debian iso-codes 4.15.0-1; zones from\n")
    out.append("    /// tzdata 2026f zone.tab). Built once, on first use, from literals: nothing is parsed.\n")
    out.append("    public static let all: [Country] = [\n" + "".join(lines) + "    ]\n}\n")
    return "".join(out), seen


def gen_languages(country_codes):
    rows = read_tsv("languages.tsv")
    two = {}
    out = [header(["languages.tsv", ISO639_3_SUBSET])]
    two_lines = []
    for r in rows:
        code = r["alpha2"]
        if not re.fullmatch(r"[a-z]{2}", code) or code in two:
            raise DataError(f"languages.tsv: bad or duplicate code {code!r}")
        two[code] = r
        name = r["name_iso639_3"] or r["name_iso639_2"].split(";")[0]
        two_lines.append(f"        Language(code: {q(code)}, alpha3: {q(r['alpha3_t'])}, "
                         f"alpha3Bibliographic: {qopt(r['alpha3_b'])}, name: {q(name)}, "
                         f"isMacrolanguage: {'true' if r['scope_iso639_3'] == 'M' else 'false'}, "
                         f"notes: {qopt(r['notes'])}),\n")
    out.append("extension Languages {\n")
    out.append("    /// The ISO 639-1 (two-letter) languages (185), in code order (Debian iso-codes 4.15.0-1).\n")
    out.append("    /// Built once, on first use, from literals: nothing is parsed.\n")
    out.append("    public static let twoLetter: [Language] = [\n" + "".join(two_lines) + "    ]\n\n")
    three = read_tsv(ISO639_3_SUBSET, comments=True)
    alpha3_of_two = {r["alpha3_t"] for r in rows} | {r["alpha3_b"] for r in rows if r["alpha3_b"]}
    lines = []
    last = ""
    for r in three:
        code = r["alpha3"]
        if not re.fullmatch(r"[a-z]{3}", code) or code <= last:
            raise DataError(f"{ISO639_3_SUBSET}: bad or unsorted code {code!r}")
        if code in alpha3_of_two:
            raise DataError(f"{ISO639_3_SUBSET}: {code} has a two-letter code")
        if "\t" in r["name"] or "\n" in r["name"]:
            raise DataError(f"{ISO639_3_SUBSET}: bad name for {code}")
        last = code
        lines.append(f"{code}\t{'M' if r['scope'] == 'M' else 'I'}\t{r['name']}")
    out.append("    /// ISO 639-3 codes that have no ISO 639-1 code (valid BCP 47 primary language subtags),\n")
    out.append("    /// one `code<TAB>scope<TAB>name` line each; parsed once, lazily.\n")
    out.append("    static let threeLetterData: String = " + lines_literal(lines) + "\n}\n")
    return "".join(out), set(two), {l.split("\t")[0] for l in lines}


def gen_country_languages(country_codes, two, three):
    path = os.path.join(REF, "country-languages.tsv")
    rows = read_tsv("country-languages.tsv", comments=True)
    lines, seen = [], set()
    for r in rows:
        c = r["alpha2"]
        if not re.fullmatch(r"[A-Z]{2}", c):  # CLDR also lists non-ISO territories (AC, XK, ...)
            raise DataError(f"country-languages.tsv: bad territory {c!r}")
        listed = [x for x in r["official_languages"].split(",") if x]
        detail = [x for x in r["detail(lang:status:population_percent)"].split(",") if x]
        if [d.split(":")[0] for d in detail] != listed:
            raise DataError(f"country-languages.tsv: {c}: detail does not match the list")
        for d in detail:
            parts = d.split(":")
            if len(parts) != 3 or parts[1] not in ("official", "de_facto_official"):
                raise DataError(f"country-languages.tsv: {c}: bad detail {d!r}")
            base = parts[0].split("_")[0]
            if base not in two and base not in three:
                raise DataError(f"country-languages.tsv: {c}: unknown language {parts[0]}")
        if c in seen:
            raise DataError(f"country-languages.tsv: {c} is listed twice")
        seen.add(c)
        entries = []
        for d in detail:
            cldr, status, percent = d.split(":")
            if not re.fullmatch(r"[0-9]+(\.[0-9]+)?", percent):
                raise DataError(f"country-languages.tsv: {c}: bad population share {percent!r}")
            entries.append(f"OfficialLanguage(cldrCode: {q(cldr)}, code: {q(cldr.split('_')[0])}, "
                           f"deFacto: {'true' if status == 'de_facto_official' else 'false'}, "
                           f"populationPercent: {percent})")
        if not entries:
            lines.append(f"        {q(c)}: [],\n")
        else:
            lines.append(f"        {q(c)}: [\n" + "".join(f"            {e},\n" for e in entries) + "        ],\n")
    out = [header(["country-languages.tsv"])]
    out.append("extension Languages {\n")
    out.append("    /// CLDR 41 territoryInfo: each territory's official languages, as in the file (by\n")
    out.append("    /// population share). Built once, on first use, from literals: nothing is parsed.\n")
    out.append("    static let officialByCountry: [String: [OfficialLanguage]] = [\n" + "".join(lines) + "    ]\n}\n")
    return "".join(out)


def gen_cefr():
    rows = read_tsv("cefr.tsv")
    expected = ["A1", "A2", "B1", "B2", "C1", "C2"]
    if [r["level"] for r in rows] != expected or [r["ordinal"] for r in rows] != [str(i) for i in range(1, 7)]:
        raise DataError("cefr.tsv: expected levels A1..C2 with ordinals 1..6")
    out = [header(["cefr.tsv"])]
    out.append("extension CEFRLevel {\n")
    out.append("    /// Band, name and descriptor of A1...C2, from the Council of Europe global scale.\n")
    out.append("    static let table: [(band: String, name: String, descriptor: String)] = [\n")
    for r in rows:
        out.append(f"        (band: {q(r['band'])}, name: {q(r['name'])}, descriptor: {q(r['descriptor'])}),\n")
    out.append("    ]\n}\n")
    return "".join(out)


def gen_sets(country_codes, source="country-sets.yaml", owner="CountrySets", what="country"):
    """The named sets of `source` (members checked against `country_codes`) as `owner.all`."""
    data = read_yaml(source)
    sets = data.get("sets")
    if not isinstance(sets, dict):
        raise DataError(f"{source}: no sets mapping")
    known_keys = {"description", "source", "other_sources", "as_of", "effective_since", "members",
                  "partial", "scope", "non_iso_members", "parent", "unconfirmed", "removed"}
    out = [header([source])]
    out.append(f"extension {owner} {{\n")
    out.append(f"    /// The date {source} was compiled.\n")
    out.append(f"    static let compiled: String = {q(data.get('compiled', ''))}\n\n")
    out.append("    /// Every built-in set, in file order.\n")
    out.append("    public static let all: [CountrySet] = [\n")
    date = re.compile(r"\d{4}-\d{2}-\d{2}")
    for sid, s in sets.items():
        extra = set(s) - known_keys
        if extra:
            raise DataError(f"{source}: {sid}: unknown keys {sorted(extra)}")
        members = s.get("members", [])
        for code in members + s.get("partial", []) + s.get("unconfirmed", []):
            if code not in country_codes:
                raise DataError(f"{source}: {sid}: {code} is not a known {what} code")
        for code in s.get("partial", []):
            if code not in members:
                raise DataError(f"{source}: {sid}: partial {code} is not a member")
        if len(set(members)) != len(members):
            raise DataError(f"{source}: {sid}: duplicate members")
        for k in ("as_of", "effective_since"):
            if k in s and not date.fullmatch(s[k]):
                raise DataError(f"{source}: {sid}: bad {k}")
        scope = []
        for code, v in s.get("scope", {}).items():
            if code not in members:
                raise DataError(f"{source}: {sid}: scope for non-member {code}")
            if isinstance(v, str):
                scope.append(f"{q(code)}: ScopeNote(scope: nil, note: {q(v)}, details: [:])")
            else:
                details = {k: w for k, w in v.items() if k not in ("scope", "note")}
                scope.append(f"{q(code)}: ScopeNote(scope: {qopt(v.get('scope'))}, note: {qopt(v.get('note'))}, "
                             f"details: {qdict(details)})")
        non_iso = []
        for m in s.get("non_iso_members", []):
            details = {k: (", ".join(w) if isinstance(w, list) else w) for k, w in m.items() if k not in ("name", "kind")}
            non_iso.append(f"NonISOMember(name: {q(m['name'])}, kind: {qopt(m.get('kind'))}, details: {qdict(details)})")
        removed = []
        for m in s.get("removed", []):
            if m["code"] not in country_codes:
                raise DataError(f"{source}: {sid}: removed {m['code']} unknown")
            removed.append(f"RemovedMember(code: {q(m['code'])}, removedOn: {q(m['removed_on'])}, note: {q(m.get('note', ''))})")
        parent = s.get("parent", {})
        for k, v in parent.items():
            if k not in members or v not in country_codes:
                raise DataError(f"{source}: {sid}: bad parent {k}: {v}")
        out.append("        CountrySet(\n")
        out.append(f"            id: {q(sid)},\n")
        out.append(f"            description: {q(s['description'])},\n")
        out.append(f"            source: {q(s['source'])},\n")
        out.append(f"            otherSources: {qlist(s.get('other_sources', []))},\n")
        out.append(f"            asOf: {q(s['as_of'])},\n")
        out.append(f"            effectiveSince: {qopt(s.get('effective_since'))},\n")
        out.append(f"            members: {qlist(members)},\n")
        out.append(f"            partial: {qlist(s.get('partial', []))},\n")
        out.append(f"            unconfirmed: {qlist(s.get('unconfirmed', []))},\n")
        out.append("            scope: " + ("[:]" if not scope else "[\n                " + ",\n                ".join(scope) + ",\n            ]") + ",\n")
        out.append("            nonISOMembers: " + ("[]" if not non_iso else "[\n                " + ",\n                ".join(non_iso) + ",\n            ]") + ",\n")
        out.append("            removed: " + ("[]" if not removed else "[\n                " + ",\n                ".join(removed) + ",\n            ]") + ",\n")
        out.append(f"            parent: {qdict(parent)}\n")
        out.append("        ),\n")
    out.append("    ]\n}\n")
    return "".join(out)


def iso_codes_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def import_iso_codes(path, key, fields, name, what, flag):
    """Writes reference/NAME from one Debian iso-codes JSON file: `fields` of each entry
    of `key`, sorted, under the header `fields`' short names."""
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)[key]
    rows = sorted(tuple(e[field] for field, _ in fields) for e in entries)
    write_tsv(name, [f"{what}: every entry of Debian iso-codes {iso_codes_version()}, {os.path.basename(path)}.",
                     f"Regenerate with scripts/generate-reference.py {flag}."],
              [short for _, short in fields], rows)


def import_iso3166_2(path):
    import_iso_codes(path, "3166-2", [("code", "code"), ("name", "name"), ("type", "type")], "regions.tsv",
                     "ISO 3166-2 subdivision codes", "--import-iso3166-2")


def import_iso4217(path):
    import_iso_codes(path, "4217", [("alpha_3", "code"), ("numeric", "numeric"), ("name", "name")], "currencies.tsv",
                     "ISO 4217 currency codes", "--import-iso4217")


def import_ecb_rates(path, year):
    import csv
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head, days = rows[0], [r for r in rows[1:] if r and r[0].startswith(year + "-")]
    if not days:
        raise DataError(f"{path}: no rates for {year}")
    means = []
    for i, code in enumerate(head[1:], 1):
        code = code.strip()
        values = [float(r[i]) for r in days if i < len(r) and r[i].strip() not in ("", "N/A")]
        if len(values) == len(days):  # a currency quoted every business day of the year
            means.append((code, len(values), sum(values) / len(values)))
    first, last = min(r[0] for r in days), max(r[0] for r in days)
    with open(os.path.join(REF, "fx-rates.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Built-in reference exchange rates: units of each currency per 1 EUR, the mean of the\n")
        f.write(f"# European Central Bank's daily euro foreign exchange reference rates in {year}\n")
        f.write(f"# ({len(days)} business days, {first} to {last}), from the ECB's eurofxref-hist.csv;\n")
        f.write(f"# only currencies quoted on every one of those days. Regenerate with\n")
        f.write(f"# scripts/generate-reference.py --import-ecb-rates eurofxref-hist.csv {year}.\n")
        f.write(f"# as_of: {last}\n")
        f.write("currency\tper_eur\n")
        f.write("EUR\t1\n")
        for code, _, mean in sorted(means):
            f.write(f"{code}\t{mean:.4f}\n")


def gen_regions(country_codes):
    rows = read_tsv("regions.tsv", comments=True)
    out = [header(["regions.tsv"])]
    lines, codes = [], set()
    for r in rows:
        code = r["code"]
        m = re.fullmatch(r"([A-Z]{2})-[A-Z0-9]{1,3}", code)
        if not m or code in codes or m.group(1) not in country_codes:
            raise DataError(f"regions.tsv: bad or duplicate code {code!r}")
        codes.add(code)
        lines.append("\t".join([code, r["name"], r["type"]]))
    out.append("extension Regions {\n")
    out.append("    /// ISO 3166-2 subdivisions in code order (Debian iso-codes): `code<TAB>name<TAB>type` per line; parsed once, lazily.\n")
    out.append("    static let regionData: String = " + lines_literal(lines) + "\n}\n")
    return "".join(out), codes


def gen_currencies():
    rows = read_tsv("currencies.tsv", comments=True)
    out = [header(["currencies.tsv"])]
    lines, codes = [], set()
    for r in rows:
        code = r["code"]
        if not re.fullmatch(r"[A-Z]{3}", code) or code in codes:
            raise DataError(f"currencies.tsv: bad or duplicate code {code!r}")
        codes.add(code)
        lines.append(f"        {q(code)}: Currency(code: {q(code)}, numeric: {q(r['numeric'])}, name: {q(r['name'])}),\n")
    out.append("extension Currencies {\n")
    out.append("    /// ISO 4217 currencies by code (Debian iso-codes), written in code order. Built once, on\n")
    out.append("    /// first use, from literals: nothing is parsed.\n")
    out.append("    static let byCode: [String: Currency] = [\n" + "".join(lines) + "    ]\n}\n")
    return "".join(out), codes


def gen_fx_rates(currency_codes):
    path = os.path.join(REF, "fx-rates.tsv")
    with open(path, encoding="utf-8") as f:
        header_lines = [l[2:].rstrip("\n") for l in f if l.startswith("# ")]
    as_of = next((l.split(":", 1)[1].strip() for l in header_lines if l.startswith("as_of:")), "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of):
        raise DataError("fx-rates.tsv: no '# as_of: YYYY-MM-DD' line")
    source = " ".join(l for l in header_lines if not l.startswith("as_of:"))
    entries = []
    for r in read_tsv("fx-rates.tsv", comments=True):
        code, rate = r["currency"], r["per_eur"]
        if code not in currency_codes or not re.fullmatch(r"\d+(\.\d+)?", rate) or float(rate) <= 0:
            raise DataError(f"fx-rates.tsv: bad row {code!r} {rate!r}")
        entries.append(f"{q(code)}: {rate}")
    out = [header(["fx-rates.tsv"])]
    out.append("extension ExchangeRates {\n")
    out.append(f"    /// Where the built-in rates come from.\n    static let builtInSource: String = {q(source)}\n")
    out.append(f"    /// The last day the built-in rates cover.\n    static let builtInAsOf: String = {q(as_of)}\n")
    out.append("    /// Units of each currency per 1 EUR.\n")
    out.append("    static let builtInPerEuro: [String: Double] = [\n        " + ",\n        ".join(entries) + ",\n    ]\n}\n")
    return "".join(out)


def gen_territories(country_codes):
    out = [header(["territories.tsv"])]
    entries = []
    seen = set()
    for r in read_tsv("territories.tsv", comments=True):
        t, s, home = r["territory"], r["sovereign"], r["domestic"]
        if t not in country_codes or s not in country_codes or t == s or t in seen or home not in ("yes", "no"):
            raise DataError(f"territories.tsv: bad row {t!r} {s!r} {home!r}")
        seen.add(t)
        entries.append(f"Territory(code: {q(t)}, sovereign: {q(s)}, domestic: {'true' if home == 'yes' else 'false'}, "
                       f"note: {q(r['note'])})")
    out.append("extension Territories {\n")
    out.append("    /// Territories with their own ISO 3166-1 code, by code.\n")
    out.append("    static let all: [Territory] = [\n        " + ",\n        ".join(entries) + ",\n    ]\n}\n")
    return "".join(out)


def import_iso639_3(path):
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)["639-3"]
    version = "unknown"
    try:
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
                                 capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    rows = sorted((e["alpha_3"], e["scope"], e["type"], e["name"]) for e in entries
                  if "alpha_2" not in e and e.get("type") != "S")
    write_tsv(ISO639_3_SUBSET, [
        "ISO 639-3 codes without an ISO 639-1 code, i.e. the three-letter BCP 47 primary language subtags.",
        f"From Debian iso-codes {version}, {path}: every entry without alpha_2, except",
        "type S (special: mis, mul, und, zxx). scope: I individual, M macrolanguage; type: L living,",
        "E extinct, A ancient, H historical, C constructed. Regenerate with --import-iso639-3.",
    ], ["alpha3", "scope", "type", "name"], rows)


def write_tsv(name, comments, header, rows):
    """Writes reference/NAME: `# ` comment lines, the header row, then the rows."""
    with open(os.path.join(REF, name), "w", encoding="utf-8") as f:
        for line in comments:
            f.write("# " + line + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def gen_time_zone_names(country_codes):
    """TimeZoneNameTable.swift: every tzdb zone and link name, each link's target, and
    the countries whose zone.tab or zone1970.tab rows list the (canonical) zone."""
    rows = read_tsv(TZ_NAMES, comments=True)
    names = {}
    for r in rows:
        name, kind, target = r["name"], r["kind"], r["target"]
        if not re.fullmatch(r"[A-Za-z0-9_+/-]+", name) or name in names:
            raise DataError(f"{TZ_NAMES}: bad or duplicate name {name!r}")
        if kind not in ("zone", "link") or (kind == "link") != (target != ""):
            raise DataError(f"{TZ_NAMES}: bad kind or target for {name!r}")
        names[name] = target
    for name, target in names.items():
        if target and names.get(target, None) != "":
            raise DataError(f"{TZ_NAMES}: link {name} points at {target!r}, which is not a zone")
    countries = {}
    for r in read_tsv("countries.tsv"):
        a2 = r["alpha2"]
        for column in ("tz_zone_tab", "tz_zone1970_tab"):
            for z in r[column].split(","):
                if not z:
                    continue
                zone = names.get(z) or z
                if z not in names:
                    raise DataError(f"countries.tsv: zone {z!r} of {a2} is not in {TZ_NAMES}")
                countries.setdefault(zone, set()).add(a2)
    lines = []
    for name in sorted(names):
        target = names[name]
        owners = [] if target else sorted(countries.get(name, ()))
        lines.append(f"        {q(name)}: NameEntry(target: {qopt(target)}, countries: {qlist(owners)}),\n")
    out = [header([TZ_NAMES, "countries.tsv"])]
    out.append("extension TimeZones {\n")
    out.append("    /// tzdb names (tzdata.zi) with each link's target and each zone's countries (zone.tab and\n")
    out.append("    /// zone1970.tab), written in name order. Built once, on first use, from literals.\n")
    out.append("    static let names: [String: NameEntry] = [\n" + "".join(lines) + "    ]\n}\n")
    return "".join(out)


def import_tzdata(path):
    """Writes reference/tz-names.tsv from tzdata's zic input (Z and L lines)."""
    version = "unknown"
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# version "):
                version = line.split()[2]
            parts = line.split()
            if parts[:1] == ["Z"] and len(parts) > 1:
                rows.append((parts[1], "zone", ""))
            elif parts[:1] == ["L"] and len(parts) > 2:
                rows.append((parts[2], "link", parts[1]))
    rows = sorted(r for r in rows if r[0] != "Factory")
    write_tsv(TZ_NAMES, [
        f"Every tzdb zone and link name, from tzdata {version}, {path} (Z and L lines;",
        "Factory left out). kind: zone (canonical) or link (target: the zone it names).",
        "Regenerate with --import-tzdata.",
    ], ["name", "kind", "target"], rows)


def main(argv):
    check = "--check" in argv
    for flag, default, importer in [
        ("--import-iso639-3", "/usr/share/iso-codes/json/iso_639-3.json", import_iso639_3),
        ("--import-tzdata", "/usr/share/zoneinfo/tzdata.zi", import_tzdata),
        ("--import-iso3166-2", "/usr/share/iso-codes/json/iso_3166-2.json", import_iso3166_2),
        ("--import-iso4217", "/usr/share/iso-codes/json/iso_4217.json", import_iso4217),
    ]:
        if flag in argv:
            k = argv.index(flag)
            importer(argv[k + 1] if k + 1 < len(argv) and not argv[k + 1].startswith("--") else default)
    if "--import-ecb-rates" in argv:
        k = argv.index("--import-ecb-rates")
        try:
            import_ecb_rates(argv[k + 1], argv[k + 2])
        except (IndexError, DataError) as e:
            print(f"generate-reference: --import-ecb-rates CSV YEAR: {e}", file=sys.stderr)
            return 2
    try:
        countries_swift, country_codes = gen_countries()
        languages_swift, two, three = gen_languages(country_codes)
        files = {
            "CountryTable.swift": countries_swift,
            "LanguageTable.swift": languages_swift,
            "OfficialLanguageTable.swift": gen_country_languages(country_codes, two, three),
            "CEFRTable.swift": gen_cefr(),
            "CountrySetTable.swift": gen_sets(country_codes),
            "TimeZoneNameTable.swift": gen_time_zone_names(country_codes),
        }
        regions_swift, region_codes = gen_regions(country_codes)
        currencies_swift, currency_codes = gen_currencies()
        files["RegionTable.swift"] = regions_swift
        files["RegionSetTable.swift"] = gen_sets(region_codes, source="region-sets.yaml", owner="RegionSets",
                                                 what="ISO 3166-2 region")
        files["CurrencyTable.swift"] = currencies_swift
        files["ExchangeRateTable.swift"] = gen_fx_rates(currency_codes)
        files["TerritoryTable.swift"] = gen_territories(country_codes)
    except DataError as e:
        print(f"generate-reference: {e}", file=sys.stderr)
        return 2
    drift = []
    existing = set(os.listdir(OUT)) if os.path.isdir(OUT) else set()
    for name in sorted(existing - set(files)):
        if name.endswith(".swift"):
            drift.append(f"{name} (not produced by the generator)")
            if not check:
                os.remove(os.path.join(OUT, name))
    for name, text in files.items():
        path = os.path.join(OUT, name)
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old != text:
            drift.append(name)
            if not check:
                os.makedirs(OUT, exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    if check:
        if drift:
            print("generate-reference: generated files are out of date: " + ", ".join(drift)
                  + "\nrun: python3 scripts/generate-reference.py", file=sys.stderr)
            return 1
        print("generate-reference: generated files are up to date")
        return 0
    print("generate-reference: updated " + (", ".join(drift) if drift else "nothing (up to date)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
