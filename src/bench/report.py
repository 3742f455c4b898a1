"""Writes the benchmark's Markdown report from run.sh's results.

    python3 report.py <results.jsonl> <report.md> "<settings>"

Every figure is a median over the interleaved rounds; a ratio is the median of the rounds' own
ratios (framework and baseline measured back to back in the same round, so a change in the machine's
load touches both).
"""
import datetime
import json
import os
import statistics
import subprocess
import sys

results_path, report_path, settings = sys.argv[1], sys.argv[2], sys.argv[3]
TICK = os.sysconf("SC_CLK_TCK")
# Targets, framework/baseline requests per second; the export's is an absolute MB/s.
TARGETS = {"get-one": 0.95, "get-page": 0.95, "post": 0.8}
EXPORT_TARGET_MBS = 50
NAMES = {
    "floor": "GET a constant object (the floor)",
    "get-one": "GET one post, JSON",
    "get-page": "GET a page of 100, JSON",
    "get-yaml": "GET one post, YAML",
    "post": "POST a post, Basic auth",
}
ERRORS = ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")

PLATFORMS = {"payara": "Payara Micro", "wildfly": "WildFly 39"}

rows = [json.loads(line) for line in open(results_path) if line.strip()]
# Another server's measurements are their own endpoints and formats ("get-one@wildfly"), so every
# table compares the framework with the baseline on one server and lists the servers side by side.
for r in rows:
    platform = r.get("platform", "payara")
    for key in ("endpoint", "format"):
        if key in r and platform != "payara":
            r[key] += "@" + platform
http = [r for r in rows if r["kind"] == "http"]
exports = [r for r in rows if r["kind"] == "export"]
servers = [r for r in rows if r["kind"] == "server"]


def label(name):
    """An endpoint's or format's name for people, with its server when that is not Payara Micro."""
    base, _, platform = name.partition("@")
    return NAMES.get(base, base) + (f" ({PLATFORMS.get(platform, platform)})" if platform else "")


def median(values):
    return statistics.median(values) if values else float("nan")


def http_figures(r):
    w = r["wrk"]
    return {
        "rps": w["requests"] / w["duration_us"] * 1e6,
        "p50": w["p50_us"] / 1e3,
        "p99": w["p99_us"] / 1e3,
        "cpu": r["cpu_ticks"] * 1000 / TICK / max(1, w["requests"]),
        "errors": sum(w[k] for k in ERRORS),
        "load": sum(r["load"]) / len(r["load"]),
    }


def export_figures(r):
    return {
        "rows_s": r["rows"] / r["seconds"],
        "mb_s": r["bytes"] / 1e6 / r["seconds"],
        "cpu": r["cpu_ticks"] / TICK,
        "cpu_us_row": r["cpu_ticks"] * 1e6 / TICK / r["rows"],
        "seconds": r["seconds"],
        "bytes": r["bytes"],
        "rows": r["rows"],
        "load": sum(r["load"]) / len(r["load"]),
    }


def paired(records, key, value, figures):
    """Each round's figures of both implementations, for the records whose key has that value."""
    by_round = {}
    for r in records:
        if r[key] == value:
            by_round.setdefault(r["round"], {})[r["impl"]] = figures(r)
    return [p for p in by_round.values() if "framework" in p and "baseline" in p]


def header(title, columns, numbers):
    """A section title and a table's header: two text columns, then numbers."""
    w(f"## {title}\n")
    w(f"| {columns} |")
    w("|---|---|" + "---:|" * numbers)


def medians(records, key, values, figures):
    """Per value and implementation: the figures of every round and their medians."""
    for value in values:
        for impl in ("framework", "baseline"):
            found = [figures(r) for r in records if r[key] == value and r["impl"] == impl]
            if found:
                yield value, impl, found, {k: median([f[k] for f in found]) for k in found[0]}


def java_version():
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
        return out.splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


out = []
w = out.append
rounds = sorted({r["round"] for r in http + exports})
w("# Piston EE benchmark: the framework against a hand-written JAX-RS + JPA baseline\n")
w(f"- When: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; "
  f"{os.cpu_count()} cores; {java_version()}; on 127.0.0.1")
w(f"- Settings: {settings}; {len(rounds)} interleaved rounds")
w("- Every figure is the median over the rounds; a ratio is the median of each round's "
  "framework/baseline ratio. CPU-ms per request is the server's CPU time (every thread: GC, JIT "
  "included) over the requests served; the client (wrk) runs on the same cores.\n")

if http:
    endpoints = list(dict.fromkeys(r["endpoint"] for r in http))
    header("HTTP endpoints", "Endpoint | Implementation | Requests/s | p50 ms | p99 ms | Server CPU-ms/request | "
           "Errors | Load avg", 6)
    for name, impl, figures, m in medians(http, "endpoint", endpoints, http_figures):
        errors = sum(f["errors"] for f in figures)
        w(f"| {label(name)} | {impl} | {m['rps']:,.0f} | {m['p50']:.2f} | {m['p99']:.2f} | "
          f"{m['cpu']:.3f} | {errors} | {m['load']:.1f} |")
    w("\n| Endpoint | Framework/baseline requests/s | Baseline/framework CPU per request | Target | Met |")
    w("|---|---:|---:|---:|---|")
    for name in endpoints:
        pairs = paired(http, "endpoint", name, http_figures)
        rps = median([p["framework"]["rps"] / p["baseline"]["rps"] for p in pairs])
        cpu = median([p["baseline"]["cpu"] / p["framework"]["cpu"] for p in pairs])
        target = TARGETS.get(name.partition("@")[0])
        met = "—" if target is None else ("yes" if rps >= target else "**no**")
        w(f"| {label(name)} | {rps:.3f} | {cpu:.3f} | {'—' if target is None else f'≥ {target}'} | {met} |")
    w("")

if any(r["endpoint"].startswith("floor") for r in http):
    # Where each endpoint's CPU goes: the server's own (the baseline floor: plain JAX-RS, a constant
    # object), the work written by hand above it (database, JSON), and what the framework adds above
    # the hand-written version. For the floor itself the framework's part is its fixed pipeline.
    def floor_of(name):
        """The baseline floor on the server an endpoint was measured on."""
        at = name.partition("@")[2]
        key = "floor@" + at if at else "floor"
        return median([http_figures(r)["cpu"] for r in http if r["endpoint"] == key and r["impl"] == "baseline"])

    header("Where the CPU goes", "Endpoint | Server floor CPU-ms | Hand-written work above the floor | "
           "Framework above hand-written | Framework total | Server's share of it", 4)
    for name in endpoints:
        pairs = paired(http, "endpoint", name, http_figures)
        framework = median([p["framework"]["cpu"] for p in pairs])
        baseline = median([p["baseline"]["cpu"] for p in pairs])
        added = median([p["framework"]["cpu"] - p["baseline"]["cpu"] for p in pairs])
        floor = floor_of(name)
        w(f"| {label(name)} | {floor:.3f} | {baseline - floor:+.3f} | {added:+.3f} | {framework:.3f} | "
          f"{floor / framework:.0%} |")
    w("")

if exports:
    formats = list(dict.fromkeys(r["format"] for r in exports))
    header("Export of every post", "Format | Implementation | Rows | Bytes | Seconds | Rows/s | MB/s | Server CPU s | "
           "CPU µs/row | Load avg", 8)
    for fmt, impl, figures, m in medians(exports, "format", formats, export_figures):
        w(f"| {label(fmt)} | {impl} | {m['rows']:,.0f} | {m['bytes']:,.0f} | {m['seconds']:.1f} | {m['rows_s']:,.0f} | "
          f"{m['mb_s']:.1f} | {m['cpu']:.1f} | {m['cpu_us_row']:.2f} | {m['load']:.1f} |")
    w(f"\n| Format | Framework/baseline rows/s | Baseline/framework CPU | Framework MB/s | Target | Met |")
    w("|---|---:|---:|---:|---:|---|")
    for fmt in formats:
        pairs = paired(exports, "format", fmt, export_figures)
        speed = median([p["framework"]["rows_s"] / p["baseline"]["rows_s"] for p in pairs])
        cpu = median([p["baseline"]["cpu"] / p["framework"]["cpu"] for p in pairs])
        mbs = median([p["framework"]["mb_s"] for p in pairs])
        met = "yes" if mbs >= EXPORT_TARGET_MBS else "**no**"
        w(f"| {label(fmt)} | {speed:.3f} | {cpu:.3f} | {mbs:.1f} | ≥ {EXPORT_TARGET_MBS} MB/s | {met} |")
    w("")

if servers:
    w("## Servers\n")
    w("| Server | Measurements | Heap | Peak RSS (VmHWM) |")
    w("|---|---|---|---:|")
    for s in servers:
        platform = PLATFORMS.get(s.get("platform", "payara"), s.get("platform"))
        w(f"| {platform} | {s['server']} | -Xmx{s['heap']} | {s['peak_rss_kb'] / 1024:,.0f} MB |")
    w("")

if http or exports:
    w("## Every round\n")
    w("| Round | Measurement | Implementation | Requests/s or rows/s | Server CPU | Load avg |")
    w("|---:|---|---|---:|---:|---:|")
    for r in http:
        f = http_figures(r)
        w(f"| {r['round']} | {label(r['endpoint'])} | {r['impl']} | {f['rps']:,.0f} | "
          f"{f['cpu']:.3f} ms/request | {f['load']:.1f} |")
    for r in exports:
        f = export_figures(r)
        w(f"| {r['round']} | export {label(r['format'])} | {r['impl']} | {f['rows_s']:,.0f} | {f['cpu']:.1f} s | {f['load']:.1f} |")
    w("")

with open(report_path, "w") as report:
    report.write("\n".join(out))
