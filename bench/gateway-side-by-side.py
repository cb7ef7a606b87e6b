#!/usr/bin/env python3
"""Two gateway jars side by side in one run, against public-service direct and nginx (issue 10).

Starts public-service (this checkout's jar, fresh data directory, no demo data: the catalogue loads anyway),
gateway A and gateway B (the two jars given) in front of it, and nginx (bench/nginx.conf.template); warms each up,
then runs the scenarios catalogue, item, forward (bench.py's) and catalogue-nocache (the catalogue with
Cache-Control: no-cache) R rounds, each round wrk on direct, nginx, gateway A, gateway B in turn. Prints medians,
each gateway's CPU time per request (its process CPU seconds during the wrk run over the requests answered, which
depends much less on what else runs on the machine than req/s), and the ratios; stops what it started.

Usage: GATEWAY_PORT=28080 GATEWAY_B_PORT=28082 PUBLIC_SERVICE_PORT=28083 BENCH_NGINX_PORT=28000 \\
       bench/gateway-side-by-side.py OLD.jar NEW.jar   (env ROUNDS=3 DURATION=6 WARMUP=20; GATEWAY_B_ENV="K=V ..."
       gives gateway B extra environment, to compare two settings of one jar)
Only the ports of GATEWAY_PORT, GATEWAY_B_PORT, PUBLIC_SERVICE_PORT and BENCH_NGINX_PORT are used.
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
CONNECTIONS = 64
PUBLIC = bench.PORTS["public-service"]


def start(jar, port, env, log):
    env = dict(os.environ, SERVER_PORT=str(port), **env)
    return subprocess.Popen(["java", *bench.BENCH_JAVA_OPTS.split(), "-Dfengqiao.demo-data.enabled=false", "-jar", jar],
                            env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)


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
    gateways = {"gateway A": int(os.environ.get("GATEWAY_PORT", "8080")),
                "gateway B": int(os.environ.get("GATEWAY_B_PORT", "18090"))}
    work = Path(tempfile.mkdtemp(prefix="fengqiao-gw-side-"))
    processes, conf = [], None
    try:
        processes.append(start(str(bench.REPO / "public-service/target/public-service-0.1.0-SNAPSHOT.jar"), PUBLIC,
                               {"FENGQIAO_DATA_DIR": str(work / "data"), "FENGQIAO_DEMO_DATA_ENABLED": "false"},
                               work / "public-service.log"))
        pids = {}
        for (name, port), jar in zip(gateways.items(), (jar_a, jar_b)):
            env = {"PUBLIC_SERVICE_URL": f"http://127.0.0.1:{PUBLIC}",
                   # the per-caller limit would measure the policy, not the gateway
                   "FENGQIAO_RATE_LIMIT_PER_SECOND": "1000000", "FENGQIAO_RATE_LIMIT_BURST": "1000000"}
            if name == "gateway B":  # e.g. GATEWAY_B_ENV="MANAGEMENT_TRACING_SAMPLING_PROBABILITY=0.1": one jar, two settings
                env.update(pair.split("=", 1) for pair in os.environ.get("GATEWAY_B_ENV", "").split())
            process = start(jar, port, env, work / f"{name}.log")
            processes.append(process)
            pids[name] = process.pid
        for port in (PUBLIC, *gateways.values()):
            wait_ready(port)
        conf = bench.start_nginx(work)
        _, page = bench.http("GET", f"http://127.0.0.1:{PUBLIC}/api/public/items?global=true&size=1")
        item = page["content"][0]["code"]
        known = bench.scenarios()
        chosen = [known["catalogue"], known["item"], known["forward"],
                  bench.Scenario("catalogue-nocache", "public-service", "/api/public/items?global=true&size=45",
                                 headers={"Cache-Control": "no-cache"}, note="the catalogue, forwarded every time")]
        for scenario in chosen:
            scenario.path = scenario.path.replace("{item}", item)
        paths = {"direct": f"http://127.0.0.1:{PUBLIC}", "nginx": f"http://127.0.0.1:{bench.NGINX_PORT}"}
        paths.update({name: f"http://127.0.0.1:{port}" for name, port in gateways.items()})
        bench.say(f"warming up: {WARMUP} s per gateway and scenario, {max(5, WARMUP // 3)} s direct and nginx")
        for scenario in chosen:
            for name, base in paths.items():
                bench.wrk(base + scenario.path, scenario, CONNECTIONS, WARMUP if name in pids else max(5, WARMUP // 3))
        results = {}
        for scenario in chosen:
            for round_number in range(ROUNDS):
                for name, base in paths.items():
                    before = bench.rss_and_cpu(pids[name])[1] if name in pids else 0
                    result = bench.wrk(base + scenario.path, scenario, CONNECTIONS, DURATION)
                    after = bench.rss_and_cpu(pids[name])[1] if name in pids else 0
                    result["cpu_ms"] = (1000 * (after - before) / result["requests"]
                                        if name in pids and result["requests"] else float("nan"))
                    results.setdefault((scenario.name, name), []).append(result)
                    bench.say(f"{scenario.name:<18} round {round_number + 1} {name:<9} {result['rps']:8.0f} req/s "
                              f"p50 {result['p50']:7.2f} ms p99 {result['p99']:7.2f} ms non-2xx {result['non2xx']} "
                              f"CPU/request {result['cpu_ms']:.3f} ms")
        print(f"\n## {CONNECTIONS} connections, {DURATION} s per run, {ROUNDS} rounds (medians), "
              f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}\n")
        print("| scenario | path | req/s | p50 ms | p99 ms | CPU ms/request | non-2xx |")
        print("|---|---|---|---|---|---|---|")
        for (scenario_name, name), runs in results.items():
            print(f"| {scenario_name} | {name} | {statistics.median(r['rps'] for r in runs):.0f} "
                  f"| {statistics.median(r['p50'] for r in runs):.2f} | {statistics.median(r['p99'] for r in runs):.2f} "
                  f"| {statistics.median(r['cpu_ms'] for r in runs):.3f} | {sum(r['non2xx'] for r in runs)} |")
        print("\n| scenario | A/nginx | B/nginx | B/A |")
        print("|---|---|---|---|")
        for scenario in chosen:
            median = {name: statistics.median(r["rps"] for r in results[(scenario.name, name)]) for name in paths}
            print(f"| {scenario.name} | {median['gateway A'] / median['nginx']:.2f} "
                  f"| {median['gateway B'] / median['nginx']:.2f} | {median['gateway B'] / median['gateway A']:.2f} |")
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


if __name__ == "__main__":
    main()
