#!/usr/bin/env bash
# Lighthouse scores of the real site, on four pages, against the goals.
#
# Builds the site (.venv/bin/mkdocs build --strict) into a temporary directory, serves
# it on 127.0.0.1 (scripts/benchkit.py serve, the one static server like a host: gzip and cache headers; stopped on exit), and runs
# Lighthouse (locked in scripts/lighthouse/) with Debian's Chromium on
#
#   /                                          home
#   /praktijkvoorbeelden/oslostraat-almere/    a case page
#   /praktijkvoorbeelden/?q=wijk               the finder
#   /webinars/                                 webinars
#
# with the mobile default (simulated slow 4G, 4x CPU slowdown) and the desktop preset,
# categories performance, accessibility, best-practices and seo. Prints a Markdown
# table of the scores with the goals (100 for accessibility, best practices and SEO;
# >= 95 for performance) and PASS/MISS, and for every score below its goal the audits
# that fail (id, title, value). A benchmark reports: it always exits 0.
#
# Lighthouse is declared and locked in scripts/lighthouse/package.json and package-lock.json,
# apart from the test tools (the tests never need it); make lighthouse installs it (npm ci).
#
#   scripts/lighthouse.sh                  # mobile and desktop
#   LIGHTHOUSE_PRESETS=mobile scripts/lighthouse.sh
#   LIGHTHOUSE_KEEP=/tmp/lh scripts/lighthouse.sh   # keep the JSON reports there

set -u

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRESETS="${LIGHTHOUSE_PRESETS:-mobile desktop}"
PAGES=(
  "/"
  "/praktijkvoorbeelden/oslostraat-almere/"
  "/praktijkvoorbeelden/?q=wijk"
  "/webinars/"
)
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking"

if [ -x "$ROOT/.venv/bin/python" ]; then PY="$ROOT/.venv/bin/python"; else PY=python3; fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/zodoenwedat-lighthouse-XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 0' INT TERM

say() { printf '%s\n' "$*" >&2; }

# 1. Lighthouse, locked in scripts/lighthouse/ (make lighthouse installs it with npm ci).
LH="$ROOT/scripts/lighthouse/node_modules/.bin/lighthouse"
if [ ! -x "$LH" ]; then
  say "No Lighthouse at $LH: run make lighthouse (it installs the locked version first); nothing measured."
  exit 0
fi
if [ ! -x "$CHROME_PATH" ]; then
  say "No Chromium at $CHROME_PATH (make chromium); nothing measured."
  exit 0
fi

# 2. The real site.
SITE="$WORK/site"
say "Building the site (mkdocs build --strict) into $SITE"
if ! (cd "$ROOT" && NO_MKDOCS_2_WARNING=1 "$ROOT/.venv/bin/mkdocs" build --strict -q -d "$SITE") >&2; then
  say "The site does not build; nothing measured."
  exit 0
fi

# 3. Serve it on a free port.
PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
"$PY" "$ROOT/scripts/benchkit.py" serve "$PORT" "$SITE" >/dev/null 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 50); do
  "$PY" -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$BASE/" 2>/dev/null && break
  sleep 0.2
done

# 4. Lighthouse on every page, per preset.
REPORTS="${LIGHTHOUSE_KEEP:-$WORK/reports}"
mkdir -p "$REPORTS"
LH_VERSION="$("$LH" --version 2>/dev/null)"
for preset in $PRESETS; do
  i=0
  for page in "${PAGES[@]}"; do
    i=$((i + 1))
    out="$REPORTS/$preset-$i.json"
    say "Lighthouse $LH_VERSION ($preset): $page"
    args=()
    [ "$preset" = desktop ] && args+=(--preset=desktop)
    "$LH" "$BASE$page" "${args[@]}" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="$CHROME_FLAGS" \
      --output=json --output-path="$out" --quiet \
      --max-wait-for-load=60000 >/dev/null 2>"$out.log" \
      || say "  Lighthouse failed on $page ($preset): $(tail -n 3 "$out.log")"
  done
done

# 5. The table and the failing audits.
"$PY" - "$REPORTS" "$LH_VERSION" "$PRESETS" "${PAGES[@]}" <<'PYTHON'
import json
import os
import sys
from pathlib import Path

reports, version, presets, pages = Path(sys.argv[1]), sys.argv[2], sys.argv[3].split(), sys.argv[4:]
CATEGORIES = [("performance", "Performance", 95), ("accessibility", "Accessibility", 100),
              ("best-practices", "Best practices", 100), ("seo", "SEO", 100)]
IGNORED_MODES = {"informative", "notApplicable", "manual", "error"}
# What the local server does, not what the site does.
SERVER = {"uses-text-compression", "uses-long-cache-ttl", "cache-insight", "document-latency-insight"}

rows, failing = [], []
for preset in presets:
    for number, page in enumerate(pages, start=1):
        path = reports / f"{preset}-{number}.json"
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            rows.append((page, preset, None))
            continue
        if report.get("runtimeError"):
            rows.append((page, preset, None))
            failing.append((page, preset, "runtime error", [(report["runtimeError"].get("code", ""), report["runtimeError"].get("message", ""), "")]))
            continue
        cats = report["categories"]
        scores = {}
        for key, label, goal in CATEGORIES:
            raw = cats.get(key, {}).get("score")
            score = None if raw is None else round(raw * 100)
            scores[key] = score
            if score is not None and score >= goal:
                continue
            audits = []
            for ref in cats.get(key, {}).get("auditRefs", []):
                audit = report["audits"].get(ref["id"], {})
                if audit.get("scoreDisplayMode") in IGNORED_MODES or audit.get("score") is None:
                    continue
                # Performance: metrics below 0.9 and opportunities/diagnostics that lose points.
                threshold = 0.9 if key == "performance" else 1
                if audit["score"] < threshold and (ref.get("weight", 0) > 0 or key == "performance"):
                    value = audit.get("displayValue", "")
                    items = (audit.get("details") or {}).get("items")
                    items = items if isinstance(items, list) else []
                    where = []
                    for item in items[:3]:
                        node = item.get("node") if isinstance(item, dict) else None
                        if isinstance(node, dict) and node.get("selector"):
                            where.append(node["selector"])
                        elif isinstance(item, dict) and isinstance(item.get("url"), str):
                            where.append(item["url"].split("/", 3)[-1] if "://" in item["url"] else item["url"])
                    extra = "; ".join(x for x in [value, ", ".join(where)] if x)
                    note = " [the local server, not the site: the host's gzip and cache headers decide]" if ref["id"] in SERVER else ""
                    audits.append((ref["id"], audit.get("title", ""), f"{extra} (score {audit['score']:.2f}){note}"))
            failing.append((page, preset, label, audits))
        rows.append((page, preset, scores))

print(f"## Lighthouse {version}: {len(pages)} pages of the real site\n")
print(f"Served by scripts/benchkit.py serve (tests/support/server.py) on 127.0.0.1 (gzip, cache headers), Chromium {os.environ.get('CHROME_PATH')}, "
      f"{os.cpu_count()} CPUs, load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}. "
      "Mobile = Lighthouse's default (simulated slow 4G, 4x CPU slowdown); desktop = --preset=desktop.\n")
header = "| Page | Preset | " + " | ".join(f"{label} (goal {'≥ ' if goal < 100 else ''}{goal})" for _, label, goal in CATEGORIES) + " |"
print(header)
print("|---|---|" + "---:|" * len(CATEGORIES))
for page, preset, scores in rows:
    if scores is None:
        print(f"| `{page}` | {preset} | " + " | ".join("n/a" for _ in CATEGORIES) + " |")
        continue
    cells = []
    for key, _label, goal in CATEGORIES:
        score = scores[key]
        cells.append("n/a" if score is None else f"{score} {'PASS' if score >= goal else 'MISS'}")
    print(f"| `{page}` | {preset} | " + " | ".join(cells) + " |")

if failing:
    print("\n### Below the goal: failing audits\n")
    for page, preset, label, audits in failing:
        print(f"- `{page}` ({preset}), {label}:")
        if not audits:
            print("  - (no single failing audit; the score is a weighted sum of metrics)")
        for audit_id, title, value in audits:
            print(f"  - `{audit_id}`: {title} — {value}")
else:
    print("\nEvery score meets its goal.")
PYTHON
exit 0
