"""Load benchmark: ``make bench`` (or ``.venv/bin/python bench/run.py --scale 1``).

For each database (SQLite, then PostgreSQL if it answers on 127.0.0.1:5432) this script makes a
fresh bench database, migrates it, loads the demo content, bulk-seeds 3,500 × scale members,
20,000 × scale library resources indexed for search, community posts, 100 × scale webinars and
2,000 × scale learners in the three demo courses (bench/seed.py), counts the queries of each
page (bench/probe.py), serves the app under granian (WSGI, 2 workers, 1 blocking thread) with a
production-like environment, and loads each page with wrk on 127.0.0.1 at concurrency 8 and
32; for the webinar registration burst, 200 members register at the same moment for a webinar
with 100 places, and the database must then hold exactly 100 confirmed and 100 waitlisted
registrations; learners submit a quiz, and every redirect must have stored an attempt; after the
load, a course certificate is issued and its PDF drawn and timed in a process of its own (it
must be drawn in the background, in under 1 s). It prints one table and writes it, with the
budgets of DESIGN.md section 5 and a pass/fail mark beside each row, to bench/RESULTS.md
(bench/RESULTS-scale-<N>.md at other scales). It cleans up after itself: granian is stopped and
the PostgreSQL bench database dropped.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import http.client
import json
import math
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
from urllib.parse import urlencode

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
    # Issue 7: the staff dashboard for one year, judged at c8 (a few staff at once, not a crowd).
    "dashboard": {"label": "staff impact dashboard, one year", "rps": 0, "p95": 500, "at": 8},
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
    rotate: bool = False  # load with the searchers' sessions in turn (per-member rate limits)
    method: str = "GET"  # "POST": a form post, sent as many members to many addresses in turn
    post_paths: list[str] = field(default_factory=list)
    post_data: dict[str, str] = field(default_factory=dict)
    # A one-off burst instead of wrk: each member POSTs once, all at the same moment.
    burst: bool = False
    probe_paths: list[str] = field(default_factory=list)  # where bench/probe.py posts instead
    # Whose sessions post (keys of bench/seed.py's JSON), and what the database must hold after.
    sessions: str = "poster_sessions"
    session_pks: str = "poster_pks"
    quiz_block: str = ""  # a quiz: its attempts are counted (else the community's answers)
    session_key: str = ""  # another signed-in session than the bench member's (a key of the seed)


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
    def noisy(self) -> bool:
        return float(self.stats.get("cpu_other", 0)) > NOISE_CORES

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
    except Exception as exc:
        reason = f"{exc.__class__.__name__}: {str(exc).strip()[:120]}"
        return f"PostgreSQL at 127.0.0.1:5432 did not answer ({reason})"
    return None


def postgres_recreate(drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, connect_timeout=5, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{PG_BENCH_DB}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{PG_BENCH_DB}"')


def postgres_version() -> str:
    """The server's version, and whether autovacuum runs: when it is off (as on the machines
    here), statistics stay as the seed's ANALYZE left them while the runs add rows."""
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, connect_timeout=3) as conn:
        row = conn.execute("SHOW server_version").fetchone()
        autovacuum = conn.execute("SHOW autovacuum").fetchone()
    version = str(row[0]).split(" ")[0] if row else "?"
    return f"{version} (autovacuum {autovacuum[0] if autovacuum else '?'})"


def redis_available() -> bool:
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
        client.ping()
        client.flushdb()  # database 1 belongs to the bench: start with no stale pages or sessions
        return True
    except Exception:
        return False


def sqlite_reset() -> None:
    VAR.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)


# --- Server ------------------------------------------------------------------------------


def fetch(
    port: int, path: str, headers: dict[str, str], timeout: float = 10
) -> tuple[int, dict[str, str], bytes]:
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
            GRANIAN,
            "--interface",
            "wsgi",
            "--workers",
            "2",
            "--blocking-threads",
            "1",
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            "config.wsgi:application",
        ]
        log(f"granian on {HOST}:{self.port}: {' '.join(cmd[1:])}")
        self.log_file = open(self.log_path, "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
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
                    self.cmdlines[pid] = (
                        Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:120]
                    )
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


# --- CPU accounting: is anything else using the machine? --------------------------------

CLK_TCK = os.sysconf("SC_CLK_TCK")
NOISE_CORES = 0.25  # other processes using more than this while measuring make a row unreliable
DB_COMMANDS = {"postgres", "redis-server"}


def _processes() -> dict[int, tuple[int, str, float]]:
    """pid → (parent pid, command, CPU seconds including waited-for children)."""
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            text = (entry / "stat").read_text()
            comm = text[text.index("(") + 1 : text.rindex(")")]
            fields = text.rsplit(")", 1)[1].split()
            cpu = sum(int(f) for f in fields[11:15]) / CLK_TCK  # utime stime cutime cstime
            table[int(entry.name)] = (int(fields[1]), comm, cpu)
        except (OSError, IndexError, ValueError):
            continue
    return table


def _descendants(table: dict[int, tuple[int, str, float]], root: int) -> set[int]:
    found, frontier = {root}, [root]
    while frontier:
        current = frontier.pop()
        children = [pid for pid, (ppid, _c, _t) in table.items() if ppid == current and pid not in found]
        found.update(children)
        frontier += children
    return found


def cpu_snapshot(server_pid: int) -> dict[str, float]:
    """CPU seconds so far by bucket: the server, this script and wrk, the databases (PostgreSQL,
    Redis), kernel threads, every other process, and time stolen by the hypervisor."""
    table = _processes()
    server = _descendants(table, server_pid)
    ours = _descendants(table, os.getpid()) - server
    kernel = _descendants(table, 2)
    buckets = {"server": 0.0, "load": 0.0, "db": 0.0, "kernel": 0.0, "other": 0.0}
    for pid, (_ppid, comm, cpu) in table.items():
        if pid in server:
            buckets["server"] += cpu
        elif pid in ours:
            buckets["load"] += cpu
        elif comm in DB_COMMANDS:
            buckets["db"] += cpu
        elif pid in kernel:
            buckets["kernel"] += cpu
        else:
            buckets["other"] += cpu
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    buckets["steal"] = values[7] / CLK_TCK
    return buckets


class CpuMeter:
    """Cores used over a span by the server, wrk, the databases, and everything else."""

    def __init__(self, server_pid: int) -> None:
        self.server_pid = server_pid
        self.wall = time.monotonic()
        self.start = cpu_snapshot(server_pid)

    def cores(self) -> dict[str, float]:
        wall = time.monotonic() - self.wall
        end = cpu_snapshot(self.server_pid)
        used = {k: max(0.0, end[k] - self.start[k]) / wall for k in end}
        return {
            "cpu_server": round(used["server"], 2),
            "cpu_load": round(used["load"], 2),
            "cpu_db": round(used["db"], 2),
            "cpu_other": round(used["other"] + used["steal"], 2),
        }


class QuietWaiter:
    """Wait (within a total budget) until other processes leave the CPUs alone."""

    def __init__(self, budget_s: float) -> None:
        self.budget = budget_s
        self.waited = 0.0

    def wait(self, server_pid: int) -> float:
        while True:
            meter = CpuMeter(server_pid)
            time.sleep(2)
            cores = meter.cores()
            other = cores["cpu_other"] + cores["cpu_server"] + cores["cpu_db"]
            if other <= NOISE_CORES or self.waited >= self.budget:
                return other
            log(f"the machine is busy ({other:.2f} cores used by other processes); waiting")
            time.sleep(8)
            self.waited += 10


# --- Load --------------------------------------------------------------------------------


# Each wrk thread starts at another place in a list of members (setup() runs in the main script
# for each thread, init() in the thread); without it every thread starts with the first member,
# so the same member sends two requests at the same moment all along.
SPREAD_THREADS_LUA = (
    "-- Thread n starts n × 7919 members further on.\n"
    "local threads = 0\n"
    "setup = function(thread)\n"
    '  thread:set("first_turn", threads * 7919)\n'
    "  threads = threads + 1\n"
    "end\n"
    "init = function(args)\n"
    "  turn = first_turn or 0\n"
    "end\n"
)


def rotating_script(name: str, cookies: list[str], spread_threads: bool = False) -> Path:
    """report.lua plus a request() that sends each of the sessions' cookies in turn (with
    ``spread_threads``, each wrk thread starting at another place in the list)."""
    path = VAR / f"{name}-rotate.lua"
    quoted = ",\n".join(f'  "{cookie}"' for cookie in cookies)
    path.write_text(
        LUA.read_text()
        + "\n-- Each request signs in as the next of many members (per-member rate limits).\n"
        + f"local cookies = {{\n{quoted}\n}}\n"
        + "local turn = 0\n"
        + (SPREAD_THREADS_LUA if spread_threads else "")
        + "request = function()\n"
        + "  turn = turn % #cookies + 1\n"
        + '  wrk.headers["Cookie"] = cookies[turn]\n'
        + "  return wrk.format(nil)\n"
        + "end\n"
    )
    return path


def posting_script(
    name: str, cookies: list[str], paths: list[str], body: str, spread_threads: bool = False
) -> Path:
    """report.lua plus a request() that POSTs a form as the next of many members (each with a
    CSRF cookie and the same token in the form) to the next of many addresses. With
    ``spread_threads``, each wrk thread starts at another place in the list of members (else
    every thread starts with the first member, and the same member posts from two connections
    at the same moment)."""
    path = VAR / f"{name}-post.lua"
    quoted_cookies = ",\n".join(f'  "{cookie}"' for cookie in cookies)
    quoted_paths = ",\n".join(f'  "{address}"' for address in paths)
    path.write_text(
        LUA.read_text()
        + "\n-- Each request posts as the next of many members (10 posts an hour each) to the next address.\n"
        + f"local cookies = {{\n{quoted_cookies}\n}}\n"
        + f"local paths = {{\n{quoted_paths}\n}}\n"
        + f"local body = {json.dumps(body)}\n"
        + "local turn = 0\n"
        + (SPREAD_THREADS_LUA if spread_threads else "")
        + "request = function()\n"
        + "  turn = turn + 1\n"
        + "  local i = (turn - 1) % #cookies + 1\n"
        + '  wrk.headers["Cookie"] = cookies[i]\n'
        + '  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        + '  local token = string.match(cookies[i], "csrftoken=(%w+)")\n'
        + '  local form = "csrfmiddlewaretoken=" .. token .. "&" .. body\n'
        + '  return wrk.format("POST", paths[(turn - 1) % #paths + 1], nil, form)\n'
        + "end\n"
    )
    return path


def post_form(port: int, path: str, headers: dict[str, str], body: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def wrk(
    port: int,
    page: Page,
    headers: dict[str, str],
    connections: int,
    seconds: int,
    threads: int,
    server_pid: int,
    script: Path = LUA,
) -> dict[str, Any]:
    cmd = [
        "wrk",
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "2s",
        "--latency",
        "-s",
        str(script),
    ]
    for key, value in headers.items():
        cmd += ["-H", f"{key}: {value}"]
    cmd.append(f"http://{HOST}:{port}{page.path or page.post_paths[0]}")
    meter = CpuMeter(server_pid)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + 30)
    cpu = meter.cores()
    match = re.search(r"^WRK_JSON (\{.*\})$", proc.stdout, re.M)
    if proc.returncode != 0 or not match:
        raise BenchError(f"wrk failed on {page.path}: {proc.stderr.strip() or proc.stdout.strip()}")
    stats = json.loads(match.group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", proc.stdout)
    stats["non_2xx_3xx"] = int(non2xx.group(1)) if non2xx else 0
    stats.update(cpu)
    return stats


def answer_counts(env: dict[str, str]) -> dict[str, int]:
    out = subprocess.run(
        [PY, str(BENCH / "seed.py"), "--count-answers"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if out.returncode != 0:
        raise BenchError(f"counting answers failed: {out.stderr.strip()[-300:]}")
    return {k: int(v) for k, v in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def verify_posts(
    name: str,
    page: Page,
    env: dict[str, str],
    before: dict[str, int],
    accepted: int,
    runs: list[Run],
    info: dict[str, Any],
) -> None:
    """Were the answers really created, and published? Compare the counts before and after with
    the posts the server answered with a redirect (wrk does not count the requests still in
    flight when it stops, so a few more may be created than counted)."""
    after = answer_counts(env)
    created = {k: after.get(k, 0) - before.get(k, 0) for k in after}
    total = sum(created.values())
    info.setdefault("posts", {})[page.name] = {"accepted": accepted, "created": created}
    log(f"{name}: {page.name}: {accepted} posts answered with a redirect; answers created: {created}")
    problems = []
    if total < accepted:
        problems.append(f"{accepted - total} posted answers missing")
    if total > accepted + 64 * (len(runs) + 1):
        problems.append(f"{total - accepted} more answers than redirects")
    if created.get("held", 0):
        problems.append(f"{created['held']} answers held for moderation")
    for run in runs:
        run.checks += problems


def quiz_counts(env: dict[str, str], block_key: str) -> dict[str, int]:
    out = subprocess.run(
        [PY, str(BENCH / "seed.py"), "--quiz-attempts", block_key],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise BenchError(f"counting quiz attempts failed: {out.stderr.strip()[-300:]}")
    return {k: int(v) for k, v in json.loads(out.stdout.strip().splitlines()[-1]).items()}


def verify_quiz(
    name: str,
    page: Page,
    env: dict[str, str],
    before: dict[str, int],
    accepted: int,
    learners: int,
    runs: list[Run],
    info: dict[str, Any],
) -> None:
    """Was an attempt stored for each submission answered with a redirect? As for the answers,
    a few more may be stored than counted (wrk does not count the requests in flight when it
    stops)."""
    after = quiz_counts(env, page.quiz_block)
    created = after["attempts"] - before["attempts"]
    info.setdefault("posts", {})[page.name] = {
        "accepted": accepted,
        "attempts_stored": created,
        "passed_stored": after["passed"] - before["passed"],
        "learners": learners,
        "per_learner": round(accepted / max(1, learners), 1),
    }
    log(
        f"{name}: {page.name}: {accepted} submissions answered with a redirect; {created} attempts "
        f"stored; {accepted / max(1, learners):.1f} per learner (the app allows "
        f"{QUIZ_LIMIT} per 10 minutes)"
    )
    problems = []
    if created < accepted:
        problems.append(f"{accepted - created} submitted attempts missing")
    if created > accepted + 64 * (len(runs) + 1):
        problems.append(f"{created - accepted} more attempts than redirects")
    for run in runs:
        run.checks += problems


def page_headers(page: Page, session: tuple[str, str]) -> dict[str, str]:
    headers = {"Accept-Encoding": "gzip", "Accept-Language": "en", "User-Agent": "childhub-bench"}
    if page.session_key:
        headers["Cookie"] = f"{session[0]}={page.session_key}; django_language=en"
    elif page.member:
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
        a_status, _a_headers, a_body = fetch(port, url, {"Accept-Encoding": "gzip"})
        assets[url] = len(a_body) if a_status == 200 else -a_status
        if url.endswith(".css"):
            css += len(a_body)
        elif url.endswith(".js"):
            js += len(a_body)
    weight = {
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
    if page.budget == "cached":
        # Does the app serve it from its page cache? Each worker keeps its own copy on SQLite
        # (local memory), so ask a few times: after a miss in each worker, the next one hits.
        for _ in range(6):
            if weight["page_cache"] == "hit":
                break
            _s, again, _b = fetch(port, page.path, headers)
            weight["page_cache"] = again.get("x-page-cache", "")
        weight["cached_by_app"] = weight["page_cache"] == "hit"
    return weight


def check_post(port: int, page: Page, cookie: str, csrf: str) -> dict[str, Any]:
    """Post the form once as a browser would: it must redirect back to the thread."""
    headers = {
        "Accept-Encoding": "gzip",
        "Accept-Language": "en",
        "User-Agent": "childhub-bench",
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    body = urlencode({"csrfmiddlewaretoken": csrf, **page.post_data})
    status, response_headers, raw = post_form(port, page.post_paths[0], headers, body)
    where = response_headers.get("location", "")
    if status != 302 or page.expect not in where:
        raise BenchError(f"{page.name}: {page.post_paths[0]} answered {status} {where} instead of a redirect")
    return {
        "status": status,
        "gzip": None,  # a redirect without a body: not applicable
        "html_kb": len(raw) / 1024,
        "html_raw_kb": len(raw) / 1024,
        "css_kb": 0.0,
        "js_kb": 0.0,
        "first_view_kb": len(raw) / 1024,
        "assets": {},
        "sets_cookies": response_headers.get("set-cookie", "")[:80],
        "page_cache": "",
    }


QUIZ_LIMIT = 30  # courses.views.QUIZ_SUBMISSIONS_PER_10_MINUTES, per member
BURST_TIMEOUT_S = 30  # per request: a burst of a few hundred posts must be over well within this


@dataclass
class Answer:
    status: int = 0  # 0: no answer (see error)
    seconds: float = 0.0
    location: str = ""
    size: int = 0
    error: str = ""  # "connect", "write", "read" or "timeout"


def post_at_once(
    port: int, path: str, cookies: list[str], body: dict[str, str]
) -> tuple[list[Answer], float]:
    """POST the form to ``path`` once as each member (cookie), all at the same moment: every
    connection is opened first, then all requests go out together. Returns the answers and the
    wall time from the start to the last answer."""
    answers = [Answer() for _ in cookies]
    start = threading.Barrier(len(cookies) + 1)

    def post(index: int) -> None:
        cookie = cookies[index]
        token = cookie.split("csrftoken=")[1][:32]
        form = urlencode({"csrfmiddlewaretoken": token, **body})
        headers = {
            "Accept-Encoding": "gzip",
            "Accept-Language": "en",
            "User-Agent": "childhub-bench",
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
        }
        answer = answers[index]
        conn = http.client.HTTPConnection(HOST, port, timeout=BURST_TIMEOUT_S)
        try:
            try:
                conn.connect()
            except OSError:
                answer.error = "connect"
            with contextlib.suppress(threading.BrokenBarrierError):
                start.wait(timeout=60)
            if answer.error:
                return
            sent = time.perf_counter()
            try:
                conn.request("POST", path, body=form, headers=headers)
            except OSError:
                answer.error = "write"
                return
            try:
                response = conn.getresponse()
                answer.size = len(response.read())
            except TimeoutError:
                answer.error = "timeout"
                return
            except (OSError, http.client.HTTPException):
                answer.error = "read"
                return
            answer.seconds = time.perf_counter() - sent
            answer.status = response.status
            answer.location = response.getheader("Location") or ""
        finally:
            conn.close()

    threads = [threading.Thread(target=post, args=(i,), daemon=True) for i in range(len(cookies))]
    for thread in threads:
        thread.start()
    with contextlib.suppress(threading.BrokenBarrierError):
        start.wait(timeout=60)
    began = time.perf_counter()
    for thread in threads:
        thread.join(timeout=BURST_TIMEOUT_S + 30)
    return answers, time.perf_counter() - began


def burst_stats(answers: list[Answer], wall: float) -> dict[str, Any]:
    """The burst in the shape of wrk's figures (report.lua), latencies in microseconds."""
    answered = sorted(a.seconds * 1e6 for a in answers if a.status)

    def percentile(q: float) -> float:
        if not answered:
            return 0.0
        return answered[min(len(answered) - 1, max(0, math.ceil(q / 100 * len(answered)) - 1))]

    errors = {kind: sum(a.error == kind for a in answers) for kind in ("connect", "read", "write", "timeout")}
    return {
        "requests": len(answered),
        "duration_us": wall * 1e6,
        "bytes": sum(a.size for a in answers),
        **errors,
        "status": sum(a.status >= 400 for a in answers),
        "p50": percentile(50),
        "p90": percentile(90),
        "p95": percentile(95),
        "p99": percentile(99),
        "max": answered[-1] if answered else 0.0,
        "mean": sum(answered) / len(answered) if answered else 0.0,
        "non_2xx_3xx": sum(a.status >= 400 for a in answers),
    }


def webinar_registrations(env: dict[str, str], pk: int) -> dict[str, Any]:
    out = subprocess.run(
        [PY, str(BENCH / "seed.py"), "--webinar-registrations", str(pk)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        raise BenchError(f"counting registrations failed: {out.stderr.strip()[-300:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run_worker(env: dict[str, str], name: str) -> float:
    """Run the background worker over every task waiting (as ``make run`` runs it, but exiting
    when none is left); returns the wall time, the start of its process included."""
    started = time.monotonic()
    run_logged([PY, "manage.py", "db_worker", "--batch", "--no-startup-delay"], env, name, 600)
    return time.monotonic() - started


def registration_burst(
    name: str,
    port: int,
    server_pid: int,
    page: Page,
    seed: dict[str, Any],
    env: dict[str, str],
    quiet: QuietWaiter,
    info: dict[str, Any],
) -> tuple[Run, dict[str, Any]]:
    """Many members register at the same moment for a webinar with fewer places (200 for 100 by
    default), each once, with a real session and CSRF token; then the database must hold exactly
    as many confirmed registrations as places, everyone else on the waiting list, and no member
    twice."""
    webinar_path = page.expect  # where every registration redirects to: the webinar's page
    pk = int(webinar_path.rstrip("/").rsplit("/", 1)[1])
    capacity = int(seed["webinar_burst_capacity"])

    def member(key: str) -> str:
        return f"{seed['session_cookie']}={key}; csrftoken={secrets.token_hex(16)}; django_language=en"

    members = [member(key) for key in seed["webinar_burst_sessions"]]
    if len(members) <= capacity:
        raise BenchError(f"{page.name}: only {len(members)} members for {capacity} places")
    # The first member sees the webinar with every place free and the form to register.
    headers = {"Accept-Encoding": "gzip", "Accept-Language": "en", "User-Agent": "childhub-bench"}
    status, response_headers, body = fetch(port, webinar_path, {**headers, "Cookie": members[0]})
    html = (
        gzip.decompress(body).decode()
        if response_headers.get("content-encoding") == "gzip"
        else body.decode()
    )
    form = f'action="{page.post_paths[0]}"'
    if status != 200 or f"{capacity} places left" not in html or form not in html:
        where = response_headers.get("location", "")
        raise BenchError(
            f"{page.name}: {webinar_path} answered {status} {where} without {capacity} free places "
            "and the form to register"
        )
    before = webinar_registrations(env, pk)
    if before["by_status"]:
        raise BenchError(f"{page.name}: webinar {pk} has registrations already: {before['by_status']}")
    # Warm-up: a few other members register at once for the probe's webinar (the same code).
    warm_members = [member(key) for key in seed["poster_sessions"][100:116]]
    warm, _wall = post_at_once(port, page.probe_paths[0], warm_members, page.post_data)
    if any(a.status != 302 for a in warm):
        raise BenchError(
            f"{page.name}: warm-up registrations answered {sorted({a.status or a.error for a in warm})}"
        )
    # Each member has the webinar's page open, as one has before pressing "Register" (their
    # session's first page records that they accepted the policies in force; the burst is not
    # a crowd of first page views).
    for cookie in members[1:]:
        status, _h, _b = fetch(port, webinar_path, {**headers, "Cookie": cookie})
        if status != 200:
            raise BenchError(f"{page.name}: {webinar_path} answered {status} to a member before the burst")
    # The registrants' messages are written by the background worker. What earlier rows left for
    # it (notifications of the posts) is done first, so that it is timed on the burst's alone.
    run_worker(env, f"{name}-worker-before")
    quiet.wait(server_pid)
    meter = CpuMeter(server_pid)
    answers, wall = post_at_once(port, page.post_paths[0], members, page.post_data)
    stats = burst_stats(answers, wall)
    stats.update(meter.cores())
    after = webinar_registrations(env, pk)
    worker_s = run_worker(env, f"{name}-worker")
    messages = webinar_registrations(env, pk)["messages"]
    by_status = after["by_status"]
    statuses: dict[str, int] = {}
    for a in answers:
        key = str(a.status) if a.status else a.error
        statuses[key] = statuses.get(key, 0) + 1
    redirected = sum(a.status == 302 and a.location.endswith(webinar_path) for a in answers)
    server_errors = sum(a.status >= 500 for a in answers)
    problems = []
    if by_status.get("confirmed", 0) != capacity:
        problems.append(f"{by_status.get('confirmed', 0)} confirmed, not {capacity}")
    if by_status.get("waitlisted", 0) != len(members) - capacity:
        problems.append(f"{by_status.get('waitlisted', 0)} waitlisted, not {len(members) - capacity}")
    others = {k: v for k, v in by_status.items() if k not in ("confirmed", "waitlisted")}
    if others:
        problems.append(f"other registrations: {others}")
    if after["members"] != len(members):
        problems.append(f"{after['members']} members registered, not {len(members)}")
    if after["members_with_two_active"]:
        problems.append(f"{after['members_with_two_active']} members registered twice")
    if server_errors:
        problems.append(f"{server_errors} server errors (5xx)")
    if redirected != len(members):
        problems.append(f"{len(members) - redirected} answers other than a redirect to the webinar")
    if messages.get("successful", 0) != len(members):
        problems.append(f"messages written by the worker: {messages}, not {len(members)}")
    size_kb = max((a.size for a in answers), default=0) / 1024
    weight: dict[str, Any] = {
        "status": 302,
        "gzip": None,  # a redirect without a body: not applicable
        "html_kb": size_kb,
        "html_raw_kb": size_kb,
        "css_kb": 0.0,
        "js_kb": 0.0,
        "first_view_kb": size_kb,
        "assets": {},
        "sets_cookies": "",
        "page_cache": "",
    }
    run = Run(name, page.name, len(members), page.budget, stats, weight["html_kb"])
    judge(run, None, weight)
    run.checks += problems
    info.setdefault("posts", {})[page.name] = {
        "members": len(members),
        "places": capacity,
        "wall_s": round(wall, 3),
        "answers": statuses,
        "registrations": by_status,
        "members_registered": after["members"],
        "members_with_two_active": after["members_with_two_active"],
        "messages": messages,
        "worker_s": round(worker_s, 2),
        "problems": problems,
    }
    log(
        f"{name}: {page.name}: {len(members)} members at once for {capacity} places in {wall:.2f} s: "
        f"answers {statuses}; registrations {by_status}; "
        f"{after['members_with_two_active']} members registered twice; "
        f"the worker wrote the messages ({messages}) in {worker_s:.1f} s"
        + (f"; PROBLEMS: {'; '.join(problems)}" if problems else "")
    )
    return run, weight


COURSE_PAGES = {
    "course catalogue (visitor)",
    "course catalogue (member)",
    "lesson page (member)",
    "submit a quiz (member)",
}
CERTIFICATE_BUDGET_MS = 1000  # the issue: drawing a certificate's PDF takes under 1 s, in the background


def certificate_timing(name: str, env: dict[str, str]) -> dict[str, Any]:
    """Issue a course certificate and time drawing its PDF, in a process with the server's
    environment (bench/seed.py --certificate-timing), after the load (granian stopped)."""
    out = run_logged([PY, str(BENCH / "seed.py"), "--certificate-timing"], env, f"{name}-certificate", 300)
    timing: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    problems = []
    if timing.get("error"):
        problems.append(timing["error"])
    else:
        if timing["drawn_in_request"]:
            problems.append("the PDF was drawn while issuing (in the learner's request)")
        if not timing["enqueued"] and "django_tasks_db" in timing["task_backend"]:
            problems.append("drawing the PDF was not enqueued")
        if max(timing["median_ms"], timing.get("logo_median_ms", 0)) >= CERTIFICATE_BUDGET_MS:
            problems.append(f"median draw ≥ {CERTIFICATE_BUDGET_MS} ms")
        log(
            f"{name}: certificate of {timing['course']!r} ({timing['language']}): issued in "
            f"{timing['issue_ms']} ms, {timing['enqueued']} task enqueued ({timing['task_backend']}); "
            f"PDF ({timing['pdf_kb']} KB) drawn in {timing['first_ms']} ms the first time, then median "
            f"{timing['median_ms']} ms of {timing['draws']} (max {timing['max_ms']} ms); with "
            f"{timing.get('logos', 0)} logos ({timing.get('logo_pdf_kb')} KB): median "
            f"{timing.get('logo_median_ms')} ms (max {timing.get('logo_max_ms')} ms)"
        )
    timing["problems"] = problems
    return timing


def judge(run: Run, c8: Run | None, weight: dict[str, Any]) -> None:
    s = run.stats
    if run.errors:
        run.checks.append(f"{run.errors} errors")
    if weight["gzip"] is False:
        run.checks.append("HTML not compressed")
    if weight["html_kb"] > HTML_KB:
        run.checks.append(f"HTML > {HTML_KB} KB")
    budget = BUDGETS[run.budget]
    at = budget.get("at", 32)
    if run.concurrency < at:
        return
    # At the budget's concurrency (c32, or c8 for the dashboard). A one-off burst (c200) is
    # overload, judged by the overload row alone (decision 0016).
    if run.concurrency == at:
        if run.budget == "cached" and weight.get("cached_by_app") is False:
            run.checks.append("not cached by the app (no X-Page-Cache: hit)")
        if run.rps < budget["rps"]:
            run.checks.append(f"req/s < {budget['rps']}")
        if s["p95"] / 1000 > budget["p95"]:
            run.checks.append(f"p95 > {budget['p95']} ms")
    if at == 32 and s["p99"] / 1000 > OVERLOAD_P99_MS:
        run.checks.append(f"p99 > {OVERLOAD_P99_MS} ms")
    if run.concurrency >= 32 and c8 is not None and run.rps < OVERLOAD_RATIO * c8.rps:
        run.checks.append(f"c32 < 90 % of c8 ({run.rps / c8.rps:.0%})")


def budget_text(run: Run) -> str:
    b = BUDGETS[run.budget]
    if b.get("at") == 8:
        return f"p95 ≤ {b['p95']} ms" if run.concurrency == 8 else "≥ 90 % of c8"
    if run.concurrency < 32:
        return "no errors"
    if run.concurrency > 32:  # a one-off burst is overload (decision 0016); no c8 row to compare with
        return "overload: no errors, p99 ≤ 1 s; exactly the places confirmed"
    return f"≥ {b['rps']:,} req/s, p95 ≤ {b['p95']} ms; ≥ 90 % of c8, p99 ≤ 1 s"


# --- One database ------------------------------------------------------------------------


def bench_database(
    name: str, env: dict[str, str], args: argparse.Namespace, quiet: QuietWaiter
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
    log(
        f"{name}: seeded {seed['counts']} in {info['seed_seconds']} s (bulk part {seed['seconds']} s); "
        f"{seed['member_listed']} profiles listed for members, {seed['public_listed']} for visitors"
    )

    pages = [
        Page("home (visitor)", "/en/", False, "cached", "Join ChildHub"),
        Page("directory (visitor)", "/en/members/", False, "cached", "people found"),
        Page("directory (member)", "/en/members/", True, "member", "Bench Member"),
        Page("profile (member)", f"/en/members/{seed['profile_pk']}/", True, "detail", "Bench Member"),
        Page(
            "library, 2 facets (visitor)",
            f"/en/library/?{seed['library_facets']}",
            False,
            "cached",
            "resources",
        ),
        Page("resource (member)", f"/en/library/{seed['resource_pk']}/", True, "detail", "Bench Member"),
        Page(
            "search, common word (member)",
            f"/en/library/?q={seed['common_word']}",
            True,
            "member",
            "found",
            rotate=True,
        ),
        Page(
            "search, rare word (member)",
            f"/en/library/?q={seed['rare_word']}",
            True,
            "member",
            "found",
            rotate=True,
        ),
    ]
    pages += [
        Page("community list (visitor)", "/en/community/", False, "cached", "replies"),
        Page(
            "question with 50 answers (member)",
            f"/en/community/questions/{seed['question_pk']}/",
            True,
            "detail",
            "50 answers",
        ),
        Page(
            "post an answer (member)",
            "",
            True,
            "member",
            "/en/community/questions/",
            method="POST",
            post_paths=[f"/en/community/{pk}/reply/" for pk in seed["answer_targets"]],
            post_data={"body": seed["answer_body"]},
        ),
    ]
    webinar, burst = seed["webinar_pk"], seed["webinar_burst_pk"]
    pages += [
        Page("webinar list (visitor)", "/en/webinars/", False, "cached", "places left"),
        Page("webinar list (member)", "/en/webinars/", True, "member", "My calendar"),
        Page(
            "webinar page (member)",
            f"/en/webinars/{webinar}/",
            True,
            "detail",
            f'action="/en/webinars/{webinar}/register/"',  # signed in, and may register
        ),
        Page(
            "webinar registration burst (member)",
            "",
            True,
            "member",
            f"/en/webinars/{burst}/",
            method="POST",
            burst=True,
            post_paths=[f"/en/webinars/{burst}/register/"],
            probe_paths=[f"/en/webinars/{seed['webinar_probe_pk']}/register/"],
        ),
    ]
    if seed.get("course_lesson_path"):
        pages += [
            Page("course catalogue (visitor)", seed["course_catalogue_path"], False, "cached", "Languages:"),
            Page("course catalogue (member)", seed["course_catalogue_path"], True, "member", "Enrolled"),
            Page(
                "lesson page (member)",
                seed["course_lesson_path"],
                True,
                "detail",
                f'action="{seed["course_quiz_path"]}"',  # enrolled, with the quiz to answer
                # Opening a lesson locks the learner's enrolment and records the visit: many
                # learners on this lesson in turn (the searchers), not one 32 times at once.
                rotate=True,
            ),
            Page(
                "submit a quiz (member)",
                "",
                True,
                "member",
                f"{seed['course_lesson_path']}?attempt=",  # back to the lesson, with the graded attempt
                method="POST",
                post_paths=[seed["course_quiz_path"]],
                post_data=seed["course_quiz_data"],
                sessions="course_learner_sessions",
                session_pks="course_learner_pks",
                quiz_block=seed["course_quiz_block"],
            ),
        ]
    pages += [
        # The seed's "3,500 members" at scale 1: the page must show every seeded account.
        Page(
            "impact page (visitor)",
            "/en/impact/",
            False,
            "cached",
            f"<strong>{seed['impact_members']:,}</strong>",
        ),
        Page(
            "impact dashboard, one year (staff)",
            "/en/impact/dashboard/",
            True,
            "dashboard",
            "Donor report (PDF)",
            session_key=seed["staff_session"],
        ),
    ]
    log(f"{name}: the impact figures of one year computed in {seed['impact_report_ms']} ms (uncached)")
    info["impact_report_ms"] = seed["impact_report_ms"]
    if args.only:  # rerun some pages (bench/README.md: "Rerunning noisy rows")
        pages = [p for p in pages if any(part in p.name for part in args.only)]
    spec = {
        "member_pk": seed["bench_member_pk"],
        "pages": [
            {"name": p.name, "path": p.path, "member": p.member}
            | ({"session": [seed["session_cookie"], p.session_key]} if p.session_key else {})
            | (
                {
                    "method": "POST",
                    "paths": p.probe_paths or p.post_paths,
                    "data": p.post_data,
                    "posters": seed[p.session_pks],
                }
                if p.method == "POST"
                else {}
            )
            for p in pages
        ],
    }
    probe = json.loads(
        run_logged([PY, str(BENCH / "probe.py"), json.dumps(spec)], env, f"{name}-probe", 300)
        .strip()
        .splitlines()[-1]
    )
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
            if page.burst:
                run, weight = registration_burst(
                    name, server.port, server.proc.pid, page, seed, env, quiet, info
                )
                info["weights"][page.name] = weight
                runs.append(run)
                s = run.stats
                log(
                    f"{name}: {page.name} c{run.concurrency}: {run.rps:,.0f} req/s, "
                    f"p50 {s['p50'] / 1000:.1f} ms, p95 {s['p95'] / 1000:.1f} ms, "
                    f"p99 {s['p99'] / 1000:.1f} ms, {run.errors} errors; "
                    f"cores: server {s['cpu_server']}, wrk {s['cpu_load']}, db {s['cpu_db']}, "
                    f"other {s['cpu_other']}"
                )
                continue
            headers = page_headers(page, session)
            script = LUA
            before: dict[str, int] = {}
            if page.method == "POST":
                cookies = [
                    f"{session[0]}={key}; csrftoken={secrets.token_hex(16)}; django_language=en"
                    for key in seed[page.sessions]
                ]
                headers.pop("Cookie", None)
                before = quiz_counts(env, page.quiz_block) if page.quiz_block else answer_counts(env)
                weight = check_post(server.port, page, cookies[-1], cookies[-1].split("csrftoken=")[1][:32])
                script = posting_script(
                    name,
                    cookies[:-1],
                    page.post_paths,
                    urlencode(page.post_data),
                    # Quiz submissions lock the learner's enrolment: one member, one post at a time.
                    spread_threads=bool(page.quiz_block),
                )
            else:
                weight = check_and_weigh(server.port, page, headers)
            info["weights"][page.name] = weight
            if page.rotate:
                cookies = [f"{session[0]}={key}; django_language=en" for key in seed["searcher_sessions"]]
                # A lesson's visit locks the learner's enrolment: one learner, one request at a time.
                script = rotating_script(name, cookies, spread_threads=page.name in COURSE_PAGES)
            quiet.wait(server.proc.pid)
            accepted = 1 if page.method == "POST" else 0  # the check's post
            warm = wrk(server.port, page, headers, 8, args.warmup, args.threads, server.proc.pid, script)
            accepted += warm["requests"] - warm["non_2xx_3xx"]
            c8: Run | None = None
            for connections in args.concurrency:
                stats = wrk(
                    server.port,
                    page,
                    headers,
                    connections,
                    args.duration,
                    args.threads,
                    server.proc.pid,
                    script,
                )
                accepted += stats["requests"] - stats["non_2xx_3xx"]
                run = Run(name, page.name, connections, page.budget, stats, weight["html_kb"])
                judge(run, c8 if connections >= 32 else None, weight)
                if connections == 8:
                    c8 = run
                runs.append(run)
                log(
                    f"{name}: {page.name} c{connections}: {run.rps:,.0f} req/s, "
                    f"p50 {stats['p50'] / 1000:.1f} ms, p95 {stats['p95'] / 1000:.1f} ms, "
                    f"p99 {stats['p99'] / 1000:.1f} ms, {run.errors} errors; "
                    f"cores: server {stats['cpu_server']}, wrk {stats['cpu_load']}, db {stats['cpu_db']}, "
                    f"other {stats['cpu_other']}"
                )
            if page.method == "POST" and page.quiz_block:
                measured = runs[-len(args.concurrency) :]
                verify_quiz(name, page, env, before, accepted, len(cookies), measured, info)
            elif page.method == "POST":
                verify_posts(name, page, env, before, accepted, runs[-len(args.concurrency) :], info)
        sampler.sample()
    finally:
        if sampler is not None:
            sampler.halt.set()
        server.stop()
    if any(page.name in COURSE_PAGES for page in pages):
        info["certificate"] = certificate_timing(name, env)
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
        rows.append(
            [
                r.database,
                r.page,
                str(r.concurrency),
                f"{r.rps:,.0f}",
                fmt_ms(r.stats["p50"]),
                fmt_ms(r.stats["p95"]),
                fmt_ms(r.stats["p99"]),
                errors,
                f"{r.weight_kb:.1f}",
                " / ".join(f"{r.stats.get(k, 0):.2f}" for k in ("cpu_server", "cpu_db", "cpu_other"))
                + (" noisy" if r.noisy else ""),
                budget_text(r),
                "pass" if not r.checks else "FAIL: " + "; ".join(r.checks),
            ]
        )
    return rows


HEADER = [
    "database",
    "page",
    "c",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "errors",
    "weight KB",
    "cores app/db/other",
    "budget (DESIGN §5)",
    "result",
]


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
    base = {
        (r["database"], r["page"], r["concurrency"]): r for r in json.loads(baseline_path.read_text())["runs"]
    }
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
        rows.append(
            [
                r.database,
                r.page,
                str(r.concurrency),
                f"{b_rps:,.0f} → {r.rps:,.0f}",
                f"{fmt_ms(b['stats']['p95'])} → {fmt_ms(r.stats['p95'])}",
                "pass" if not fails else "FAIL: " + ", ".join(fails),
            ]
        )
    return rows, ok


def write_results(
    runs: list[Run],
    infos: list[dict[str, Any]],
    mach: dict[str, str],
    args: argparse.Namespace,
    notes: list[str],
    started: dt.datetime,
    versions: dict[str, str],
) -> Path:
    rows = table_rows(runs)
    when = started.strftime("%Y-%m-%d %H:%M %Z").strip()
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`bench/run.py --scale {args.scale:g}`) on {when}; "
        f"took {(dt.datetime.now(dt.UTC).astimezone() - started).total_seconds() / 60:.1f} min.",
        "",
        f"- Code: commit {mach.get('code', '?')} at the start of the run",
        f"- Machine: {mach['nproc']} CPUs ({mach['cpu']}), {mach['memory']} RAM, Linux {mach['kernel']}",
        f"- Software: Python {mach['python']}, Django {mach['django']}, {mach['granian']}, {mach['wrk']}"
        + "".join(f", {k} {v}" for k, v in versions.items()),
        f"- Scale {args.scale:g}: "
        + "; ".join(
            f"{i['database']}: {i['seed']['total_profiles']:,} profiles "
            f"({i['seed']['member_listed']:,} listed for members, "
            f"{i['seed']['public_listed']:,} for visitors), "
            f"{i['seed']['counts'].get('resources', 0):,} resources "
            f"(indexed in {i['seed']['counts'].get('index_seconds', '?')} s), "
            + (
                f"{i['seed']['counts']['webinars']:,} webinars with "
                f"{i['seed']['counts'].get('registrations', 0):,} registrations, "
                if i["seed"]["counts"].get("webinars")
                else ""
            )
            + (
                f"{i['seed']['counts']['course_learners']:,} learners in 3 courses "
                f"({i['seed']['counts'].get('course_enrolments', 0):,} enrolments, "
                f"{i['seed']['counts'].get('course_completed', 0):,} completed, "
                f"{i['seed']['counts'].get('lesson_progress', 0):,} lessons opened or done, "
                f"{i['seed']['counts'].get('quiz_attempts', 0):,} quiz attempts), "
                if i["seed"]["counts"].get("course_learners")
                else ""
            )
            + f"setup {i['setup_seconds']} s of which bulk seeding {i['seed_seconds']} s"
            for i in infos
        ),
        "- Server: granian WSGI `--workers 2 --blocking-threads 1`, DEBUG off, manifest static files, "
        "SQLite with the database cache, PostgreSQL with Redis (cache and sessions) when Redis answers.",
        f"- Load: wrk `-t{args.threads}` on 127.0.0.1, {args.warmup} s warm-up per page, "
        f"then {args.duration} s at "
        + " and ".join(f"c{c}" for c in args.concurrency)
        + "; every request sends `Accept-Encoding: gzip`; "
        "member pages send the bench member's session cookie.",
        "- Members (with their profiles), library resources (indexed for search), community posts, "
        "webinars and the learners of the three demo courses are at the seed's scale. The search pages "
        "are loaded with the sessions of "
        + ", ".join(
            f"{i['seed'].get('searchers') or len(i['seed'].get('searcher_sessions', []))}" for i in infos[:1]
        )
        + " members in turn (library search is limited to 60 a minute per member).",
        "",
        "## Throughput and latency",
        "",
        "Budgets are at c32 (DESIGN.md §5); c8 rows only need to be free of errors. "
        "`weight` is the compressed HTML of the page. `cores`: CPU used while the row was measured by "
        "granian (app), by PostgreSQL and Redis (db), and by any other process (other; hypervisor steal "
        "included, wrk and kernel threads excluded); with other above "
        f"{NOISE_CORES} the row is marked noisy and its figures understate the app "
        "(rerun on a quiet machine).",
        "",
        markdown_table(HEADER, rows),
        "",
        "## Pages: weight and queries",
        "",
        f"HTML ≤ {HTML_KB} KB compressed and always compressed; CSS ≤ {CSS_KB} KB; JavaScript ≤ {JS_KB} KB; "
        f"first view ≤ {FIRST_VIEW_KB} KB. Queries (and writes among them) counted with Django's test Client "
        "on the second request (bench/probe.py); `app ms` is the median time of the page in-process, "
        "without the server: 2 workers on 2 cores cannot serve more than 2,000 / app ms req/s; "
        "`cold ms` is the first request, with the caches empty.",
        "",
    ]
    weight_rows = []
    for info in infos:
        for page, w in info["weights"].items():
            p = info["probe"].get(page, {})
            ok = (
                w["gzip"] is not False
                and w["html_kb"] <= HTML_KB
                and w["css_kb"] <= CSS_KB
                and w["js_kb"] <= JS_KB
                and w["first_view_kb"] <= FIRST_VIEW_KB
            )
            weight_rows.append(
                [
                    info["database"],
                    page,
                    f"{w['html_kb']:.1f} ({w['html_raw_kb']:.0f} raw)",
                    "n/a (redirect)" if w["gzip"] is None else "yes" if w["gzip"] else "NO",
                    f"{w['css_kb']:.1f}",
                    f"{w['js_kb']:.1f}",
                    f"{w['first_view_kb']:.1f}",
                    "pass" if ok else "FAIL",
                    str(p.get("queries", "?")),
                    str(p.get("writes", "")),
                    *(f"{p[k]:.1f}" if k in p else "?" for k in ("db_ms", "app_ms", "cold_ms")),
                    f"{p['most_repeated']['count']}× `{p['most_repeated']['sql'][:70]}…`"
                    if p.get("most_repeated")
                    else "",
                ]
            )
    lines.append(
        markdown_table(
            [
                "database",
                "page",
                "HTML KB gz",
                "gzip",
                "CSS KB",
                "JS KB",
                "first view KB",
                "weight",
                "queries",
                "writes",
                "db ms",
                "app ms",
                "cold ms",
                "most repeated query",
            ],
            weight_rows,
        )
    )
    lines += [
        "",
        "## Memory",
        "",
        f"Peak resident memory per granian worker during the run; budget ≤ {WORKER_MB} MB.",
        "",
    ]
    mem_rows = []
    for info in infos:
        worst = max(info["workers_mb"], default=0)
        mem_rows.append(
            [
                info["database"],
                ", ".join(f"{mb:.0f}" for mb in info["workers_mb"]) or "?",
                f"{info['main_mb']:.0f}",
                "pass" if info["workers_mb"] and worst <= WORKER_MB else "FAIL",
            ]
        )
    lines.append(
        markdown_table(["database", "workers, peak MB", "granian main process MB", "result"], mem_rows)
    )
    bursts = burst_rows(runs, infos)
    if bursts:
        lines += [
            "",
            "## Webinar registration burst",
            "",
            "Members with a session and a CSRF token, each having opened the webinar's page, "
            "register once, all at the same moment "
            "(every connection opened first), for an upcoming webinar with fewer places; then the "
            "database must hold exactly as many confirmed registrations as places, everyone else on "
            "the waiting list, nobody twice, and no answer may be a server error. req/s is the "
            "members over the wall time from the first request sent to the last answer. The "
            "confirmation e-mails (with the .ics) are written by the background worker, not in the "
            "request: after the burst, the worker is run over them (`db_worker --batch`, having "
            "first done what earlier rows left), and `worker s` is its wall time, its start "
            "included; every message must be written.",
            "",
        ]
        lines.append(
            markdown_table(
                [
                    "database",
                    "members at once",
                    "places",
                    "wall s",
                    "req/s",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "answers",
                    "confirmed",
                    "waitlisted",
                    "registered twice",
                    "messages written",
                    "worker s",
                    "result",
                ],
                bursts,
            )
        )
    lines += course_sections(infos)
    comparison = scale_comparison(runs, args.scale)
    if comparison:
        comp_rows, _ok = comparison
        lines += [
            "",
            "## Against scale 1",
            "",
            "No figure may be worse than half the scale-1 figure (from bench/results-scale-1.json).",
            "",
        ]
        lines.append(markdown_table(["database", "page", "c", "req/s", "p95 ms", "result"], comp_rows))
    given_notes = list(dict.fromkeys(notes))  # kept in the raw figures without the line below
    noisy = [r for r in runs if r.noisy]
    notes = given_notes
    if noisy:
        notes = [
            *notes,
            f"{len(noisy)} of {len(runs)} rows were measured while other processes used the CPUs "
            "(see `other cores`); those figures are not the app's.",
        ]
    if notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in notes]
    lines.append("")
    # Scale 1 is the reference (README quotes it); other scales get their own file beside it.
    path = BENCH / ("RESULTS.md" if args.scale == 1 else f"RESULTS-scale-{args.scale:g}.md")
    path.write_text("\n".join(lines))
    raw = {
        "date": started.isoformat(),
        "scale": args.scale,
        "machine": mach,
        "notes": given_notes,
        "runs": [
            {
                "database": r.database,
                "page": r.page,
                "concurrency": r.concurrency,
                "budget": r.budget,
                "stats": r.stats,
                "checks": r.checks,
            }
            for r in runs
        ],
        "infos": [
            {k: v for k, v in i.items() if k not in {"probe", "seed", "probe_summary"}}
            | {
                "seed": {
                    k: v
                    for k, v in i["seed"].items()
                    if k
                    not in {
                        "session_key",
                        "searcher_sessions",
                        "poster_sessions",
                        "poster_pks",
                        "answer_targets",
                        "webinar_burst_sessions",
                        "course_learner_sessions",
                        "course_learner_pks",
                    }
                }
                | {"searchers": i["seed"].get("searchers") or len(i["seed"].get("searcher_sessions", []))}
            }
            | {"queries": {n: p.get("queries") for n, p in i["probe"].items()}}
            # What RESULTS.md shows of the probe, so that --only can merge without var/bench.
            | {
                "probe_summary": {
                    n: {k: v for k, v in p.items() if k != "queries_sql"} for n, p in i["probe"].items()
                }
            }
            for i in infos
        ],
    }
    (BENCH / f"results-scale-{args.scale:g}.json").write_text(json.dumps(raw, indent=1, default=str) + "\n")
    VAR.mkdir(parents=True, exist_ok=True)
    (VAR / f"probe-scale-{args.scale:g}.json").write_text(json.dumps([i["probe"] for i in infos], indent=1))
    return path


# --- Rerunning some rows -----------------------------------------------------------------


def merge_previous(
    runs: list[Run], infos: list[dict[str, Any]], scale: float
) -> tuple[list[Run], list[dict[str, Any]]]:
    """The previous run's rows and page figures at this scale, with the rows measured now instead."""
    raw_path = BENCH / f"results-scale-{scale:g}.json"
    probe_path = VAR / f"probe-scale-{scale:g}.json"
    if not raw_path.exists():
        log("no previous run at this scale to merge with: writing only the rows measured now")
        return runs, infos
    raw = json.loads(raw_path.read_text())
    if probe_path.exists():
        probes = json.loads(probe_path.read_text())
    else:  # a fresh checkout: what the raw figures kept of the probe (at least the query counts)
        log(f"{probe_path.relative_to(ROOT)} is missing: the previous page figures come from {raw_path.name}")
        probes = [
            info.get("probe_summary") or {page: {"queries": n} for page, n in info.get("queries", {}).items()}
            for info in raw["infos"]
        ]
    previous = {
        info["database"]: {**info, "probe": probe} for info, probe in zip(raw["infos"], probes, strict=True)
    }
    budgets = {r.page: r.budget for r in runs}
    by_database = {info["database"]: info for info in infos}
    for database, old in previous.items():
        new = by_database.get(database)
        if new is None:
            infos.append(old)
            continue
        for page, weight in old["weights"].items():
            if page not in new["weights"]:
                new["weights"][page] = weight
                new["probe"][page] = old["probe"].get(page, {})
        for page, checked in old.get("posts", {}).items():  # the verification of posts not made now
            new.setdefault("posts", {}).setdefault(page, checked)
        if old.get("certificate") and not new.get("certificate"):
            new["certificate"] = old["certificate"]
        # Keep the previous order of pages, and the higher memory peaks (of all pages, not some).
        new["weights"] = {page: new["weights"][page] for page in [*old["weights"], *new["weights"]]}
        if old.get("workers_mb") and new.get("workers_mb"):
            new["workers_mb"] = [
                max(a, b) for a, b in zip(sorted(old["workers_mb"]), sorted(new["workers_mb"]), strict=False)
            ]
        new["main_mb"] = max(old.get("main_mb", 0), new.get("main_mb", 0))
    measured = {(r.database, r.page, r.concurrency): r for r in runs}
    merged: list[Run] = []
    for row in raw["runs"]:
        key = (row["database"], row["page"], row["concurrency"])
        if key in measured:
            merged.append(measured.pop(key))
            continue
        weight = previous[row["database"]]["weights"][row["page"]]["html_kb"]
        budget = row.get("budget") or budgets.get(row["page"]) or _budget_of(row["page"])
        merged.append(
            Run(row["database"], row["page"], row["concurrency"], budget, row["stats"], weight, row["checks"])
        )
    order = [*previous, *(i["database"] for i in infos if i["database"] not in previous)]
    infos.sort(key=lambda info: order.index(info["database"]))
    return merged + list(measured.values()), infos


def burst_rows(runs: list[Run], infos: list[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for info in infos:
        for page, burst in info.get("posts", {}).items():
            if "places" not in burst:
                continue  # the posted answers, checked by verify_posts
            run = next((r for r in runs if (r.database, r.page) == (info["database"], page)), None)
            if run is None:
                continue
            registered = burst["registrations"]
            rows.append(
                [
                    info["database"],
                    str(burst["members"]),
                    str(burst["places"]),
                    f"{burst['wall_s']:.2f}",
                    f"{run.rps:,.0f}",
                    fmt_ms(run.stats["p50"]),
                    fmt_ms(run.stats["p95"]),
                    fmt_ms(run.stats["p99"]),
                    ", ".join(f"{n}× {status}" for status, n in sorted(burst["answers"].items())),
                    str(registered.get("confirmed", 0)),
                    str(registered.get("waitlisted", 0)),
                    str(burst["members_with_two_active"]),
                    # Runs before the worker wrote the messages kept no such figures.
                    str(burst.get("messages", {}).get("successful", "–")),
                    f"{burst['worker_s']:.1f}" if "worker_s" in burst else "–",
                    "pass" if not burst["problems"] else "FAIL: " + "; ".join(burst["problems"]),
                ]
            )
    return rows


def course_sections(infos: list[dict[str, Any]]) -> list[str]:
    """RESULTS.md: what the quiz submissions stored, and the certificate's timing."""
    lines: list[str] = []
    quiz_rows = [
        [
            info["database"],
            f"{posted['accepted']:,}",
            f"{posted['attempts_stored']:,}",
            f"{posted['passed_stored']:,}",
            f"{posted['learners']:,}",
            f"{posted['per_learner']:.1f} (limit {QUIZ_LIMIT} per 10 minutes)",
        ]
        for info in infos
        for page, posted in info.get("posts", {}).items()
        if "attempts_stored" in posted
    ]
    if quiz_rows:
        lines += [
            "",
            "## Quiz submissions",
            "",
            "`submit a quiz (member)` posts the right answers to one quiz (the lesson page's) as the "
            "next of the learners part-way through its course, each with a session and a CSRF token; "
            "every answer must be a redirect to the lesson with the graded attempt, and afterwards the "
            "database must hold an attempt for each redirect (a few more are allowed: wrk does not count "
            "the requests in flight when it stops). A learner's first pass also completes the lesson.",
            "",
            markdown_table(
                [
                    "database",
                    "redirects",
                    "attempts stored",
                    "of them passed",
                    "learners in turn",
                    "submissions per learner",
                ],
                quiz_rows,
            ),
        ]
    rows = []
    for info in infos:
        c = info.get("certificate")
        if not c:
            continue
        if c.get("error"):
            rows.append([info["database"], *[""] * 9, "FAIL: " + c["error"]])
            continue
        for logos in (False, True):
            if logos and "logo_median_ms" not in c:
                continue
            k = "logo_" if logos else ""
            rows.append(
                [
                    info["database"],
                    f"{c['course']} ({c['language']}; {c['signatories']} signatories; "
                    + (f"{c['logos']} logos drawn for the bench)" if logos else "no logos, as seeded)"),
                    f"{c['issue_ms']:.1f}",
                    "yes" if c["drawn_in_request"] else "no",
                    f"{c['enqueued']} ({c['task_backend'].split('.')[0]})",
                    f"{c[k + 'first_ms']:.0f}" + ("" if logos else " (new process)"),
                    f"{c[k + 'median_ms']:.1f} ({c[k + 'median_cpu_ms']:.1f} CPU)",
                    f"{c[k + 'max_ms']:.1f}",
                    f"{c[k + 'pdf_kb']:.1f}",
                    f"< {CERTIFICATE_BUDGET_MS / 1000:g} s, in the background",
                    ("pass" if not c["problems"] else "FAIL: " + "; ".join(c["problems"]))
                    + (
                        f" (a new worker's first draw: {c['first_ms'] / 1000:.2f} s)"
                        if not logos and c["first_ms"] >= CERTIFICATE_BUDGET_MS
                        else ""
                    ),
                ]
            )
    if rows:
        lines += [
            "",
            "## Course certificate (PDF)",
            "",
            "In a process with the server's environment, after the load (bench/seed.py "
            "--certificate-timing): the certificate of a course a bench learner completed a moment ago "
            "is issued as completing its last lesson issues it (`courses.certificates."
            "issue_for_enrolment`, in the learner's request): a row, and drawing its PDF enqueued "
            "through django-tasks (`records.tasks.render_certificate`) once the transaction commits, "
            "not drawn then. Then the PDF is drawn as the background worker draws it "
            "(`records.actions.render_certificate_pdf`: reportlab, the fonts, a QR code, stored in the "
            "media storage): the first draw in the process (loading reportlab and the fonts, and the "
            "URLconf for the verification address, which takes most of it, as a new worker's first "
            "task does), then the median and the longest of "
            f"{next((i['certificate'].get('draws', 10) for i in infos if i.get('certificate')), 10)} "
            "more; then again with a logo for the issuer and the co-issuer (a 600 × 240 PNG each, "
            "drawn for the bench in a temporary media folder: the demo's organisations have none), "
            "its first draw loading the image decoder. The issuing columns are the same issue.",
            "",
            markdown_table(
                [
                    "database",
                    "certificate",
                    "issued in the request, ms",
                    "PDF drawn in the request",
                    "tasks enqueued",
                    "first draw ms",
                    "median draw ms",
                    "max ms",
                    "PDF KB",
                    "budget",
                    "result",
                ],
                rows,
            ),
        ]
    return lines


def _budget_of(page: str) -> str:
    if page.startswith("impact dashboard"):
        return "dashboard"
    if "(visitor)" in page:
        return "cached"
    if page.startswith(("profile", "resource", "question", "webinar page", "lesson page")):
        return "detail"
    return "member"


# --- Main --------------------------------------------------------------------------------


def code_version() -> str:
    """The commit measured, and whether the work tree differed from it (others may be editing)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(
            [
                "git",
                "--no-optional-locks",
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                "childhub",
                "config",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    except OSError:
        return "unknown"
    changed = len([line for line in dirty.stdout.splitlines() if line.strip()])
    return head.stdout.strip() + (
        f" with {changed} uncommitted changed files in childhub/ and config/" if changed else ""
    )


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


PROVENANCE = ("Rows of pages matching ", "The rows kept from the previous run", "The rows not measured again")


def provenance_notes(previous: list[str], only: list[str]) -> list[str]:
    """The previous run's notes on when (and where) the rows kept were measured, without those
    about rows measured again now."""
    kept = []
    for note in previous:
        if not note.startswith(PROVENANCE):
            continue
        if note.startswith(PROVENANCE[0]):
            parts = re.findall(r"'([^']*)'", note.split(" were measured")[0])
            if parts and set(parts) <= set(only):
                continue
        kept.append(note)
    return kept


def _terminate(signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main() -> int:
    parser = argparse.ArgumentParser(description="ChildHub load benchmark (see bench/README.md)")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="seed 3,500 × SCALE members and 20,000 × SCALE resources"
    )
    parser.add_argument("--databases", default="sqlite,postgres", help="comma-separated: sqlite, postgres")
    parser.add_argument("--duration", type=int, default=10, help="seconds per page and concurrency")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of warm-up per page")
    parser.add_argument("--concurrency", default="8,32", help="comma-separated wrk connection counts")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--quiet-wait",
        type=int,
        default=300,
        help="seconds in all to wait for other processes to leave the CPUs alone",
    )
    parser.add_argument("--retries", type=int, default=2, help="retries of manage.py steps, 60 s apart")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated parts of page names to measure (e.g. 'search,resource'); the other "
        "rows are kept from the last run at this scale and the tables are written again",
    )
    args = parser.parse_args()
    args.concurrency = [int(c) for c in args.concurrency.split(",")]
    args.only = [part.strip() for part in args.only.split(",") if part.strip()]
    signal.signal(signal.SIGTERM, _terminate)
    os.chdir(ROOT)
    started = dt.datetime.now(dt.UTC).astimezone()
    VAR.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)

    ensure_wrk()
    mach = machine()
    log(f"machine: {mach['nproc']} × {mach['cpu']}; scale {args.scale:g}")
    env = base_env()
    run_logged(
        [PY, "manage.py", "collectstatic", "--no-input"],
        {**env, "DATABASE_URL": f"sqlite:///{SQLITE_FILE}"},
        "collectstatic",
        300,
        retries=args.retries,
    )

    runs: list[Run] = []
    infos: list[dict[str, Any]] = []
    notes: list[str] = []
    versions: dict[str, str] = {}
    quiet = QuietWaiter(args.quiet_wait)
    mach["code"] = code_version()
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
                    notes.append(
                        "PostgreSQL runs used Redis (127.0.0.1:6379/1, flushed first) "
                        "for the cache and sessions."
                    )
                else:
                    notes.append(
                        "Redis did not answer: the PostgreSQL runs used the database cache and sessions."
                    )
            else:
                raise BenchError(f"unknown database {database!r}")
            log(f"=== {database} ===")
            db_runs, info = bench_database(database, db_env, args, quiet)
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
                except Exception as exc:
                    log(f"could not drop {PG_BENCH_DB}: {exc}")

    if not runs:
        log("no results")
        for note in notes:
            print(note)
        return 1
    if args.only:
        previous_path = BENCH / f"results-scale-{args.scale:g}.json"
        if previous_path.exists():
            previous = json.loads(previous_path.read_text())
            notes += provenance_notes(previous.get("notes", []), args.only)
            before = previous.get("machine", {})
            if before and before.get("cpu") != mach["cpu"]:
                other = ", ".join(
                    [
                        f"{before.get('nproc', '?')} × {before.get('cpu', '?')}",
                        f"Linux {before.get('kernel', '?')}",
                    ]
                )
                notes.append(
                    f"The rows kept from the previous run were measured on another machine ({other})."
                )
        runs, infos = merge_previous(runs, infos, args.scale)
        notes.append(
            "Rows of pages matching " + ", ".join(repr(part) for part in args.only) + " were measured again "
            f"on {started.strftime('%Y-%m-%d %H:%M %Z')}; the others are from the previous run."
        )
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
