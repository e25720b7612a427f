#!/usr/bin/env bash
# benches/serve-bench.sh — the live preview against a cold build, and its memory over many edits.
#
# Usage (from the repository root):
#
#     bash benches/serve-bench.sh                       # 15 edits, 200 for memory
#     BENCH_EDITS=25 BENCH_RSS_EDITS=200 bash benches/serve-bench.sh
#
# Settings (environment):
#     BENCH_EDITS=15        timed edits, each followed by one cold build (interleaved)
#     BENCH_RSS_EDITS=200   edits in all before the last peak-RSS reading (the first is after 10)
#     BENCH_LANG=en         the document's language
#     MGI_PRESS=path        use this binary instead of building target/release/mgi-press
#
# What it does: copies layouts/, fonts/ and profiles/valdoria to a temporary project, starts
# `mgi-press serve profiles/valdoria --port 0` there and waits for its first pages. Then, per
# timed edit, it rewrites one paragraph of text/<lang>.json (findings.safe.potential.p1, a
# different sentence each time) and measures from the moment the file is written and closed to
# the moment the PNG of a page whose id is new can be fetched (polling /state every 5 ms, then
# GET /page/N); after each edit it times a cold `mgi-press build --force` of the same
# document (a new process) in the same project. Medians and their ratio are printed, then the
# server's peak RSS (VmHWM of /proc/PID/status) after 10 edits and after BENCH_RSS_EDITS.
# HTTP goes through Python's http.client (curl to localhost may be blocked by a sandbox).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${MGI_PRESS:-}" ]; then
    cargo build --release --locked -q
    MGI_PRESS=$PWD/target/release/mgi-press
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/profiles"
cp -r layouts fonts "$tmp/"
cp -r profiles/valdoria "$tmp/profiles/"
cd "$tmp"
MGI_PRESS="$MGI_PRESS" python3 - <<'PY'
import http.client, json, os, statistics, subprocess, sys, time

exe = os.environ["MGI_PRESS"]
lang = os.environ.get("BENCH_LANG", "en")
edits = int(os.environ.get("BENCH_EDITS", "15"))
rss_edits = int(os.environ.get("BENCH_RSS_EDITS", "200"))
text_path = f"profiles/valdoria/text/{lang}.json"
original = json.load(open(text_path, encoding="utf-8"))
base = original["findings"]["safe"]["potential"]["p1"]

server = subprocess.Popen([exe, "serve", "profiles/valdoria", "--lang", lang, "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
port = int(server.stdout.readline().split("127.0.0.1:")[1].split("/")[0])

def get(path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, body

def state():
    return json.loads(get("/state")[1])

def wait_generation(after):
    while True:
        s = state()
        if s["generation"] > after:
            return s
        time.sleep(0.005)

def edit(n):
    """Rewrites the paragraph; returns the time the file was written and closed."""
    t = json.loads(json.dumps(original))
    t["findings"]["safe"]["potential"]["p1"] = f"{base} Edit number {n} adds this sentence."
    with open(text_path, "w", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False, indent=2)
    return time.perf_counter()

def served_after_edit(n, before):
    """Seconds from the write to the new page's PNG fetched; the new state."""
    t0 = edit(n)
    s = wait_generation(before["generation"])
    new = [i for i, pid in enumerate(s["pages"]) if pid not in before["pages"]]
    assert new and not s["failed"], s["problems"]
    status, png = get(f"/page/{new[0] + 1}?id={s['pages'][new[0]]}")
    assert status == 200 and png[:4] == b"\x89PNG"
    global new_pages
    new_pages = [i + 1 for i in new]
    return time.perf_counter() - t0, s, len(new)

def cold_build():
    t0 = time.perf_counter()
    subprocess.run([exe, "build", "profiles/valdoria", "--lang", lang, "--force", "--out", "cold", "-q"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0

def vmhwm():
    for line in open(f"/proc/{server.pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

s = wait_generation(0)
cold_build()  # warm the file cache once, untimed
preview, cold, changed = [], [], []
for n in range(1, edits + 1):
    dt, s, k = served_after_edit(n, s)
    preview.append(dt); changed.append(k)
    cold.append(cold_build())
    print(f"edit {n:3}: preview {dt*1000:6.0f} ms (new pages {new_pages})   cold build {cold[-1]*1000:6.0f} ms", file=sys.stderr)
rss = {}
n = edits
while n < rss_edits:
    n += 1
    _, s, _ = served_after_edit(n, s)
    if n == 10:
        rss[10] = vmhwm()
    if n % 50 == 0:
        print(f"edit {n:3}: VmHWM {vmhwm():.0f} MiB", file=sys.stderr)
rss.setdefault(10, vmhwm())
rss[n] = vmhwm()
server.terminate(); server.wait()

mp, mc = statistics.median(preview), statistics.median(cold)
print(f"language {lang}, {s['pages'].__len__()} pages, {edits} interleaved edits and cold builds")
print(f"| measure | median | min | max |")
print(f"|---|---|---|---|")
print(f"| edit → new page PNG fetched (serve) | {mp*1000:.0f} ms | {min(preview)*1000:.0f} ms | {max(preview)*1000:.0f} ms |")
print(f"| cold `build --force` (new process) | {mc*1000:.0f} ms | {min(cold)*1000:.0f} ms | {max(cold)*1000:.0f} ms |")
print(f"ratio preview / cold build: {mp/mc:.2f} (target ≤ 0.20); pages re-rendered per edit: median {statistics.median(changed)}")
print(f"peak RSS (VmHWM) of serve: after 10 edits {rss[10]:.0f} MiB, after {n} edits {rss[n]:.0f} MiB "
      f"({(rss[n]/rss[10]-1)*100:+.1f} %; target within 10 % and ≤ 300 MiB)")
PY
