#!/usr/bin/env python3
"""benches/own_parts.py MAIN_TYP — rewrites a copy of layouts/mgi/main.typ so that it lays out
only the parts whose text is the document's own (findings and key sources, with their page
furniture), leaving out the parts that are the same in every profile of a language (cover,
legal page, title page, contents, objective, introduction, framework, key findings, annexes,
back cover).

corpus-bench.sh compiles these with the stock CLI to measure how much of the CLI's time goes to
a document's own text: the most that any reuse of the shared parts, in-process or otherwise,
could save. Exits 1, changing nothing, when main.typ does not have the expected calls.
"""
import re
import sys

SHARED = [
    r"#cover\(.*\)\n",
    r"#legal\(.*\)\n",
    r"#title-page\(.*\)\n",
    r"#contents\(\(\n(?:.*\n)*?\)\)\n",
    r"#objective\(.*\)\n",
    r"#introduction\(.*\)\n",
    r"#framework\(.*\)\n",
    r"#key-findings\(.*\)\n",
    r"#annexes\(.*\)\n",
    r"#back-cover\(.*\)\n",
]
ANCHOR = "#metadata(header-text) <mgi-header>\n"


def main() -> int:
    path = sys.argv[1]
    text = open(path, encoding="utf-8").read()
    if ANCHOR not in text:
        print(f"{path}: no `{ANCHOR.strip()}`", file=sys.stderr)
        return 1
    for pattern in SHARED:
        text, n = re.subn(pattern, "", text, count=1)
        if n != 1:
            print(f"{path}: no call matching {pattern}", file=sys.stderr)
            return 1
    # PDF/UA-1 wants the first heading at level 1 (the removed parts began with one).
    text = text.replace(ANCHOR, ANCHOR + "#heading(level: 1)[Findings]\n", 1)
    open(path, "w", encoding="utf-8").write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
