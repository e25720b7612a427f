#!/usr/bin/env bash
# Seeds fuzz/corpus/<target> from the sample files of the repository: markup, loader, docx, icc,
# preflight and diff_pdf (small hand-made PDFs, seed-pdfs.py), xliff and po (the sample
# profile and pack exported by mgi-press; set MGI_PRESS to its binary, default
# target/release/mgi-press; those two are skipped with a note when it is missing).
# The corpus is generated, git-ignored and never committed; rerunning is harmless (files are
# named by the SHA-1 of their content, as libFuzzer names them).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
markup="$here/corpus/markup"
loader="$here/corpus/loader"
mkdir -p "$markup" "$loader"

# Writes stdin to $1/<sha1 of content>.
put() {
    local dir="$1" tmp
    tmp="$(mktemp)"
    cat >"$tmp"
    mv "$tmp" "$dir/$(sha1sum "$tmp" | cut -d' ' -f1)"
}

# --- loader: profile.json, and profile.json + 0xFF + text/en.json -------------------------
profiles=("$root/profiles/valdoria" "$root"/tests/fixtures/invalid/*)
for p in "${profiles[@]}"; do
    [ -f "$p/profile.json" ] || continue
    put "$loader" <"$p/profile.json"
    if [ -f "$p/text/en.json" ]; then
        { cat "$p/profile.json"; printf '\377'; cat "$p/text/en.json"; } | put "$loader"
    fi
done

# --- markup: every string of the sample text files and language packs ---------------------
texts=("$root"/profiles/valdoria/text/*.json "$root"/layouts/*/lang/*.json
       "$root"/tests/fixtures/invalid/*/text/*.json)
for f in "${texts[@]}"; do
    [ -f "$f" ] || continue
    # Invalid JSON (some fixtures are broken on purpose) is skipped.
    jq -j '.. | strings | ., "\u0000"' "$f" 2>/dev/null |
        while IFS= read -r -d '' s; do
            printf '%s' "$s" | put "$markup"
        done || true
done
# A few hand-written snippets covering every construct of the syntax.
snippets=(
    'a **b** *c* [d](https://x.org) e^[f *g*]'
    '\*not\* {{country}} {{year}} {{nope}}'
    $'one\ntwo\n\n- x\n- y\nthree'
    'a **b *c* d** [x^[y]](mailto:a@b.c) [bad](javascript:x)'
    'a * b /* c */ ^[ [x] {{ }} \\'
    $'line\r\nbreak\r\n\r\n- item\r\n'
)
for s in "${snippets[@]}"; do
    printf '%s' "$s" | put "$markup"
done

# --- icc: the shipped profiles, and small hand-made v2/v4 output profiles --------------
icc="$here/corpus/icc"
mkdir -p "$icc"
for f in "$root"/color/*.icc; do
    put "$icc" <"$f"
done
python3 - "$icc" <<'PY'
import hashlib, os, sys
def profile(major, desc):
    if major == 4:
        text = desc.encode("utf-16-be")
        tag = b"mluc\0\0\0\0" + (1).to_bytes(4, "big") + (12).to_bytes(4, "big") + b"enUS"
        tag += len(text).to_bytes(4, "big") + (28).to_bytes(4, "big") + text
    else:
        tag = b"desc\0\0\0\0" + (len(desc) + 1).to_bytes(4, "big") + desc.encode() + b"\0" * 81
    cprt = b"text\0\0\0\0(c) seed\0"
    body = bytearray(128)
    body[8] = major
    body[12:16], body[16:20], body[20:24], body[36:40] = b"prtr", b"CMYK", b"Lab ", b"acsp"
    body += (2).to_bytes(4, "big")
    body += b"desc" + (156).to_bytes(4, "big") + len(tag).to_bytes(4, "big")
    body += b"cprt" + (156 + len(tag)).to_bytes(4, "big") + len(cprt).to_bytes(4, "big")
    body += tag + cprt
    body[0:4] = len(body).to_bytes(4, "big")
    return bytes(body)
for data in (profile(2, "Coated FOGRA39"), profile(4, "PSO Coated v3")):
    open(os.path.join(sys.argv[1], hashlib.sha1(data).hexdigest()), "wb").write(data)
PY

# --- preflight and diff_pdf: the same small PDFs --------------------------------------------
for target in preflight diff_pdf; do
    python3 "$here/seed-pdfs.py" "$here/corpus/$target"
done

# --- xliff and po: the sample profile's and the pack's exports ------------------------------
bin="${MGI_PRESS:-$root/target/release/mgi-press}"
if [ -x "$bin" ]; then
    mkdir -p "$here/corpus/xliff" "$here/corpus/po"
    tmp="$(mktemp -d)"
    for lang in fr ar; do
        for format in xliff po; do
            dir="$here/corpus/$format"
            (cd "$root" && "$bin" i18n export profiles/valdoria --lang "$lang" --format "$format" \
                -o "$tmp/p.$format" && put "$dir" <"$tmp/p.$format") >/dev/null
            (cd "$root" && "$bin" i18n export --pack "$lang" --format "$format" \
                -o "$tmp/k.$format" && put "$dir" <"$tmp/k.$format") >/dev/null
        done
    done
    rm -rf "$tmp"
else
    echo "no $bin: xliff and po not seeded (build it, or set MGI_PRESS)" >&2
fi

for target in markup loader icc preflight diff_pdf xliff po; do
    [ -d "$here/corpus/$target" ] || continue
    echo "$target: $(ls "$here/corpus/$target" | wc -l) seeds in $here/corpus/$target"
done
echo "markup: $(ls "$markup" | wc -l) seeds in $markup"
echo "loader: $(ls "$loader" | wc -l) seeds in $loader"

# --- docx: the sample's review drafts, whole and as their document.xml --------------------
# (needs target/release/mgi-press: `cargo build --release` first; skipped without it)
docx="$here/corpus/docx"
mkdir -p "$docx"
if [ -x "$root/target/release/mgi-press" ]; then
    for lang in en fr ar; do
        out="$(mktemp -d)"
        "$root/target/release/mgi-press" docx export "$root/profiles/valdoria" --lang "$lang" \
            -o "$out/d.docx" --project "$root" 2>/dev/null
        put "$docx" <"$out/d.docx"
        (cd "$out" && unzip -p d.docx word/document.xml) | put "$docx"
        rm -rf "$out"
    done
fi
