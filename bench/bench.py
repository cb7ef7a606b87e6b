#!/usr/bin/env python3
"""The Fengqiao benchmark harness (issue 10): the gateway, each service and nginx side by side.

Starts the suite on the embedded default with demo data (deploy/local/run.sh --detach on a fresh data
directory), an nginx reverse proxy in front of the same services (bench/nginx.conf.template, keepalive
to the upstreams), warms the JVMs up, obtains tokens, and runs each scenario with wrk on 127.0.0.1
against three paths in alternation: direct to the service, through the gateway, through nginx. Prints
requests/s, p50/p99 latency, non-2xx responses, the gateway/direct and gateway/nginx ratios (medians of
the rounds), and each JVM's RSS and CPU seconds; then stops everything it started. Each JVM it starts logs
its collections (-Xlog:gc, into BENCH_GC_DIR, /tmp/fengqiao-bench-gc by default), and every run's line names the
pauses that fell inside it, per service: a paced p99 on this machine is often one collection's pause.

Usage: bench/run.sh [--duration 10] [--connections 64] [--rounds 3] [--warmup 30] [--rate R]
                    [--scenarios catalogue,item,forward,locate,portal,keyed-applications,keyed-incidents,kpi,portal-outage]
                    [--keep-running] [--no-start]

--rate R paces the read scenarios (bench/paced.lua): each connection pauses so that all together offer about
R requests/s, and the latency is measured below saturation; without it every connection sends its next request
as soon as the last is answered (throughput, and a p99 that is mostly queueing). Write scenarios are never paced.

Only 127.0.0.1 is ever contacted; every wrk run is bounded by --duration.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
LOCAL = REPO / "deploy" / "local"
# run.sh's ports, moved by the same variables (GATEWAY_PORT, GRID_SERVICE_PORT, ...: deploy/local/lib.sh), so a
# benchmark can run next to a suite on the default ports; run.sh gets the same environment.
PORTS = {
    service: int(os.environ.get(service.upper().replace("-", "_") + "_PORT", port))
    for service, port in {
        "identity-service": 9000, "grid-service": 8081, "mediation-service": 8082,
        "public-service": 8083, "overseas-service": 8084, "gateway": 8080,
    }.items()
}
NGINX_PORT = int(os.environ.get("BENCH_NGINX_PORT", "18000"))
# each JVM of a suite the harness starts logs its collections here (-Xlog:gc, wall-clock time), so that every run
# can say which pauses fell inside it: a p99 on a 2-core machine is often one collection's pause
GC_DIR = Path(os.environ.get("BENCH_GC_DIR", "/tmp/fengqiao-bench-gc"))
GATEWAY = f"http://127.0.0.1:{PORTS['gateway']}"
DEMO_PASSWORD = os.environ.get("FENGQIAO_DEMO_PASSWORD", "Fengqiao-Demo-2026")
# the portal's copy of the global list goes past its time quickly, so that portal-outage takes the stale path
PORTAL_LIST_TTL_SECONDS = 5
# Full JIT (run.sh's default stops at C1 for a quick start); a heap that keeps RSS under the 400 MB target
# (shrunk after collections once started, as in run.sh: without it grid kept its demo-data peak, 449 vs 363 MB side
# by side).
BENCH_JAVA_OPTS = os.environ.get(
    "BENCH_JAVA_OPTS",
    "-Xms64m -Xmx256m -XX:+UseSerialGC -Dfengqiao.jvm.after-start.min-heap-free-ratio=10 "
    "-Dfengqiao.jvm.after-start.max-heap-free-ratio=30 -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=160m")


def say(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------- HTTP helpers (stdlib only)

def http(method, url, token=None, body=None, form=None, headers=None, timeout=30):
    data = None
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        all_headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        all_headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text.strip().startswith(("{", "[")) else text)
    except urllib.error.HTTPError as error:
        text = error.read().decode(errors="replace")
        return error.code, text


def token_for(username):
    status, answer = http("POST", f"{GATEWAY}/oauth2/token", form={
        "grant_type": "password", "username": username, "password": DEMO_PASSWORD, "client_id": "fengqiao-cli"})
    if status != 200:
        raise SystemExit(f"no token for {username}: {status} {answer}")
    return answer["access_token"]


# ---------------------------------------------------------------- scenarios

class Scenario:
    """One request shape, sent to the same service by three paths."""

    def __init__(self, name, service, path, method="GET", user=None, lua=None, body=None, note="",
                 connections=None, headers=None):
        self.name, self.service, self.path, self.method = name, service, path, method
        self.user, self.lua, self.body, self.note = user, lua, body, note
        self.connections = connections  # None: the --connections of the run
        self.headers = headers or {}  # sent with every request of the scenario, on all three paths
        self.token = None

    def urls(self):
        return {
            "direct": f"http://127.0.0.1:{PORTS[self.service]}{self.path}",
            "gateway": f"{GATEWAY}{self.path}",
            "nginx": f"http://127.0.0.1:{NGINX_PORT}{self.path}",
        }

    def prepare(self):
        if self.user:
            self.token = token_for(self.user)

    def before(self):
        return None

    def after(self, state, results):
        return ""


def count_at_service(service, path, token, what):
    """The totalElements of a page, asked of the service itself with minutes to answer: the duplicate check is not
    what is measured. On the embedded store it is a full read of the collection (1-3 s at ~50,000 since session 12;
    in session 11, 10 s and more, past the gateway's response timeout)."""
    status, page = http("GET", f"http://127.0.0.1:{PORTS[service]}{path}", token=token, timeout=300)
    if status != 200:
        raise SystemExit(f"cannot count {what}: {status} {page}")
    return page["page"]["totalElements"]


class KeyedApplications(Scenario):
    """Citizen applications, each with its own Idempotency-Key; afterwards the created count must equal the 2xx count."""

    def __init__(self):
        super().__init__("keyed-applications", "public-service", "/api/public/applications", method="POST",
                         user="demo-citizen", lua="keyed-post.lua",
                         note="POST with a fresh Idempotency-Key per request; zero duplicates checked")

    def prepare(self):
        super().prepare()
        status, items = http("GET", f"{GATEWAY}/api/public/items?channel=ONLINE&size=1")
        if status != 200:
            raise SystemExit(f"catalogue unavailable: {status}")
        item = items["content"][0]
        self.body = {"itemCode": item["code"], "channel": "ONLINE", "form": form_for(item)}

    def count(self):
        return count_at_service(self.service, "/api/public/applications?mine=true&size=1", self.token, "applications")

    def before(self):
        return self.count()

    def after(self, state, results):
        created = self.count() - state
        successes = sum(r["ok"] for r in results)
        # wrk stops with requests in flight: the service still completes them, wrk never counts them. Each run
        # can leave at most one per connection, and each request wrk gave up on (a socket error: its 5 s timeout,
        # a reset) may have been completed too, so created - completed must lie between 0 and that bound.
        in_flight = sum(r["connections"] + r["socket_errors"] for r in results)
        if 0 <= created - successes <= in_flight:
            verdict = (f"no duplicates ({created - successes} completed after wrk stopped or gave up, "
                       f"at most {in_flight} possible)")
        else:
            verdict = (f"MISMATCH: {created} created for {successes} 2xx answers and at most {in_flight} in flight "
                       f"or given up")
        return f"{created} created, {successes} 2xx answers: {verdict}"


def form_for(item):
    """A form the item accepts: each required field filled with a value of its type."""
    form = {}
    for field in item.get("form") or []:
        if not field.get("required"):
            continue
        kind, name = field["type"], field["name"]
        if kind == "NUMBER":
            form[name] = 1
        elif kind == "DATE":
            form[name] = "2026-12-01"
        elif kind == "SINGLE_CHOICE":
            form[name] = field["values"][0]
        elif kind == "MULTI_CHOICE":
            form[name] = [field["values"][0]]
        else:
            form[name] = "13957812345" if "phone" in name.lower() else "叶甲"
    return form


class KeyedIncidents(KeyedApplications):
    """Incident intake (警情) by the command room, each with its own Idempotency-Key; created count = 2xx count."""

    def __init__(self):
        Scenario.__init__(self, "keyed-incidents", "grid-service", "/api/grid/incidents", method="POST",
                          user="demo-commander", lua="keyed-post.lua",
                          note="POST with a fresh Idempotency-Key per request; zero duplicates checked")

    def prepare(self):
        Scenario.prepare(self)
        status, county = http("GET", f"{GATEWAY}/api/grid/regions/331121", token=self.token)
        town = next(c["code"] for c in county["children"] if c["level"] == "TOWN")
        status, town_detail = http("GET", f"{GATEWAY}/api/grid/regions/{town}", token=self.token)
        village = next(c["code"] for c in town_detail["children"] if c["level"] == "VILLAGE")
        self.body = {"category": "OTHER", "description": "基准测试警情（bench）", "villageCode": village}

    def count(self):
        return count_at_service(self.service, "/api/grid/incidents?county=331121&size=1", self.token, "incidents")


class PortalOutage(Scenario):
    """The portal's global list while public-service hangs (SIGSTOP): served from the portal's last copy."""

    def __init__(self):
        super().__init__("portal-outage", "overseas-service", "/api/overseas/portal/global-items",
                         user="demo-compatriot",
                         note="portal list with public-service stopped (SIGSTOP) past the list's TTL")

    def before(self):
        pid = jvm_pids()["public-service"]
        os.kill(pid, signal.SIGSTOP)
        time.sleep(PORTAL_LIST_TTL_SECONDS + 1)  # the portal's copy is now past its time: the stale path
        started = time.monotonic()
        status, body = http("GET", f"{GATEWAY}{self.path}", token=self.token)
        first_ms = (time.monotonic() - started) * 1000
        stale = isinstance(body, dict) and body.get("stale")
        say(f"portal-outage: public-service stopped (pid {pid}); first answer {status} in {first_ms:.0f} ms, stale={stale}")
        return pid, status, first_ms, stale

    def after(self, state, results):
        pid, status, first_ms, stale = state
        os.kill(pid, signal.SIGCONT)
        failed = sum(r["non2xx"] for r in results)
        verdict = "within 1 s" if status == 200 and first_ms < 1000 else "NOT within 1 s"
        return (f"first answer after the stop {status} in {first_ms:.0f} ms ({verdict}), stale={stale}; "
                f"non-2xx during the runs: {failed}")


def scenarios():
    return {
        "catalogue": Scenario("catalogue", "public-service", "/api/public/items?global=true&size=45",
                              note="anonymous read of the 45 全球通办 items"),
        "item": Scenario("item", "public-service", "/api/public/items/{item}",
                         note="anonymous read of one catalogue item (a near-trivial endpoint)"),
        "forward": Scenario("forward", "public-service", "/api/public/items/{item}",
                            headers={"Cache-Control": "no-cache"},
                            note="the item with Cache-Control: no-cache: the gateway forwards every request"),
        "locate": Scenario("locate", "grid-service", "/api/grid/locate?lat=28.1521&lng=120.2863",
                           user="demo-officer", note="authenticated point-in-grid lookup", connections=32),
        "portal": Scenario("portal", "overseas-service", "/api/overseas/portal/global-items",
                           user="demo-compatriot", note="the overseas portal's global list (cached from public-service)"),
        "keyed-applications": KeyedApplications(),
        "keyed-incidents": KeyedIncidents(),
        "kpi": Scenario("kpi", "grid-service", "/api/grid/stats/overview", user="demo-commander",
                        note="grid overview KPIs"),
        "portal-outage": PortalOutage(),
    }


# ---------------------------------------------------------------- wrk

def wrk(url, scenario, connections, duration, rate=None):
    connections = scenario.connections or connections
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    if scenario.token:
        command += ["-H", f"Authorization: Bearer {scenario.token}"]
    for name, value in scenario.headers.items():
        command += ["-H", f"{name}: {value}"]
    env = dict(os.environ)
    if scenario.lua:
        command += ["-s", str(BENCH_DIR / scenario.lua)]
        env["BENCH_METHOD"] = scenario.method
        env["BENCH_BODY"] = json.dumps(scenario.body or {})
    elif rate:
        command += paced(env, connections, max(1, round(connections * 1000 / rate)))
    command.append(url)
    output = subprocess.run(command, capture_output=True, text=True, env=env, timeout=duration + 60).stdout
    return parse_wrk(output, connections)


def paced(env, connections, interval_ms):
    """wrk's options for bench/paced.lua (about interval_ms between a connection's requests, the connections out
    of step); sets the script's variables in env. For wrk -t2, which shares the connections out between 2 threads."""
    env["BENCH_INTERVAL_MS"] = str(interval_ms)
    env["BENCH_CONNECTIONS_PER_THREAD"] = str(-(-connections // 2))
    return ["-s", str(BENCH_DIR / "paced.lua")]


def parse_wrk(output, connections=0):
    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    requests = int(total.group(1)) if total else 0
    bad = int(non2xx.group(1)) if non2xx else 0
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50": latency("50"), "p99": latency("99"),
        "requests": requests, "non2xx": bad, "ok": requests - bad,
        "socket_errors": sum(int(g) for g in errors.groups()) if errors else 0,
        "connections": connections,
    }


# ---------------------------------------------------------------- processes

def gc_log_options(env):
    """Adds -Xlog:gc to each service's own JVM options (run.sh's <SERVICE>_JAVA_OPTS) and empties GC_DIR."""
    shutil.rmtree(GC_DIR, ignore_errors=True)
    GC_DIR.mkdir(parents=True)
    for service in PORTS:
        variable = service.upper().replace("-", "_") + "_JAVA_OPTS"
        env[variable] = f"{env.get(variable, '')} -Xlog:gc:file={GC_DIR / service}.log:time".strip()


GC_PAUSE = re.compile(r"^\[(\S+)\].* Pause (\w+).* ([\d.]+)ms$")


def gc_pauses(started, ended):
    """Per service, the collection pauses logged between two wall-clock times: [(kind, ms), ...]."""
    pauses = {}
    for service in PORTS:
        for log in sorted(GC_DIR.glob(f"{service}.log*")):
            for line in log.read_text(errors="replace").splitlines():
                match = GC_PAUSE.match(line)
                if not match:
                    continue
                at = datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
                if started <= at <= ended:
                    pauses.setdefault(service, []).append((match.group(2), float(match.group(3))))
    return pauses


def describe_pauses(pauses):
    """'grid 3 (max 4.1 ms, 1 full)' per service that paused."""
    parts = []
    for service, found in sorted(pauses.items()):
        full = sum(1 for kind, _ in found if kind == "Full")
        parts.append(f"{service.removesuffix('-service')} {len(found)} (max {max(ms for _, ms in found):.1f} ms"
                     + (f", {full} full" if full else "") + ")")
    return ", ".join(parts) or "none"


def jvm_pids():
    pids = {}
    for service in PORTS:
        pid_file = LOCAL / "pids" / f"{service}.pid"
        if pid_file.exists():
            pids[service] = int(pid_file.read_text().strip())
    return pids


def rss_and_cpu(pid):
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        rss_kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        cpu = (int(fields[11]) + int(fields[12])) / ticks
        return rss_kb / 1024, cpu
    except (OSError, AttributeError):
        return float("nan"), float("nan")


def start_nginx(work):
    conf = (BENCH_DIR / "nginx.conf.template").read_text()
    for service, port in PORTS.items():
        conf = conf.replace("{" + service + "}", str(port))
    conf = conf.replace("{nginx-port}", str(NGINX_PORT)).replace("{work}", str(work))
    (work / "logs").mkdir(parents=True, exist_ok=True)
    path = work / "nginx.conf"
    path.write_text(conf)
    subprocess.run(["nginx", "-p", str(work), "-c", str(path), "-t"], check=True, capture_output=True)
    subprocess.run(["nginx", "-p", str(work), "-c", str(path)], check=True)
    return path


def stop_nginx(work, conf):
    subprocess.run(["nginx", "-p", str(work), "-c", str(conf), "-s", "quit"], capture_output=True)


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (default 10)")
    parser.add_argument("--connections", type=int, default=64, help="wrk connections (default 64)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of direct/gateway/nginx per scenario (default 3)")
    parser.add_argument("--warmup", type=int, default=30, help="seconds of gateway load before measuring (default 30)")
    parser.add_argument("--scenarios", default="catalogue,item,locate,portal,keyed-applications,keyed-incidents,kpi,portal-outage")
    parser.add_argument("--rate", type=int, default=None,
                        help="pace the read scenarios to about this many requests/s in all (default: unpaced)")
    parser.add_argument("--keep-running", action="store_true", help="leave the suite running afterwards")
    parser.add_argument("--no-start", action="store_true", help="use a suite that is already running")
    args = parser.parse_args()

    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: apt-get install -y wrk nginx-light")
    chosen = [scenarios()[name] for name in args.scenarios.split(",")]
    work = Path(tempfile.mkdtemp(prefix="fengqiao-bench-"))
    started = False
    nginx_conf = None
    try:
        if not args.no_start:
            say(f"starting the suite with demo data on a fresh data directory {work / 'data'}")
            env = dict(os.environ, FENGQIAO_DATA_DIR=str(work / "data"), JAVA_OPTS=BENCH_JAVA_OPTS,
                       STARTUP_TIMEOUT=os.environ.get("STARTUP_TIMEOUT", "300"),
                       # the per-client rate limit (50/s by default) would measure the policy, not the gateway
                       FENGQIAO_RATE_LIMIT_PER_SECOND="1000000", FENGQIAO_RATE_LIMIT_BURST="1000000",
                       FENGQIAO_DEMO_DATA_ENABLED="true",
                       FENGQIAO_OVERSEAS_PORTAL_GLOBAL_LIST_TTL=f"PT{PORTAL_LIST_TTL_SECONDS}S")
            gc_log_options(env)
            subprocess.run([str(LOCAL / "run.sh"), "--detach"], check=True, env=env)
            started = True
        nginx_conf = start_nginx(work)
        say(f"nginx on 127.0.0.1:{NGINX_PORT} in front of the same services")

        if any("{item}" in scenario.path for scenario in chosen):
            # only the item scenarios need public-service: locate or kpi alone run on identity, grid and gateway
            status, item_page = http("GET", f"{GATEWAY}/api/public/items?global=true&size=1")
            first_item = (item_page["content"] if isinstance(item_page, dict) else item_page)[0]["code"]
            for scenario in chosen:
                scenario.path = scenario.path.replace("{item}", first_item)
        for scenario in chosen:
            scenario.prepare()

        say(f"warming up: {args.warmup} s through the gateway and {max(5, args.warmup // 3)} s direct and via nginx per scenario")
        for scenario in chosen:
            # writes too: their code paths are not the reads' (session 5: keyed creates ran at about a third of
            # their warm rate in the first half minute); the records made here come before the scenario's count
            urls = scenario.urls()
            wrk(urls["gateway"], scenario, args.connections, args.warmup)
            wrk(urls["direct"], scenario, args.connections, max(5, args.warmup // 3))
            wrk(urls["nginx"], scenario, args.connections, max(5, args.warmup // 3))

        report = []
        for scenario in chosen:
            state = scenario.before()
            runs = {"direct": [], "gateway": [], "nginx": []}
            for round_number in range(args.rounds):
                for path, url in scenario.urls().items():
                    started = time.time()
                    result = wrk(url, scenario, args.connections, args.duration, args.rate)
                    result["gc"] = gc_pauses(started, time.time())
                    runs[path].append(result)
                    gave_up = f" socket errors {result['socket_errors']}" if result["socket_errors"] else ""
                    say(f"{scenario.name:<19} round {round_number + 1} {path:<8} {result['rps']:9.0f} req/s "
                        f"p50 {result['p50']:7.2f} ms p99 {result['p99']:7.2f} ms non-2xx {result['non2xx']}"
                        f"{gave_up}; "
                        f"GC pauses: {describe_pauses(result['gc'])}")
            check = scenario.after(state, [r for path in runs.values() for r in path])
            report.append((scenario, runs, check))

        print()
        paced = f", reads paced to about {args.rate} req/s offered" if args.rate else ""
        print(f"## Results: {args.connections} connections, {args.duration} s per run, {args.rounds} rounds "
              f"(medians){paced}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        print()
        print("| scenario | connections | path | req/s | p50 ms | p99 ms | non-2xx |")
        print("|---|---|---|---|---|---|---|")
        for scenario, runs, check in report:
            for path, results in runs.items():
                print(f"| {scenario.name} | {scenario.connections or args.connections} | {path} "
                      f"| {statistics.median(r['rps'] for r in results):.0f} "
                      f"| {statistics.median(r['p50'] for r in results):.2f} "
                      f"| {statistics.median(r['p99'] for r in results):.2f} "
                      f"| {sum(r['non2xx'] for r in results)} |")
        print()
        print("| scenario | gateway/direct | gateway/nginx | check |")
        print("|---|---|---|---|")
        for scenario, runs, check in report:
            median = {path: statistics.median(r["rps"] for r in results) for path, results in runs.items()}
            print(f"| {scenario.name} | {median['gateway'] / median['direct']:.2f} "
                  f"| {median['gateway'] / median['nginx']:.2f} | {check or scenario.note} |")
        print()
        print("| JVM | RSS MB | CPU s | GC pauses in the measured runs: count, full, longest ms, total ms |")
        print("|---|---|---|---|")
        for service, pid in jvm_pids().items():
            rss, cpu = rss_and_cpu(pid)
            pauses = [pause for _, runs, _ in report for results in runs.values() for r in results
                      for pause in r["gc"].get(service, [])]
            gc = (f"{len(pauses)}, {sum(1 for kind, _ in pauses if kind == 'Full')}, "
                  f"{max((ms for _, ms in pauses), default=0):.1f}, {sum(ms for _, ms in pauses):.0f}")
            print(f"| {service} | {rss:.0f} | {cpu:.1f} | {gc} |")
    finally:
        if nginx_conf:
            stop_nginx(work, nginx_conf)
        if started and not args.keep_running:
            say("stopping the suite")
            subprocess.run([str(LOCAL / "stop.sh")], capture_output=True)
        if started and args.keep_running:
            # the suite left running keeps its stores there: removing them would leave it writing deleted files
            say(f"the suite's data stays in {work}: remove it after deploy/local/stop.sh")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    main()
