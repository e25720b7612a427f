"""A government reviewer's edit of a review draft, scripted with python-docx (>= 1.2, which has
the comments API) and raw XML where python-docx has none: one word changed in one keyed
paragraph, a comment on a second, a tracked insertion in a third.

usage: reviewer.py IN.docx OUT.docx WORD_PARAGRAPH OLD NEW COMMENT_PARAGRAPH TRACKED_PARAGRAPH
(each *_PARAGRAPH is a few words that start the paragraph's text)"""

import sys

import docx
from docx.oxml.ns import qn
from docx.text.run import Run
from docx.oxml import parse_xml

src, dst, word_par, old, new, comment_par, tracked_par = sys.argv[1:8]
doc = docx.Document(src)
body = doc.element.body


def paragraph_starting(words):
    for p in body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text.startswith(words):
            return p
    raise SystemExit(f"no paragraph starts with {words!r}")


# 1. One word changed (raw XML: the runs are inside content controls, which python-docx's
#    paragraph API does not walk).
p = paragraph_starting(word_par)
for t in p.iter(qn("w:t")):
    if old in (t.text or ""):
        t.text = t.text.replace(old, new, 1)
        break
else:
    raise SystemExit(f"{old!r} not found")

# 2. A comment on the first run of another paragraph, through python-docx's comments API.
p = paragraph_starting(comment_par)
r = next(p.iter(qn("w:r")))
doc.add_comment(Run(r, doc.paragraphs[0]), text="Please check this figure with the Ministry.",
                author="Focal Point", initials="FP")

# 3. A tracked insertion after the first run of a third paragraph (raw XML: no API).
p = paragraph_starting(tracked_par)
r = next(p.iter(qn("w:r")))
ins = parse_xml(
    '<w:ins xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'w:id="9001" w:author="Focal Point" w:date="2026-12-01T10:00:00Z">'
    '<w:r><w:t xml:space="preserve"> (as amended in 2024)</w:t></w:r></w:ins>'
)
r.addnext(ins)
doc.save(dst)
