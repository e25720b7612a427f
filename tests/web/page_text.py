#!/usr/bin/env python3
"""Reads a page of the html edition with Python's own HTML parser (not mgi-press's structures)
and prints, as JSON: the text a reader sees (footnote reference numbers and back links left
out, so that a paragraph reads as in the source), every id, every href, the <html> element's
lang and dir, and the number of h1 elements. Used by tests/web.rs."""
import json
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "caption", "div", "section", "nav",
         "header", "footer", "main", "ul", "ol", "table", "tr", "figure", "title"}


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.ids, self.hrefs, self.html = [], [], [], {}
        self.h1 = 0
        self.stack = []  # (tag, skipped)
        self.in_head = False

    def skipping(self):
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "html":
            self.html = {"lang": a.get("lang"), "dir": a.get("dir")}
        if tag == "h1":
            self.h1 += 1
        if tag == "head":
            self.in_head = True
        if tag == "br":
            self.text.append(" ")
        if tag in BLOCK:
            self.text.append("\n")
        if tag in VOID:
            return
        skip = a.get("role") in ("doc-noteref", "doc-backlink") or tag in ("script", "style")
        self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag in BLOCK:
            self.text.append("\n")
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.skipping() and not self.in_head:
            self.text.append(data)


reader = Reader()
with open(sys.argv[1], encoding="utf-8") as f:
    reader.feed(f.read())
reader.close()
print(json.dumps({"text": "".join(reader.text), "ids": reader.ids, "hrefs": reader.hrefs,
                  "html": reader.html, "h1": reader.h1}, ensure_ascii=False))
