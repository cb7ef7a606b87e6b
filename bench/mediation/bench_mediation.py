#!/usr/bin/env python3
"""Mediation KPIs over many disputes and mediator suggestions over 1,000 mediators (issue 6's benchmark).

Starts identity-service, mediation-service and the gateway from copies of this checkout's jars on their own
ports (IDENTITY_SERVICE_PORT, MEDIATION_SERVICE_PORT, GATEWAY_PORT; 38090, 38082, 38080 by default, never the
suite's) with demo data and a fresh data directory (or --data-dir, reused: a seeded directory is not seeded
again). grid-service is not started (mediation-service works without it). mediation-service seeds at start
--disputes bench disputes (fengqiao.mediation.bench.disputes: bulk inserts of disputes walked through the
workflow, counted as they go) and --mediators mediators of one organisation (fengqiao.mediation.bench.mediators).

Then, as demo-commander:
  1. the KPIs (overview of all disputes, one county, one organisation, 12 months) and the suggestions for a
     dispute of the 1,000-mediator organisation, each sent sequentially on one keep-alive connection (--warmup
     untimed, --requests timed), direct to the service and through the gateway, with mediation-service's CPU
     time per request;
  2. wrk through the gateway on each of them at each of --connections (closed loop), and on each of them
     paced at --rate requests/s (wrk's delay() per connection: the latency at that offered rate, not the queue
     a closed loop builds);
  3. the KPI figures checked against a recount: every dispute read from mediation-service's store (its embedded
     MongoDB, through pymongo) and counted here, independently of the service's counters;
  4. with --restart: mediation-service stopped cleanly and started again (the counters loaded), then killed
     (kill -9) and started again (the counters rebuilt from a recount), each start timed to readiness, and the
     KPIs checked against the recount once more.
Prints a table, stops what it started. BENCH_JARS_DIR=DIR runs the jars of DIR (e.g. copies of an older
build) instead of this checkout's. Needs wrk and pymongo (Debian: apt-get install python3-pymongo; run.sh
picks a python3 that has it).

  bench/mediation/run.sh [--disputes 100000] [--mediators 1000] [--requests 200] [--warmup 50]
                         [--connections 8,64] [--wrk-seconds 10] [--rate 100] [--restart] [--data-dir DIR]
"""
import argparse
import datetime
import http.client
import math
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = REPO / "bench"
# bench/bench.py reads the ports when imported: these defaults keep clear of a suite on the default ports
for variable, port in {"IDENTITY_SERVICE_PORT": "38090", "MEDIATION_SERVICE_PORT": "38082",
                       "GATEWAY_PORT": "38080"}.items():
    os.environ.setdefault(variable, port)
sys.path.insert(0, str(BENCH_DIR))
import bench as harness  # noqa: E402  (bench/bench.py: HTTP helpers, tokens, wrk output, /proc figures)

VERSION = "0.1.0-SNAPSHOT"
SERVICES = ("identity-service", "mediation-service", "gateway")
PORTS = {service: harness.PORTS[service] for service in SERVICES}
# services not started: their URLs point at ports nothing listens on (mediation-service tolerates grid down)
ABSENT = ("grid-service", "public-service", "overseas-service")
JAVA_OPTS = os.environ.get("BENCH_JAVA_OPTS", harness.BENCH_JAVA_OPTS)
# mediation-service's own heap, after JAVA_OPTS (the later option wins): the embedded store keeps its disputes on
# the heap, about 5 KB each, so 100,000 disputes do not fit in the suite's 256 MB
MEDIATION_OPTS = os.environ.get("MEDIATION_SERVICE_JAVA_OPTS", "-Xms1g -Xmx2g")
BENCH_ORGANISATION = "org-331122-bench"  # DemoSeed.BENCH_ORGANISATION
OPEN = {"REGISTERED", "ACCEPTED", "ASSIGNED", "IN_MEDIATION"}  # DisputeStatus.OPEN
# the jars to run: this checkout's (default) or those of BENCH_JARS_DIR (e.g. copies of an older build, to compare)
JARS_DIR = os.environ.get("BENCH_JARS_DIR")


def jar_of(service):
    if JARS_DIR:
        return Path(JARS_DIR) / f"{service}-{VERSION}.jar"
    return REPO / service / "target" / f"{service}-{VERSION}.jar"


def say(message):
    print(f"[bench-mediation {time.strftime('%H:%M:%S')}] {message}", flush=True)


def url(service, path=""):
    return f"http://127.0.0.1:{PORTS[service]}{path}"


class Suite:
    """The three JVMs, each from a copy of its jar (a build during the run does not pull it from under the JVM)."""

    def __init__(self, work, data_dir, secret):
        self.work, self.data_dir, self.secret = work, data_dir, secret
        self.logs = work / "logs"
        self.logs.mkdir(exist_ok=True)
        self.processes = {}
        self.starts = {}

    def start(self, service, extra_opts=()):
        env = {k: v for k, v in os.environ.items() if k != "SPRING_MONGODB_URI"}
        env.update({
            "SERVER_PORT": str(PORTS[service]),
            "FENGQIAO_DATA_DIR": str(self.data_dir),
            "FENGQIAO_DEMO_DATA_ENABLED": "true",
            "IDENTITY_SERVICE_URL": url("identity-service"),
            "MEDIATION_SERVICE_URL": url("mediation-service"),
            "GATEWAY_URL": url("gateway"),
            "FENGQIAO_ISSUER": url("gateway"),
            "FENGQIAO_JWK_SET_URI": url("identity-service", "/oauth2/jwks"),
            "FENGQIAO_TOKEN_URI": url("identity-service", "/oauth2/token"),
            "FENGQIAO_SERVICE_CLIENT_SECRET": self.secret,
            # the per-caller limit (50/s) would measure the policy, not the service
            "FENGQIAO_RATE_LIMIT_PER_SECOND": "1000000", "FENGQIAO_RATE_LIMIT_BURST": "1000000",
        })
        for name in ABSENT:
            env[name.upper().replace("-", "_") + "_URL"] = f"http://127.0.0.1:{harness.PORTS[name]}"
        jar = self.work / f"{service}.jar"
        if not jar.exists():
            shutil.copyfile(jar_of(service), jar)
        log = open(self.logs / f"{service}.log", "a")
        command = ["java", *JAVA_OPTS.split(), *extra_opts, "-Dfengqiao.demo-data.enabled=true", "-jar", str(jar)]
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=str(self.work),
                                   start_new_session=True)
        self.processes[service] = process
        self.starts[service] = time.time()
        say(f"{service} starting on port {PORTS[service]} (pid {process.pid})")
        return process

    def wait_ready(self, service, timeout):
        process = self.processes[service]
        deadline = time.time() + timeout
        while time.time() < deadline:
            if process.poll() is not None:
                raise SystemExit(f"{service} exited with {process.returncode}; see {self.logs / (service + '.log')}")
            try:
                status, _ = harness.http("GET", url(service, "/actuator/health/readiness"), timeout=5)
                if status == 200:
                    return time.time() - self.starts[service]
            except (OSError, http.client.HTTPException):
                # not listening yet; on a port of the ephemeral range the poll may even connect to itself (TCP
                # simultaneous open) and read its own request back as a bad status line
                pass
            time.sleep(0.5)
        raise SystemExit(f"{service} not ready within {timeout} s")

    def stop(self, service, hard=False):
        process = self.processes.pop(service)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL if hard else signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop_all(self):
        for service in list(self.processes):
            self.stop(service)

    def log_lines(self, service, *needles):
        text = (self.logs / f"{service}.log").read_text(errors="replace")
        return [line.split(" : ", 1)[-1] for line in text.splitlines() if any(n in line for n in needles)]


# ---------------------------------------------------------------- requests

def latencies(service, path, bearer, warmup, requests):
    """Sequential GETs on one keep-alive connection: milliseconds of the timed ones (failures included), the last
    body, and the failures (status and when)."""
    connection = http.client.HTTPConnection("127.0.0.1", PORTS[service], timeout=60)
    headers = {"Authorization": f"Bearer {bearer}", "Accept": "application/json"}
    times, body, failures = [], b"", []
    for i in range(warmup + requests):
        began = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        answer = response.read()
        elapsed = (time.perf_counter() - began) * 1000
        if response.status != 200:
            failures.append(f"{response.status} after {elapsed:.0f} ms at {time.strftime('%H:%M:%S')}")
            say(f"GET {path} on {service}: {failures[-1]}")
        else:
            body = answer
        if i >= warmup:
            times.append(elapsed)
    connection.close()
    return times, body, failures


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def wrk(path, bearer, connections, seconds, delay_ms=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s", "-H",
               f"Authorization: Bearer {bearer}"]
    env = dict(os.environ)
    if delay_ms is not None:  # the harness's pacing: connections out of step, about delay_ms between requests
        command += harness.paced(env, connections, delay_ms)
    command.append(url("gateway", path))
    output = subprocess.run(command, capture_output=True, text=True, env=env, timeout=seconds + 60).stdout
    result = harness.parse_wrk(output, connections)
    match = re.search(r"^\s*90%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    result["p90"] = float("nan") if not match else float(match.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[
        match.group(2)]
    return result


def create_suggestion_dispute(citizen):
    """A dispute of the benchmark's organisation whose parties speak 缙云话 and 温州话 (through the gateway)."""
    status, body = harness.http("POST", url("gateway", "/api/mediation/disputes"), token=citizen, body={
        "category": "NEIGHBOUR", "description": "邻里排水纠纷（基准）", "countyCode": "331122",
        "organisationId": BENCH_ORGANISATION,
        "parties": [{"name": "张三", "role": "APPLICANT", "dialect": "缙云话", "self": True},
                    {"name": "李四", "role": "RESPONDENT", "dialect": "温州话"}]},
        headers={"Idempotency-Key": str(uuid.uuid4())})
    if status != 201:
        raise SystemExit(f"dispute for the suggestions: {status} {body}")
    return body["id"]


# ---------------------------------------------------------------- the recount

def mongo_uri(suite):
    lines = suite.log_lines("mediation-service", "Embedded MongoDB on ")
    if not lines:
        raise SystemExit("mediation-service did not log its embedded MongoDB address")
    return re.search(r"mongodb://[\d.]+:\d+", lines[-1]).group(0)


def recount(uri):
    """Every dispute read from the store and counted here: one scan, the fields the KPIs come from."""
    import pymongo
    client = pymongo.MongoClient(uri, serverSelectionTimeoutMS=10_000)
    try:
        fields = {"countyCode": 1, "organisationId": 1, "category": 1, "period": 1, "status": 1, "dueAt": 1,
                  "kpi": 1, "_id": 0}
        return list(client["fengqiao_mediation"]["disputes"].find({}, fields, batch_size=5000))
    finally:
        client.close()


def expected(disputes, now, county=None, organisation=None, first=None, last=None):
    """The overview's figures for one request shape, from the raw disputes."""
    def chosen(d):
        return ((county is None or d.get("countyCode") == county)
                and (organisation is None or d.get("organisationId") == organisation)
                and (first is None or (d.get("period") or "") >= first)
                and (last is None or (d.get("period") and d["period"] <= last)))

    def tally(group):
        kpi = [d.get("kpi") or {} for d in group]
        closed = sum(k.get("closed", 0) for k in kpi)
        # as Java's Math.round (half up), not Python's round (half even)
        hundredths = sum(math.floor(k.get("daysToClose", 0) * 100 + 0.5) for k in kpi)
        return {"disputes": len(group), "accepted": sum(k.get("accepted", 0) for k in kpi),
                "mediated": sum(k.get("mediated", 0) for k in kpi), "agreed": sum(k.get("agreed", 0) for k in kpi),
                "closed": closed,
                "averageDaysToClose": None if closed == 0 else math.floor(hundredths / 100 / closed * 10 + 0.5) / 10}

    picked = [d for d in disputes if chosen(d)]
    figures = tally(picked)
    figures["overdue"] = sum(1 for d in picked if d.get("status") in OPEN and d.get("dueAt")
                             and d["dueAt"].replace(tzinfo=datetime.timezone.utc) < now)
    for breakdown, field in (("byCounty", "countyCode"), ("byOrganisation", "organisationId"),
                             ("byCategory", "category"), ("byPeriod", "period")):
        groups = {}
        for d in picked:
            groups.setdefault(d.get(field), []).append(d)
        figures[breakdown] = {key: tally(group) for key, group in groups.items()}
    return figures


ROW_FIELDS = ("disputes", "accepted", "mediated", "agreed", "closed", "averageDaysToClose")


def compare(name, answer, figures):
    """Differences between an overview answer and the recount's figures (empty: equal)."""
    wrong = []
    for field in ROW_FIELDS + ("overdue",):
        if answer.get(field) != figures[field]:
            wrong.append(f"{name}: {field} {answer.get(field)} != recount {figures[field]}")
    for breakdown in ("byCounty", "byOrganisation", "byCategory", "byPeriod"):
        rows = {row["key"]: row for row in answer.get(breakdown, [])}
        if set(rows) != set(figures[breakdown]):
            wrong.append(f"{name}: {breakdown} keys differ ({len(rows)} vs {len(figures[breakdown])})")
            continue
        for key, row in rows.items():
            for field in ROW_FIELDS:
                if row.get(field) != figures[breakdown][key][field]:
                    wrong.append(f"{name}: {breakdown}[{key}].{field} {row.get(field)} != "
                                 f"recount {figures[breakdown][key][field]}")
    return wrong


def check_against_recount(suite, commander, cases):
    """Each KPI shape through the gateway, then the recount; returns (disputes recounted, seconds, differences)."""
    answers = {}
    for name, path, shape in cases:
        status, answer = harness.http("GET", url("gateway", path), token=commander, timeout=60)
        if status != 200:
            raise SystemExit(f"{path}: {status} {answer}")
        answers[name] = answer
    now = datetime.datetime.now(datetime.timezone.utc)
    began = time.time()
    disputes = recount(mongo_uri(suite))
    seconds = time.time() - began
    wrong = []
    for name, path, shape in cases:
        wrong += compare(name, answers[name], expected(disputes, now, **shape))
    return len(disputes), seconds, wrong


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--disputes", type=int, default=100_000)
    parser.add_argument("--mediators", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--connections", default="8,64", help="wrk connections, comma-separated (default 8,64)")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--rate", type=int, default=100, help="paced runs: requests/s offered (default 100)")
    parser.add_argument("--restart", action="store_true", help="also time restarts (clean, then after kill -9)")
    parser.add_argument("--data-dir", help="reuse a data directory (seeded by an earlier run) instead of a fresh one")
    args = parser.parse_args()
    connections = [int(c) for c in args.connections.split(",") if c]

    try:
        import pymongo  # noqa: F401  (the recount reads the store with it)
    except ImportError:
        raise SystemExit("pymongo is missing: apt-get install -y python3-pymongo (the recount check needs it)")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    for service in SERVICES:
        jar = jar_of(service)
        if not jar.exists():
            raise SystemExit(f"missing {jar}: build it first (./mvnw -o -q -B -pl {service} -am package -DskipTests)")
    work = Path(tempfile.mkdtemp(prefix="fengqiao-bench-mediation-"))
    data_dir = Path(args.data_dir) if args.data_dir else work / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    suite = Suite(work, data_dir, secrets.token_urlsafe(24))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=str(REPO)).stdout.strip()
    say(f"data {data_dir}, logs {suite.logs}; commit {commit}; JAVA_OPTS {JAVA_OPTS}; "
        f"mediation-service also {MEDIATION_OPTS}; ports {PORTS}")
    mediation_opts = [*MEDIATION_OPTS.split(), f"-Dfengqiao.mediation.bench.disputes={args.disputes}",
                      f"-Dfengqiao.mediation.bench.mediators={args.mediators}"]
    report = []
    try:
        suite.start("identity-service")
        suite.start("mediation-service", mediation_opts)
        suite.wait_ready("identity-service", 600)
        suite.start("gateway")
        suite.wait_ready("gateway", 600)
        seeded = suite.wait_ready("mediation-service", 3600)
        say(f"mediation-service ready {seeded:.0f} s after its start (seeding included)")
        for line in suite.log_lines("mediation-service", "Bench ", "KPI counters", "Demo disputes"):
            say("  " + line)
        report.append(f"mediation-service first start with seeding: ready after {seeded:.0f} s; "
                      + "; ".join(suite.log_lines("mediation-service", "Bench disputes written",
                                                  "KPI counters of a bulk load")))

        commander = harness.token_for("demo-commander")
        citizen = harness.token_for("demo-citizen")
        dispute = create_suggestion_dispute(citizen)
        suggestions_path = f"/api/mediation/disputes/{dispute}/mediator-suggestions"
        status, suggested = harness.http("GET", url("gateway", suggestions_path), token=commander)
        say(f"suggestions for {dispute}: {status}, {suggested.get('candidates')} candidates, best "
            f"{suggested['suggestions'][0]['score'] if suggested.get('suggestions') else '-'} points")
        overview = harness.http("GET", url("gateway", "/api/mediation/stats/overview"), token=commander)[1]
        say(f"overview: {overview['disputes']} disputes, {overview['organisations']} organisations, "
            f"{overview['mediators']} mediators, overdue {overview['overdue']}")

        year = datetime.date.today().year
        kpi_cases = [
            ("overview, all disputes", "/api/mediation/stats/overview", {}),
            ("overview, one county (331122)", "/api/mediation/stats/overview?countyCode=331122",
             {"county": "331122"}),
            ("overview, one organisation", "/api/mediation/stats/overview?organisationId=org-331122-01",
             {"organisation": "org-331122-01"}),
            ("overview, 12 months", f"/api/mediation/stats/overview?from={year}-01&to={year}-12",
             {"first": f"{year}-01", "last": f"{year}-12"}),
        ]
        cases = [(name, path) for name, path, _ in kpi_cases]
        cases.append((f"suggestions, {suggested.get('candidates')} mediators", suggestions_path))

        say("checking the KPIs against a recount of the store")
        counted, seconds, wrong = check_against_recount(suite, commander, kpi_cases)
        verdict = "EQUAL" if not wrong else f"DIFFERENT ({len(wrong)} differences)"
        say(f"recount: {counted} disputes read in {seconds:.1f} s; the KPIs are {verdict}")
        for line in wrong[:20]:
            say("  " + line)
        report.append(f"KPIs of {len(kpi_cases)} shapes (totals, overdue and the four breakdowns, every row) vs a "
                      f"recount of {counted} disputes read from the store: {verdict}")

        pid = suite.processes["mediation-service"].pid
        rows = []
        for name, path in cases:
            for service in ("mediation-service", "gateway"):
                latencies(service, path, commander, args.warmup, 0)
                cpu_before = harness.rss_and_cpu(pid)[1]
                times, body, failures = latencies(service, path, commander, 0, args.requests)
                cpu = (harness.rss_and_cpu(pid)[1] - cpu_before) * 1000 / args.requests
                rows.append((name, "direct" if service == "mediation-service" else "gateway",
                             statistics.median(times), percentile(times, 99), max(times), len(body), cpu,
                             "; ".join(failures) or "0"))
                say(f"{name:40s} {rows[-1][1]:8s} median {rows[-1][2]:7.1f} ms  p99 {rows[-1][3]:7.1f} ms  "
                    f"service CPU {cpu:5.1f} ms/request; load {os.getloadavg()[0]:.1f}")

        loaded = []
        for name, path in cases:
            for c in connections:
                result = wrk(path, commander, c, args.wrk_seconds)
                loaded.append((name, f"{c}", result))
                say(f"wrk {name:40s} -c{c:<3d} {result['rps']:7.0f} req/s p50 {result['p50']:7.1f} ms "
                    f"p99 {result['p99']:7.1f} ms non-2xx {result['non2xx']}; load {os.getloadavg()[0]:.1f}")
        paced_connections = 8
        delay = max(1, round(paced_connections * 1000 / args.rate))
        offered = paced_connections * 1000 / delay
        for name, path in cases:
            paced = wrk(path, commander, paced_connections, args.wrk_seconds, delay_ms=delay)
            loaded.append((name, f"{paced_connections}, paced {offered:.0f}/s", paced))
            say(f"wrk paced {name}: offered {offered:.0f} req/s, achieved {paced['rps']:.0f}, p50 {paced['p50']:.1f} "
                f"ms p90 {paced['p90']:.1f} ms p99 {paced['p99']:.1f} ms non-2xx {paced['non2xx']}; "
                f"load {os.getloadavg()[0]:.1f}")

        rss = {service: harness.rss_and_cpu(p.pid)[0] for service, p in suite.processes.items()}
        restarts = []
        if args.restart:
            suite.stop("mediation-service")
            suite.start("mediation-service", mediation_opts)
            clean = suite.wait_ready("mediation-service", 1800)
            loaded_line = suite.log_lines("mediation-service", "KPI counters loaded")[-1:]
            say(f"restart after a clean stop: ready after {clean:.1f} s; {' '.join(loaded_line)}")
            restarts.append(f"restart after a clean stop: ready after {clean:.1f} s ({' '.join(loaded_line)})")
            suite.stop("mediation-service", hard=True)
            suite.start("mediation-service", mediation_opts)
            crashed = suite.wait_ready("mediation-service", 1800)
            rebuilt = suite.log_lines("mediation-service", "KPI counters rebuilt from")[-1:]
            say(f"restart after kill -9: ready after {crashed:.1f} s; {' '.join(rebuilt)}")
            restarts.append(f"restart after kill -9: ready after {crashed:.1f} s ({' '.join(rebuilt)})")
            counted, seconds, wrong = check_against_recount(suite, commander, kpi_cases)
            verdict = "EQUAL" if not wrong else f"DIFFERENT ({len(wrong)} differences)"
            say(f"after the rebuild, recount of {counted} disputes: the KPIs are {verdict}")
            restarts.append(f"KPIs after the rebuild vs a recount of {counted} disputes: {verdict}")
            for line in wrong[:20]:
                say("  " + line)

        print()
        print(f"## {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {commit}: {overview['disputes']} "
              f"disputes, suggestions over {suggested.get('candidates')} mediators")
        print()
        for line in report:
            print(f"- {line}")
        print()
        print(f"Sequential: {args.requests} timed after {args.warmup} untimed, one keep-alive connection, demo-commander.")
        print()
        print("| request | path | median ms | p99 ms | max ms | mediation-service CPU ms/request | body bytes | failed |")
        print("|---|---|---|---|---|---|---|---|")
        for name, path, median, p99, top, size, cpu, failed in rows:
            print(f"| {name} | {path} | {median:.1f} | {p99:.1f} | {top:.1f} | {cpu:.1f} | {size} | {failed} |")
        print()
        print(f"wrk -t2 -d{args.wrk_seconds}s through the gateway:")
        print()
        print("| request | connections | req/s | p50 ms | p90 ms | p99 ms | non-2xx |")
        print("|---|---|---|---|---|---|---|")
        for name, c, r in loaded:
            print(f"| {name} | {c} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p90']:.1f} | {r['p99']:.1f} | {r['non2xx']} |")
        print()
        for line in restarts:
            print(f"- {line}")
        print(f"- load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; RSS after the "
              f"requests: " + ", ".join(f"{s} {v:.0f} MB" for s, v in rss.items()))
    finally:
        say("stopping " + ", ".join(suite.processes))
        suite.stop_all()
        if not args.data_dir:
            shutil.rmtree(data_dir, ignore_errors=True)
        for jar in work.glob("*.jar"):
            jar.unlink()
        say(f"stopped (logs kept in {suite.logs})")


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
