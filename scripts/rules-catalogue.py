#!/usr/bin/env python3
"""Regenerates the rule catalogue table in rules/README.md.

The table is generated in Swift from the loaded rules (Policy.RuleCatalogue), so it
shows exactly what Shore reads; Tests/PolicyTests/RuleTestEmbeddingTests.swift fails
when the README has drifted. This script runs that test in update mode:

    python3 scripts/rules-catalogue.py [--scratch-path PATH]
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    args = ["swift", "test", "--filter", "RuleCatalogueTests"]
    if "--scratch-path" in sys.argv:
        i = sys.argv.index("--scratch-path")
        args[2:2] = ["--scratch-path", sys.argv[i + 1]]
    env = dict(os.environ, SHORE_UPDATE_CATALOGUE="1")
    return subprocess.call(args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
