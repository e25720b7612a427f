#!/usr/bin/env bash
# Seeds fuzz/corpus/{markup,loader,docx} from the sample files of the repository.
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
