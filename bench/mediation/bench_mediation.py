#!/usr/bin/env python3
"""Mediation KPIs over many disputes and mediator suggestions over 1,000 mediators (issue 6's benchmark).

Starts identity-service, mediation-service and the gateway from this checkout's jars on their own ports
(38090, 38082, 38080 by default; never the suite's 8080-8084/9000) with a fresh data directory and demo
data; mediation-service seeds --disputes bench disputes at start (fengqiao.mediation.bench.disputes, through
the real workflow and the KPI counters). Then, as demo users: an organisation with --mediators mediators and
one dispute of it (through the API), and sequential requests (one keep-alive connection, --warmup untimed,
--requests timed) of the overview (all, one county, one organisation) and the suggestions, direct to the
service and through the gateway; and wrk (--connections) on the suggestions through the gateway. Prints
medians and p99, stops what it started. grid-service is not started (mediation-service works without it).

  bench/mediation/run.sh [--disputes 100000] [--mediators 1000] [--requests 300] [--warmup 50]
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import random
import secrets
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
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VERSION = "0.1.0-SNAPSHOT"
PORTS = {
    "identity-service": int(os.environ.get("IDENTITY_SERVICE_PORT", "38090")),
    "mediation-service": int(os.environ.get("MEDIATION_SERVICE_PORT", "38082")),
    "gateway": int(os.environ.get("GATEWAY_PORT", "38080")),
}
# services not started: their URLs point at ports nothing listens on (mediation-service tolerates grid down)
ABSENT = {"grid-service": 38081, "public-service": 38083, "overseas-service": 38084}
PASSWORD = os.environ.get("FENGQIAO_DEMO_PASSWORD", "Fengqiao-Demo-2026")
JAVA_OPTS = os.environ.get(
    "BENCH_JAVA_OPTS",
    "-Xms128m -Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=160m")
# mediation-service's own heap: the embedded store with 100,000 disputes does not fit in 256 MB while seeding
# (full collections back to back); later options win over JAVA_OPTS
MEDIATION_OPTS = os.environ.get("BENCH_MEDIATION_OPTS", "-Xmx768m")


def say(message):
    print(f"[bench-mediation {time.strftime('%H:%M:%S')}] {message}", flush=True)


def url(service, path=""):
    return f"http://127.0.0.1:{PORTS[service]}{path}"


def call(method, target, token=None, body=None, form=None, timeout=60):
    headers = {}
    data = None
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
        headers["Idempotency-Key"] = str(uuid.uuid4())
    request = urllib.request.Request(target, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read().decode()
            location = response.headers.get("Location")
            return response.status, (json.loads(text) if text.strip().startswith(("{", "[")) else text), location
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), None


def start(service, data_dir, logs, extra_opts=()):
    """Starts a copy of the service's jar (a build during the run does not pull it from under the JVM)."""
    env = {k: v for k, v in os.environ.items() if k != "SPRING_MONGODB_URI"}
    env.update({
        "SERVER_PORT": str(PORTS[service]),
        "FENGQIAO_DATA_DIR": str(data_dir),
        "FENGQIAO_DEMO_DATA_ENABLED": "true",
        "IDENTITY_SERVICE_URL": url("identity-service"),
        "MEDIATION_SERVICE_URL": url("mediation-service"),
        "GATEWAY_URL": url("gateway"),
        "FENGQIAO_ISSUER": url("gateway"),
        "FENGQIAO_JWK_SET_URI": url("identity-service", "/oauth2/jwks"),
        "FENGQIAO_TOKEN_URI": url("identity-service", "/oauth2/token"),
        "FENGQIAO_SERVICE_CLIENT_SECRET": SECRET,
        # the per-caller limit (50/s) would measure the policy, not the service
        "FENGQIAO_RATE_LIMIT_PER_SECOND": "1000000", "FENGQIAO_RATE_LIMIT_BURST": "1000000",
    })
    for name, port in ABSENT.items():
        env[name.upper().replace("-", "_") + "_URL"] = f"http://127.0.0.1:{port}"
    jar = logs.parent / f"{service}.jar"
    shutil.copyfile(REPO / service / "target" / f"{service}-{VERSION}.jar", jar)
    log = open(logs / f"{service}.log", "w")
    command = ["java", *JAVA_OPTS.split(), *extra_opts, "-Dfengqiao.demo-data.enabled=true", "-jar", str(jar)]
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=str(REPO),
                               start_new_session=True)
    say(f"{service} starting on port {PORTS[service]} (pid {process.pid})")
    return process


def wait_ready(service, process, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{service} exited with {process.returncode}; see its log")
        try:
            status, body, _ = call("GET", url(service, "/actuator/health/readiness"), timeout=5)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(1)
    raise SystemExit(f"{service} not ready within {timeout} s")


def stop(processes):
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.time() + 30
    for process in processes:
        try:
            process.wait(timeout=max(1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def rss_mb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def cpu_ms(pid):
    """User + system CPU time of a process so far, in milliseconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def token(username):
    status, answer, _ = call("POST", url("identity-service", "/oauth2/token"), form={
        "grant_type": "password", "username": username, "password": PASSWORD, "client_id": "fengqiao-cli"})
    if status != 200:
        raise SystemExit(f"no token for {username}: {status} {answer}")
    return answer["access_token"]


def latencies(service, path, bearer, warmup, requests):
    """Sequential GETs on one keep-alive connection; milliseconds of the timed ones."""
    connection = http.client.HTTPConnection("127.0.0.1", PORTS[service], timeout=60)
    headers = {"Authorization": f"Bearer {bearer}", "Accept": "application/json"}
    times = []
    size = 0
    for i in range(warmup + requests):
        began = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - began) * 1000
        if response.status != 200:
            raise SystemExit(f"GET {path} on {service}: {response.status} {body[:300]!r}")
        size = len(body)
        if i >= warmup:
            times.append(elapsed)
    connection.close()
    return times, size


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def wrk(path, bearer, connections, seconds):
    if not shutil.which("wrk"):
        return None
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H",
               f"Authorization: Bearer {bearer}", url("gateway", path)]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    figures = {}
    for line in output.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("50%", "90%", "99%"):
            figures[parts[0]] = parts[1]
        if line.startswith("Requests/sec:"):
            figures["rps"] = parts[1]
        if "Non-2xx" in line:
            figures["non2xx"] = parts[-1]
    return figures


SECRET = secrets.token_urlsafe(24)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--disputes", type=int, default=100_000)
    parser.add_argument("--mediators", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--data-dir", help="reuse a data directory (seeded by an earlier run) instead of a fresh one")
    args = parser.parse_args()

    for service in PORTS:
        jar = REPO / service / "target" / f"{service}-{VERSION}.jar"
        if not jar.exists():
            raise SystemExit(f"missing {jar}: build it first (./mvnw -B -q -o install -DskipTests)")
    work = Path(tempfile.mkdtemp(prefix="fengqiao-bench-mediation-"))
    data_dir = Path(args.data_dir) if args.data_dir else work / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    logs = work / "logs"
    logs.mkdir()
    say(f"data {data_dir}, logs {logs}; commit {git('rev-parse', '--short', 'HEAD')}; "
        f"JAVA_OPTS {JAVA_OPTS}; mediation-service also {MEDIATION_OPTS}")
    processes = {}
    try:
        began = time.time()
        processes["identity-service"] = start("identity-service", data_dir, logs)
        processes["mediation-service"] = start("mediation-service", data_dir, logs,
                                               [*MEDIATION_OPTS.split(),
                                                f"-Dfengqiao.mediation.bench.disputes={args.disputes}"])
        wait_ready("identity-service", processes["identity-service"], 300)
        processes["gateway"] = start("gateway", data_dir, logs)
        wait_ready("gateway", processes["gateway"], 300)
        wait_ready("mediation-service", processes["mediation-service"], 1800)
        say(f"ready after {time.time() - began:.0f} s (mediation-service seeded its disputes meanwhile)")
        for line in (logs / "mediation-service.log").read_text(errors="replace").splitlines():
            if "Bench disputes written" in line or "KPI counters" in line:
                say("  " + line.split(" : ")[-1])

        commander, admin, citizen = token("demo-commander"), token("demo-admin"), token("demo-citizen")
        organisation, dispute = suggestions_setup(admin, citizen, args.mediators)
        overview = call("GET", url("mediation-service", "/api/mediation/stats/overview"), commander)[1]
        say(f"disputes in the store: {overview['disputes']}, organisations {overview['organisations']}, "
            f"mediators {overview['mediators']}, overdue {overview['overdue']}")

        cases = [
            ("overview, all disputes", "/api/mediation/stats/overview"),
            ("overview, one county (331122)", "/api/mediation/stats/overview?countyCode=331122"),
            ("overview, one organisation", "/api/mediation/stats/overview?organisationId=org-331122-01"),
            ("overview, 12 months", "/api/mediation/stats/overview?from=2026-01&to=2026-12"),
            (f"suggestions, {args.mediators} mediators",
             f"/api/mediation/disputes/{dispute}/mediator-suggestions"),
        ]
        rows = []
        for name, path in cases:
            for service in ("mediation-service", "gateway"):
                pid = processes["mediation-service"].pid
                times, size = latencies(service, path, commander, args.warmup, 0)
                cpu_before = cpu_ms(pid)
                times, size = latencies(service, path, commander, 0, args.requests)
                cpu = (cpu_ms(pid) - cpu_before) / args.requests
                rows.append((name, "direct" if service == "mediation-service" else "gateway",
                             statistics.median(times), percentile(times, 99), max(times), size, cpu))
                say(f"{name:40s} {rows[-1][1]:8s} median {rows[-1][2]:7.1f} ms  p99 {rows[-1][3]:7.1f} ms  "
                    f"service CPU {cpu:5.1f} ms/request; load {os.getloadavg()[0]:.1f}")
        suggestions_path = f"/api/mediation/disputes/{dispute}/mediator-suggestions"
        loaded = wrk(suggestions_path, commander, args.connections, args.wrk_seconds)

        print()
        print(f"Requests: {args.requests} timed after {args.warmup} untimed, one keep-alive connection, demo-commander; "
              f"{overview['disputes']} disputes, suggestions over {args.mediators} mediators.")
        print()
        print("| request | path | median ms | p99 ms | max ms | mediation-service CPU ms/request | body bytes |")
        print("|---|---|---|---|---|---|---|")
        for name, path, median, p99, top, size, cpu in rows:
            print(f"| {name} | {path} | {median:.1f} | {p99:.1f} | {top:.1f} | {cpu:.1f} | {size} |")
        if loaded:
            print()
            print(f"wrk -t2 -c{args.connections} -d{args.wrk_seconds}s, suggestions through the gateway: "
                  f"{loaded.get('rps')} req/s, p50 {loaded.get('50%')}, p90 {loaded.get('90%')}, "
                  f"p99 {loaded.get('99%')}" + (f", non-2xx {loaded['non2xx']}" if "non2xx" in loaded else ""))
        print()
        print(f"Load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print("RSS after the run: " + ", ".join(f"{s} {rss_mb(p.pid)} MB" for s, p in processes.items()))
    finally:
        say("stopping " + ", ".join(processes))
        stop(list(processes.values()))
        if not args.data_dir:
            shutil.rmtree(work / "data", ignore_errors=True)
        for jar in work.glob("*.jar"):
            jar.unlink()
        say(f"stopped (logs kept in {logs})")


def suggestions_setup(admin, citizen, count):
    """An organisation of 缙云 with `count` mediators (through the API, 4 at a time) and one dispute of it."""
    status, _, location = call("POST", url("gateway", "/api/mediation/organisations"), admin, body={
        "name": f"基准调解中心 {uuid.uuid4().hex[:6]}", "kind": "GOVERNANCE_CENTRE", "countyCode": "331122",
        "townCode": "331122101000"})
    if status != 201:
        raise SystemExit(f"organisation: {status}")
    organisation = location.rsplit("/", 1)[1]
    categories = ["NEIGHBOUR", "MARRIAGE_FAMILY", "LAND_PROPERTY", "LABOUR_WAGES", "CONSUMER", "TRAFFIC_ACCIDENT",
                  "COMMERCIAL", "OTHER"]
    dialects = ["缙云话", "永康话", "青田话", "温州话", "丽水话", "普通话", "畲话", "客家话", "江西话", "贵州话"]
    rng = random.Random(6)

    def one(i):
        body = {"organisationId": organisation, "name": f"基准调解员{i:04d}",
                "specialties": rng.sample(categories, 2), "dialects": rng.sample(dialects, 2),
                "areaCodes": [f"331122101{200 + i % 60:03d}"], "capacity": 5 + i % 10}
        answer = call("POST", url("gateway", "/api/mediation/mediators"), admin, body=body)
        if answer[0] != 201:
            raise SystemExit(f"mediator {i}: {answer[0]} {answer[1]}")

    began = time.time()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(one, range(count)))
    say(f"{count} mediators registered through the gateway in {time.time() - began:.0f} s")
    status, body, location = call("POST", url("gateway", "/api/mediation/disputes"), citizen, body={
        "category": "NEIGHBOUR", "description": "邻里排水纠纷（基准）", "countyCode": "331122",
        "organisationId": organisation,
        "parties": [{"name": "张三", "role": "APPLICANT", "dialect": "缙云话", "self": True},
                    {"name": "李四", "role": "RESPONDENT", "dialect": "温州话"}]})
    if status != 201:
        raise SystemExit(f"dispute: {status} {body}")
    return organisation, location.rsplit("/", 1)[1]


def git(*args):
    try:
        return subprocess.run(["git", *args], capture_output=True, text=True, cwd=str(REPO)).stdout.strip()
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
