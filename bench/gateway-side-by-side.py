#!/usr/bin/env python3
"""Two gateway jars (or two settings of one) side by side in one run, against public-service direct and nginx (issue 10).

Starts public-service (this checkout's jar, fresh data directory, no demo data: the catalogue loads anyway),
INSTANCES gateways of jar A and as many of jar B in front of it, and nginx (bench/nginx.conf.template); warms each
gateway up (WARMUP_PASSES passes of WARMUP s each, the gateways in turn), then runs the scenarios (SCENARIOS, of
catalogue, item, forward (bench.py's) and catalogue-nocache (the catalogue with Cache-Control: no-cache)) R rounds,
each round wrk on direct, nginx and every gateway in turn, the gateways' order rotated every round. Prints medians,
each gateway's CPU time per request (its process CPU seconds during the wrk run over the requests answered, which
depends much less on what else runs on the machine than req/s), the ratios, and per round B's median CPU per
request over A's; stops what it started.

Why several instances: two JVMs of one jar, started alike and warmed alike, settle 20-30 % apart (what the JIT saw
while compiling), so one instance against one shows only differences above that (docs/benchmarks.md, session 8).

Usage: GATEWAY_PORT=28080 GATEWAY_B_PORT=28090 PUBLIC_SERVICE_PORT=28083 BENCH_NGINX_PORT=28000 \\
       bench/gateway-side-by-side.py OLD.jar NEW.jar
  env: ROUNDS=3 DURATION=6 WARMUP=20 WARMUP_PASSES=1 INSTANCES=1 SCENARIOS=catalogue,item,forward,catalogue-nocache
       GATEWAY_B_ENV="K=V ..." gives gateway B extra environment (two settings of one jar: give the jar twice);
       GATEWAY_B_JAVA=/path/to/java runs B on another JVM; GATEWAY_B_OPTS="-Xmn96m ..." gives B's JVM more options
       (after the heap shape both get, so they win).
Ports used: PUBLIC_SERVICE_PORT, BENCH_NGINX_PORT, and GATEWAY_PORT + i, GATEWAY_B_PORT + i for i < INSTANCES.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench

ROUNDS = int(os.environ.get("ROUNDS", "3"))
DURATION = int(os.environ.get("DURATION", "6"))
WARMUP = int(os.environ.get("WARMUP", "20"))
WARMUP_PASSES = int(os.environ.get("WARMUP_PASSES", "1"))
INSTANCES = int(os.environ.get("INSTANCES", "1"))
SCENARIOS = os.environ.get("SCENARIOS", "catalogue,item,forward,catalogue-nocache").split(",")
CONNECTIONS = 64
PUBLIC = bench.PORTS["public-service"]
# deploy/local/run.sh's heap shape for the gateway (GATEWAY_HEAP_OPTS), after the services' options
GATEWAY_HEAP_OPTS = ["-Xms128m", "-Xmn64m"]


def start(jar, port, env, log, java="java", extra_options=()):
    env = dict(os.environ, SERVER_PORT=str(port), **env)
    return subprocess.Popen([java, *bench.BENCH_JAVA_OPTS.split(), *extra_options, "-Dfengqiao.demo-data.enabled=false",
                             "-jar", jar], env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)


def wait_ready(port, timeout=600):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            status, _ = bench.http("GET", f"http://127.0.0.1:{port}/actuator/health/readiness", timeout=5) \
                if port_open(port) else (0, None)
        except OSError:  # a JVM still starting on a loaded machine may not answer within 5 s
            status = 0
        if status == 200:
            return
        time.sleep(2)
    raise SystemExit(f"nothing ready on {port} within {timeout} s")


def port_open(port):
    import socket
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def main():
    jar_a, jar_b = sys.argv[1], sys.argv[2]
    variants = {"A": (jar_a, int(os.environ.get("GATEWAY_PORT", "8080")), {}, "java", GATEWAY_HEAP_OPTS),
                "B": (jar_b, int(os.environ.get("GATEWAY_B_PORT", "18090")),
                      # e.g. GATEWAY_B_ENV="MANAGEMENT_TRACING_SAMPLING_PROBABILITY=0.1": one jar, two settings
                      dict(pair.split("=", 1) for pair in os.environ.get("GATEWAY_B_ENV", "").split()),
                      os.environ.get("GATEWAY_B_JAVA", "java"),
                      GATEWAY_HEAP_OPTS + os.environ.get("GATEWAY_B_OPTS", "").split())}
    # A1, B1, A2, B2, ...: each variant's instances on consecutive ports from its own
    gateways = {f"{variant}{i + 1}": (variant, port + i)
                for i in range(INSTANCES) for variant, (_, port, *_) in variants.items()}
    work = Path(tempfile.mkdtemp(prefix="fengqiao-gw-side-"))
    processes, conf = [], None
    try:
        processes.append(start(str(bench.REPO / "public-service/target/public-service-0.1.0-SNAPSHOT.jar"), PUBLIC,
                               {"FENGQIAO_DATA_DIR": str(work / "data"), "FENGQIAO_DEMO_DATA_ENABLED": "false"},
                               work / "public-service.log"))
        pids = {}
        for name, (variant, port) in gateways.items():
            jar, _, extra_env, java, options = variants[variant]
            env = {"PUBLIC_SERVICE_URL": f"http://127.0.0.1:{PUBLIC}",
                   # the per-caller limit would measure the policy, not the gateway
                   "FENGQIAO_RATE_LIMIT_PER_SECOND": "1000000", "FENGQIAO_RATE_LIMIT_BURST": "1000000", **extra_env}
            process = start(jar, port, env, work / f"gateway-{name}.log", java, options)
            processes.append(process)
            pids[name] = process.pid
        for port in (PUBLIC, *(port for _, port in gateways.values())):
            wait_ready(port)
        conf = bench.start_nginx(work)
        _, page = bench.http("GET", f"http://127.0.0.1:{PUBLIC}/api/public/items?global=true&size=1")
        item = page["content"][0]["code"]
        known = dict(bench.scenarios())
        known["catalogue-nocache"] = bench.Scenario(
            "catalogue-nocache", "public-service", "/api/public/items?global=true&size=45",
            headers={"Cache-Control": "no-cache"}, note="the catalogue, forwarded every time")
        chosen = [known[name] for name in SCENARIOS]
        for scenario in chosen:
            scenario.path = scenario.path.replace("{item}", item)
        bases = {"direct": f"http://127.0.0.1:{PUBLIC}", "nginx": f"http://127.0.0.1:{bench.NGINX_PORT}"}
        bases.update({name: f"http://127.0.0.1:{port}" for name, (_, port) in gateways.items()})
        bench.say(f"{len(gateways)} gateways; warming up: {WARMUP_PASSES} x {WARMUP} s per gateway and scenario, "
                  f"{max(5, WARMUP // 3)} s direct and nginx")
        for scenario in chosen:
            for warmup_pass in range(WARMUP_PASSES):
                for name, base in bases.items():
                    if name in pids or warmup_pass == 0:
                        bench.wrk(base + scenario.path, scenario, CONNECTIONS, WARMUP if name in pids else max(5, WARMUP // 3))
        results = {}
        for scenario in chosen:
            for round_number in range(ROUNDS):
                names = list(gateways)
                shift = round_number % len(names)
                order = ["direct", "nginx", *names[shift:], *names[:shift]]
                for name in order:
                    before = bench.rss_and_cpu(pids[name])[1] if name in pids else 0
                    result = bench.wrk(bases[name] + scenario.path, scenario, CONNECTIONS, DURATION)
                    after = bench.rss_and_cpu(pids[name])[1] if name in pids else 0
                    result["cpu_ms"] = (1000 * (after - before) / result["requests"]
                                        if name in pids and result["requests"] else float("nan"))
                    result["round"] = round_number
                    results.setdefault((scenario.name, name), []).append(result)
                    bench.say(f"{scenario.name:<18} round {round_number + 1} {name:<6} {result['rps']:8.0f} req/s "
                              f"p50 {result['p50']:7.2f} ms p99 {result['p99']:7.2f} ms non-2xx {result['non2xx']} "
                              f"CPU/request {result['cpu_ms']:.3f} ms")
        report(chosen, results, gateways, pids)
    finally:
        if conf:
            bench.stop_nginx(work, conf)
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        subprocess.run(["rm", "-rf", str(work)])


def report(chosen, results, gateways, pids):
    median = statistics.median
    print(f"\n## {CONNECTIONS} connections, {DURATION} s per run, {ROUNDS} rounds, {INSTANCES} instance(s) of each "
          f"gateway (medians), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
    print("| scenario | path | req/s | p50 ms | p99 ms | CPU ms/request | non-2xx |")
    print("|---|---|---|---|---|---|---|")
    for (scenario_name, name), runs in results.items():
        print(f"| {scenario_name} | {name} | {median(r['rps'] for r in runs):.0f} "
              f"| {median(r['p50'] for r in runs):.2f} | {median(r['p99'] for r in runs):.2f} "
              f"| {median(r['cpu_ms'] for r in runs):.3f} | {sum(r['non2xx'] for r in runs)} |")
    print("\nEach variant over all its instances and rounds; B/A of CPU per request by round (medians of the instances):\n")
    print("| scenario | A req/s | B req/s | A/nginx | B/nginx | B/A req/s | B/A CPU per request | B/A CPU by round |")
    print("|---|---|---|---|---|---|---|---|")
    for scenario in chosen:
        def runs(variant):
            return [r for name, (v, _) in gateways.items() if v == variant for r in results[(scenario.name, name)]]
        nginx = median(r["rps"] for r in results[(scenario.name, "nginx")])
        rps = {v: median(r["rps"] for r in runs(v)) for v in "AB"}
        cpu = {v: median(r["cpu_ms"] for r in runs(v)) for v in "AB"}
        by_round = [median(r["cpu_ms"] for r in runs("B") if r["round"] == n)
                    / median(r["cpu_ms"] for r in runs("A") if r["round"] == n) for n in range(ROUNDS)]
        print(f"| {scenario.name} | {rps['A']:.0f} | {rps['B']:.0f} | {rps['A'] / nginx:.2f} | {rps['B'] / nginx:.2f} "
              f"| {rps['B'] / rps['A']:.2f} | {cpu['B'] / cpu['A']:.2f} | {', '.join(f'{x:.2f}' for x in by_round)} |")
    print("\nRSS after: " + ", ".join(f"{name} {bench.rss_and_cpu(pid)[0]:.0f} MB" for name, pid in pids.items()))


if __name__ == "__main__":
    main()
