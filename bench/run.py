"""Load benchmark: ``make bench`` (or ``.venv/bin/python bench/run.py --scale 1``).

For each database (SQLite, then PostgreSQL if it answers on 127.0.0.1:5432) this script makes a
fresh bench database, migrates it, loads the demo content, bulk-seeds 3,500 × scale members
(bench/seed.py), counts the queries of each page (bench/probe.py), serves the app under granian
(WSGI, 2 workers, 1 blocking thread) with a production-like environment, and loads each page
with wrk on 127.0.0.1 at concurrency 8 and 32. It prints one table and writes it, with the
budgets of DESIGN.md section 5 and a pass/fail mark beside each row, to bench/RESULTS.md.
It cleans up after itself: granian is stopped and the PostgreSQL bench database dropped.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
VAR = ROOT / "var" / "bench"
LOGS = VAR / "logs"
PY = sys.executable
GRANIAN = str(Path(PY).parent / "granian")
LUA = BENCH / "report.lua"
HOST = "127.0.0.1"

PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "childhub_bench"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_BENCH_DB}"
REDIS_URL = "redis://127.0.0.1:6379/1"
SQLITE_FILE = VAR / "bench.sqlite3"

# DESIGN.md section 5.
BUDGETS: dict[str, dict[str, Any]] = {
    "cached": {"label": "anonymous list or home page, cached per language", "rps": 2000, "p95": 25},
    "detail": {"label": "detail page, uncached (visitor or member)", "rps": 300, "p95": 150},
    "member": {"label": "search, member pages, form posts", "rps": 100, "p95": 400},
}
OVERLOAD_RATIO = 0.90  # c32 throughput ≥ 90 % of c8
OVERLOAD_P99_MS = 1000
HTML_KB = 30
CSS_KB = 30
JS_KB = 20
FIRST_VIEW_KB = 350
WORKER_MB = 150


@dataclass
class Page:
    name: str
    path: str
    member: bool
    budget: str
    expect: str  # text the decompressed page must contain (a sanity check before loading it)


@dataclass
class Run:
    database: str
    page: str
    concurrency: int
    budget: str
    stats: dict[str, Any]
    weight_kb: float
    checks: list[str] = field(default_factory=list)  # failed checks; empty means pass

    @property
    def rps(self) -> float:
        return self.stats["requests"] / (self.stats["duration_us"] / 1e6)

    @property
    def errors(self) -> int:
        s = self.stats
        return s["status"] + s["connect"] + s["read"] + s["write"] + s["timeout"]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


class BenchError(RuntimeError):
    pass


# --- Tools -------------------------------------------------------------------------------


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    log("wrk is missing: apt-get install -y wrk")
    install = ["apt-get", "install", "-y", "wrk"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(install, env=env, capture_output=True, timeout=600).returncode != 0:
        log("install failed: apt-get update, then install again")
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=600)
        subprocess.run(install, env=env, capture_output=True, timeout=600, check=True)
    found = shutil.which("wrk")
    if not found:
        raise BenchError("wrk could not be installed")
    return found


def machine() -> dict[str, str]:
    cpu = "unknown"
    mem = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass

    def version(cmd: list[str]) -> str:
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=20)
            return (out.stdout or out.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "?"

    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": mem,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": version([PY, "-c", "import django; print(django.get_version())"]),
        "granian": version([GRANIAN, "--version"]),
        "wrk": version(["wrk", "-v"]).split(" [")[0],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def run_logged(cmd: list[str], env: dict[str, str], name: str, timeout: int, retries: int = 0) -> str:
    """Run a command, keep its output in var/bench/logs; retry (another engineer may be mid-edit)."""
    LOGS.mkdir(parents=True, exist_ok=True)
    for attempt in range(retries + 1):
        started = time.monotonic()
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
        (LOGS / f"{name}.log").write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)
        if proc.returncode == 0:
            log(f"{name}: ok in {time.monotonic() - started:.1f} s")
            return proc.stdout
        tail = "\n".join((proc.stderr or proc.stdout).strip().splitlines()[-15:])
        log(f"{name}: failed (exit {proc.returncode}):\n{tail}")
        if attempt < retries:
            log("waiting 60 s before trying again")
            time.sleep(60)
    raise BenchError(f"{name} failed; see {LOGS / (name + '.log')}")


# --- Databases ---------------------------------------------------------------------------


def postgres_reachable() -> str | None:
    """None if PostgreSQL answers, else why not."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 (any failure means: skip PostgreSQL)
        return f"PostgreSQL at 127.0.0.1:5432 did not answer ({exc.__class__.__name__}: {str(exc).strip()[:120]})"
    return None


def postgres_recreate(drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, connect_timeout=5, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_BENCH_DB}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{PG_BENCH_DB}"')


def postgres_version() -> str:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, connect_timeout=3) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return str(row[0]).split(" ")[0] if row else "?"


def redis_available() -> bool:
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
        client.ping()
        client.flushdb()  # database 1 belongs to the bench: start with no stale pages or sessions
        return True
    except Exception:  # noqa: BLE001
        return False


def sqlite_reset() -> None:
    VAR.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)


# --- Server ------------------------------------------------------------------------------


def fetch(port: int, path: str, headers: dict[str, str], timeout: float = 10) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


class Server:
    def __init__(self, env: dict[str, str], name: str) -> None:
        self.env = env
        self.name = name
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = LOGS / f"{name}-granian.log"

    def start(self) -> None:
        cmd = [
            GRANIAN, "--interface", "wsgi", "--workers", "2", "--blocking-threads", "1",
            "--host", HOST, "--port", str(self.port), "--log-level", "warning", "config.wsgi:application",
        ]  # fmt: skip
        log(f"granian on {HOST}:{self.port}: {' '.join(cmd[1:])}")
        self.log_file = open(self.log_path, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=self.env, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(f"granian exited ({self.proc.returncode}); see {self.log_path}")
            try:
                status, _h, _b = fetch(self.port, "/healthz", {}, timeout=2)
                if status == 200:
                    log("granian answers /healthz")
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise BenchError("granian did not answer /healthz within 60 s")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)  # granian and its workers (their own group)
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=5)
        except ProcessLookupError:
            pass
        self.log_file.close()
        log("granian stopped")


class RssSampler(threading.Thread):
    """Peak resident memory of each process in the granian tree, sampled twice a second."""

    def __init__(self, root_pid: int) -> None:
        super().__init__(daemon=True)
        self.root_pid = root_pid
        self.peaks: dict[int, int] = {}
        self.cmdlines: dict[int, str] = {}
        self.halt = threading.Event()

    @staticmethod
    def _tree(root: int) -> list[int]:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
        tree, frontier = [root], [root]
        while frontier:
            current = frontier.pop()
            children = [pid for pid, ppid in parents.items() if ppid == current]
            tree += children
            frontier += children
        return tree

    def sample(self) -> None:
        for pid in self._tree(self.root_pid):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                rss_kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
                if pid not in self.cmdlines:
                    self.cmdlines[pid] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
            except (OSError, AttributeError):
                continue
            self.peaks[pid] = max(self.peaks.get(pid, 0), rss_kb)

    def run(self) -> None:
        while not self.halt.is_set():
            self.sample()
            self.halt.wait(0.5)

    def workers(self) -> list[tuple[int, float]]:
        """(pid, peak MB) of the worker processes: the Python children of the granian main process."""
        rows = [
            (pid, kb / 1024)
            for pid, kb in self.peaks.items()
            if pid != self.root_pid and "resource_tracker" not in self.cmdlines.get(pid, "")
        ]
        return sorted(rows)


# --- Load --------------------------------------------------------------------------------


def wrk(port: int, page: Page, headers: dict[str, str], connections: int, seconds: int, threads: int) -> dict[str, Any]:
    cmd = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{seconds}s", "--timeout", "2s", "--latency", "-s", str(LUA)]
    for key, value in headers.items():
        cmd += ["-H", f"{key}: {value}"]
    cmd.append(f"http://{HOST}:{port}{page.path}")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30)
    match = re.search(r"^WRK_JSON (\{.*\})$", proc.stdout, re.M)
    if proc.returncode != 0 or not match:
        raise BenchError(f"wrk failed on {page.path}: {proc.stderr.strip() or proc.stdout.strip()}")
    stats = json.loads(match.group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", proc.stdout)
    stats["non_2xx_3xx"] = int(non2xx.group(1)) if non2xx else 0
    return stats


def page_headers(page: Page, session: tuple[str, str]) -> dict[str, str]:
    headers = {"Accept-Encoding": "gzip", "Accept-Language": "en", "User-Agent": "childhub-bench"}
    if page.member:
        headers["Cookie"] = f"{session[0]}={session[1]}; django_language=en"
    return headers


def check_and_weigh(port: int, page: Page, headers: dict[str, str]) -> dict[str, Any]:
    """Fetch the page once as a browser would: status, compression, HTML and first-view weight."""
    status, response_headers, body = fetch(port, page.path, headers)
    if status != 200:
        where = response_headers.get("location", "")
        raise BenchError(f"{page.name}: {page.path} answered {status} {where} instead of 200")
    compressed = response_headers.get("content-encoding") == "gzip"
    html = gzip.decompress(body).decode() if compressed else body.decode()
    if page.expect not in html:
        raise BenchError(f"{page.name}: the page does not contain {page.expect!r}; is it the right page?")
    assets: dict[str, int] = {}
    css = js = 0
    for url in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html) + re.findall(
        r'<script[^>]+src="([^"]+)"', html
    ):
        if not url.startswith("/"):
            continue
        a_status, a_headers, a_body = fetch(port, url, {"Accept-Encoding": "gzip"})
        assets[url] = len(a_body) if a_status == 200 else -a_status
        if url.endswith(".css"):
            css += len(a_body)
        elif url.endswith(".js"):
            js += len(a_body)
    return {
        "status": status,
        "gzip": compressed,
        "html_kb": len(body) / 1024,
        "html_raw_kb": len(html.encode()) / 1024,
        "css_kb": css / 1024,
        "js_kb": js / 1024,
        "first_view_kb": (len(body) + css + js) / 1024,
        "assets": assets,
        "sets_cookies": response_headers.get("set-cookie", "")[:80],
        "page_cache": response_headers.get("x-page-cache", ""),
    }


def judge(run: Run, c8: Run | None, weight: dict[str, Any]) -> None:
    s = run.stats
    if run.errors:
        run.checks.append(f"{run.errors} errors")
    if not weight["gzip"]:
        run.checks.append("HTML not compressed")
    if weight["html_kb"] > HTML_KB:
        run.checks.append(f"HTML > {HTML_KB} KB")
    if run.concurrency < 32:
        return
    budget = BUDGETS[run.budget]
    if run.rps < budget["rps"]:
        run.checks.append(f"req/s < {budget['rps']}")
    if s["p95"] / 1000 > budget["p95"]:
        run.checks.append(f"p95 > {budget['p95']} ms")
    if s["p99"] / 1000 > OVERLOAD_P99_MS:
        run.checks.append(f"p99 > {OVERLOAD_P99_MS} ms")
    if c8 is not None and run.rps < OVERLOAD_RATIO * c8.rps:
        run.checks.append(f"c32 < 90 % of c8 ({run.rps / c8.rps:.0%})")


def budget_text(run: Run) -> str:
    if run.concurrency < 32:
        return "no errors"
    b = BUDGETS[run.budget]
    return f"≥ {b['rps']:,} req/s, p95 ≤ {b['p95']} ms; ≥ 90 % of c8, p99 ≤ 1 s"


# --- One database ------------------------------------------------------------------------


def bench_database(
    name: str, env: dict[str, str], args: argparse.Namespace, notes: list[str]
) -> tuple[list[Run], dict[str, Any]]:
    info: dict[str, Any] = {"database": name}
    started = time.monotonic()
    manage = [PY, "manage.py"]
    run_logged([*manage, "migrate", "--no-input"], env, f"{name}-migrate", 600, retries=args.retries)
    run_logged([*manage, "createcachetable"], env, f"{name}-createcachetable", 120, retries=args.retries)
    run_logged([*manage, "seed_demo"], env, f"{name}-seed_demo", 600, retries=args.retries)
    seeded_at = time.monotonic()
    out = run_logged([PY, str(BENCH / "seed.py"), "--scale", str(args.scale)], env, f"{name}-seed", 1800)
    seed = json.loads(out.strip().splitlines()[-1])
    info["seed"] = seed
    info["seed_seconds"] = round(time.monotonic() - seeded_at, 1)
    info["setup_seconds"] = round(time.monotonic() - started, 1)
    log(f"{name}: seeded {seed['counts']} in {info['seed_seconds']} s (bulk part {seed['seconds']} s); "
        f"{seed['member_listed']} profiles listed for members, {seed['public_listed']} for visitors")

    pages = [
        Page("home (visitor)", "/en/", False, "cached", "Join ChildHub"),
        Page("directory (visitor)", "/en/members/", False, "cached", "people found"),
        Page("directory (member)", "/en/members/", True, "member", "Bench Member"),
        Page("profile (member)", f"/en/members/{seed['profile_pk']}/", True, "detail", "Bench Member"),
    ]
    spec = {"member_pk": seed["bench_member_pk"], "pages": [{"name": p.name, "path": p.path, "member": p.member} for p in pages]}
    probe = json.loads(run_logged([PY, str(BENCH / "probe.py"), json.dumps(spec)], env, f"{name}-probe", 300).strip().splitlines()[-1])
    info["probe"] = probe
    for page in pages:
        p = probe[page.name]
        log(f"{name}: {page.name}: {p['status']}, {p['queries']} queries ({p['db_ms']} ms in the database)")

    session = (seed["session_cookie"], seed["session_key"])
    server = Server(env, name)
    sampler: RssSampler | None = None
    runs: list[Run] = []
    info["weights"] = {}
    try:
        server.start()
        assert server.proc is not None
        sampler = RssSampler(server.proc.pid)
        sampler.start()
        for page in pages:
            headers = page_headers(page, session)
            weight = check_and_weigh(server.port, page, headers)
            info["weights"][page.name] = weight
            wrk(server.port, page, headers, 8, args.warmup, args.threads)  # warm-up, not reported
            c8: Run | None = None
            for connections in args.concurrency:
                stats = wrk(server.port, page, headers, connections, args.duration, args.threads)
                run = Run(name, page.name, connections, page.budget, stats, weight["html_kb"])
                judge(run, c8 if connections >= 32 else None, weight)
                if connections == 8:
                    c8 = run
                runs.append(run)
                log(
                    f"{name}: {page.name} c{connections}: {run.rps:,.0f} req/s, p50 {stats['p50'] / 1000:.1f} ms, "
                    f"p95 {stats['p95'] / 1000:.1f} ms, p99 {stats['p99'] / 1000:.1f} ms, {run.errors} errors"
                )
        sampler.sample()
    finally:
        if sampler is not None:
            sampler.halt.set()
        server.stop()
    workers = sampler.workers() if sampler else []
    info["workers_mb"] = [round(mb, 1) for _pid, mb in workers]
    info["main_mb"] = round(sampler.peaks.get(server.proc.pid, 0) / 1024, 1) if sampler and server.proc else 0
    return runs, info


# --- Report ------------------------------------------------------------------------------


def fmt_ms(us: float) -> str:
    return f"{us / 1000:.1f}"


def table_rows(runs: list[Run]) -> list[list[str]]:
    rows = []
    for r in runs:
        errors = str(r.errors)
        if r.stats["timeout"]:
            errors += f" ({r.stats['timeout']} timeouts)"
        rows.append([
            r.database, r.page, str(r.concurrency), f"{r.rps:,.0f}", fmt_ms(r.stats["p50"]),
            fmt_ms(r.stats["p95"]), fmt_ms(r.stats["p99"]), errors, f"{r.weight_kb:.1f}",
            budget_text(r), "pass" if not r.checks else "FAIL: " + "; ".join(r.checks),
        ])  # fmt: skip
    return rows


HEADER = ["database", "page", "c", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "weight KB", "budget (DESIGN §5)", "result"]


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADER)]
    line = "  ".join(h.ljust(w) for h, w in zip(HEADER, widths, strict=True))
    print("\n" + line + "\n" + "-" * len(line))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print()


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(out)


def scale_comparison(runs: list[Run], scale: float) -> tuple[list[list[str]], bool] | None:
    """At --scale 10 no figure may be worse than half of the same figure at scale 1."""
    baseline_path = BENCH / "results-scale-1.json"
    if scale == 1 or not baseline_path.exists():
        return None
    base = {(r["database"], r["page"], r["concurrency"]): r for r in json.loads(baseline_path.read_text())["runs"]}
    rows, ok = [], True
    for r in runs:
        b = base.get((r.database, r.page, r.concurrency))
        if not b:
            continue
        b_rps = b["stats"]["requests"] / (b["stats"]["duration_us"] / 1e6)
        fails = []
        if r.rps < 0.5 * b_rps:
            fails.append("req/s")
        for key in ("p50", "p95", "p99"):
            if r.stats[key] > 2 * b["stats"][key]:
                fails.append(key)
        ok = ok and not fails
        rows.append([
            r.database, r.page, str(r.concurrency), f"{b_rps:,.0f} → {r.rps:,.0f}",
            f"{fmt_ms(b['stats']['p95'])} → {fmt_ms(r.stats['p95'])}", "pass" if not fails else "FAIL: " + ", ".join(fails),
        ])  # fmt: skip
    return rows, ok


def write_results(
    runs: list[Run], infos: list[dict[str, Any]], mach: dict[str, str], args: argparse.Namespace,
    notes: list[str], started: dt.datetime, versions: dict[str, str],
) -> Path:
    rows = table_rows(runs)
    when = started.strftime("%Y-%m-%d %H:%M %Z").strip()
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`bench/run.py --scale {args.scale:g}`) on {when}; "
        f"took {(dt.datetime.now(dt.timezone.utc).astimezone() - started).total_seconds() / 60:.1f} min.",
        "",
        f"- Machine: {mach['nproc']} CPUs ({mach['cpu']}), {mach['memory']} RAM, Linux {mach['kernel']}",
        f"- Software: Python {mach['python']}, Django {mach['django']}, {mach['granian']}, {mach['wrk']}"
        + "".join(f", {k} {v}" for k, v in versions.items()),
        f"- Scale {args.scale:g}: " + "; ".join(
            f"{i['database']}: {i['seed']['total_profiles']:,} profiles "
            f"({i['seed']['member_listed']:,} listed for members, {i['seed']['public_listed']:,} for visitors), "
            f"setup {i['setup_seconds']} s of which bulk seeding {i['seed_seconds']} s"
            for i in infos
        ),
        "- Server: granian WSGI `--workers 2 --blocking-threads 1`, DEBUG off, manifest static files, "
        "SQLite with the database cache, PostgreSQL with Redis (cache and sessions) when Redis answers.",
        f"- Load: wrk `-t{args.threads}` on 127.0.0.1, {args.warmup} s warm-up per page, then {args.duration} s at "
        + " and ".join(f"c{c}" for c in args.concurrency)
        + "; every request sends `Accept-Encoding: gzip`; member pages send the bench member's session cookie.",
        "- Not seeded yet: resources, posts, webinars and courses (their apps do not exist yet); "
        "only members and their profiles are at the seed's scale.",
        "",
        "## Throughput and latency",
        "",
        "Budgets are at c32 (DESIGN.md §5); c8 rows only need to be free of errors. "
        "`weight` is the compressed HTML of the page.",
        "",
        markdown_table(HEADER, rows),
        "",
        "## Pages: weight and queries",
        "",
        f"HTML ≤ {HTML_KB} KB compressed and always compressed; CSS ≤ {CSS_KB} KB; JavaScript ≤ {JS_KB} KB; "
        f"first view ≤ {FIRST_VIEW_KB} KB. Queries counted with Django's test Client on the second request "
        "(bench/probe.py).",
        "",
    ]
    weight_rows = []
    for info in infos:
        for page, w in info["weights"].items():
            p = info["probe"][page]
            ok = w["gzip"] and w["html_kb"] <= HTML_KB and w["css_kb"] <= CSS_KB and w["js_kb"] <= JS_KB and w["first_view_kb"] <= FIRST_VIEW_KB
            weight_rows.append([
                info["database"], page, f"{w['html_kb']:.1f} ({w['html_raw_kb']:.0f} raw)", "yes" if w["gzip"] else "NO",
                f"{w['css_kb']:.1f}", f"{w['js_kb']:.1f}", f"{w['first_view_kb']:.1f}", "pass" if ok else "FAIL",
                str(p["queries"]), f"{p['db_ms']}",
                f"{p['most_repeated']['count']}× {p['most_repeated']['sql'][:70]}…" if p["most_repeated"] else "",
            ])  # fmt: skip
    lines.append(markdown_table(
        ["database", "page", "HTML KB gz", "gzip", "CSS KB", "JS KB", "first view KB", "weight", "queries", "db ms", "most repeated query"],
        weight_rows,
    ))
    lines += ["", "## Memory", "", f"Peak resident memory per granian worker during the run; budget ≤ {WORKER_MB} MB.", ""]
    mem_rows = []
    for info in infos:
        worst = max(info["workers_mb"], default=0)
        mem_rows.append([
            info["database"], ", ".join(f"{mb:.0f}" for mb in info["workers_mb"]) or "?", f"{info['main_mb']:.0f}",
            "pass" if info["workers_mb"] and worst <= WORKER_MB else "FAIL",
        ])  # fmt: skip
    lines.append(markdown_table(["database", "workers, peak MB", "granian main process MB", "result"], mem_rows))
    comparison = scale_comparison(runs, args.scale)
    if comparison:
        comp_rows, _ok = comparison
        lines += ["", "## Against scale 1", "", "No figure may be worse than half the scale-1 figure "
                  "(from bench/results-scale-1.json).", ""]
        lines.append(markdown_table(["database", "page", "c", "req/s", "p95 ms", "result"], comp_rows))
    if notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    lines.append("")
    path = BENCH / "RESULTS.md"
    path.write_text("\n".join(lines))
    raw = {
        "date": started.isoformat(), "scale": args.scale, "machine": mach, "notes": notes,
        "runs": [{"database": r.database, "page": r.page, "concurrency": r.concurrency, "stats": r.stats, "checks": r.checks} for r in runs],
        "infos": [{k: v for k, v in i.items() if k != "probe"} | {"queries": {n: p["queries"] for n, p in i["probe"].items()}} for i in infos],
    }  # fmt: skip
    (BENCH / f"results-scale-{args.scale:g}.json").write_text(json.dumps(raw, indent=1, default=str) + "\n")
    VAR.mkdir(parents=True, exist_ok=True)
    (VAR / f"probe-scale-{args.scale:g}.json").write_text(json.dumps([i["probe"] for i in infos], indent=1))
    return path


# --- Main --------------------------------------------------------------------------------


def base_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_MANIFEST="1",
        PYTHONUNBUFFERED="1",
    )
    return env


def _terminate(signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    parser = argparse.ArgumentParser(description="ChildHub load benchmark (see bench/README.md)")
    parser.add_argument("--scale", type=float, default=1.0, help="seed 3,500 × SCALE members")
    parser.add_argument("--databases", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and concurrency")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per page")
    parser.add_argument("--concurrency", default="8,32", help="comma-separated wrk connection counts")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--retries", type=int, default=2, help="retries of manage.py steps, 60 s apart")
    args = parser.parse_args()
    args.concurrency = [int(c) for c in args.concurrency.split(",")]
    signal.signal(signal.SIGTERM, _terminate)
    os.chdir(ROOT)
    started = dt.datetime.now(dt.timezone.utc).astimezone()
    VAR.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)

    ensure_wrk()
    mach = machine()
    log(f"machine: {mach['nproc']} × {mach['cpu']}; scale {args.scale:g}")
    env = base_env()
    run_logged([PY, "manage.py", "collectstatic", "--no-input"], {**env, "DATABASE_URL": f"sqlite:///{SQLITE_FILE}"},
               "collectstatic", 300, retries=args.retries)  # fmt: skip

    runs: list[Run] = []
    infos: list[dict[str, Any]] = []
    notes: list[str] = []
    versions: dict[str, str] = {}
    import sqlite3

    for database in [d.strip() for d in args.databases.split(",") if d.strip()]:
        db_env = dict(env)
        try:
            if database == "sqlite":
                sqlite_reset()
                db_env["DATABASE_URL"] = f"sqlite:///{SQLITE_FILE}"
                versions["SQLite"] = sqlite3.sqlite_version
            elif database == "postgres":
                why = postgres_reachable()
                if why:
                    notes.append(f"PostgreSQL skipped: {why}.")
                    log(notes[-1])
                    continue
                versions["PostgreSQL"] = postgres_version()
                postgres_recreate()
                db_env["DATABASE_URL"] = PG_URL
                if redis_available():
                    db_env["REDIS_URL"] = REDIS_URL
                    notes.append("PostgreSQL runs used Redis (127.0.0.1:6379/1, flushed first) for the cache and sessions.")
                else:
                    notes.append("Redis did not answer: the PostgreSQL runs used the database cache and sessions.")
            else:
                raise BenchError(f"unknown database {database!r}")
            log(f"=== {database} ===")
            db_runs, info = bench_database(database, db_env, args, notes)
            runs += db_runs
            infos.append(info)
        except BenchError as exc:
            notes.append(f"{database}: {exc}")
            log(f"{database}: {exc}")
        finally:
            if database == "postgres" and "DATABASE_URL" in db_env:
                try:
                    postgres_recreate(drop_only=True)
                    log("PostgreSQL bench database dropped")
                except Exception as exc:  # noqa: BLE001
                    log(f"could not drop {PG_BENCH_DB}: {exc}")

    if not runs:
        log("no results")
        for note in notes:
            print(note)
        return 1
    print_table(table_rows(runs))
    for info in infos:
        print(f"{info['database']}: peak RSS per worker {info['workers_mb']} MB (budget {WORKER_MB} MB)")
    path = write_results(runs, infos, mach, args, notes, started, versions)
    log(f"written {path.relative_to(ROOT)}")
    failed = [r for r in runs if r.checks]
    if failed:
        log(f"{len(failed)} of {len(runs)} rows miss their budget")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt as exc:
        log(f"interrupted ({exc}); cleaned up")
        sys.exit(130)
