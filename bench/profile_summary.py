#!/usr/bin/env python3
"""Summarises an async-profiler collapsed-stack file (bench/profile.sh): where a JVM's CPU went.

Usage: bench/profile_summary.py FILE [TOP]

Prints, as shares of all samples: (1) self time by the leaf frame's package, with kernel and native frames
(syscalls, stubs) charged to the nearest Java frame below them, because in a reactive server the inclusive time of
a frame means little (the rest of a request runs inside whichever operator signalled it); (2) a few inclusive
shares that do mean something: the kernel, garbage collection, the JIT compilers, epoll interest changes, interface
call stubs; (3) the top self frames.
"""

import collections
import re
import sys

INCLUSIVE = [
    ("kernel frames", r"_\[k\]$"),
    ("garbage collection", r"(DefNew|SerialHeap|GenCollect|G1|ParallelScavenge|VM_GC)"),
    ("JIT compilers", r"(C2Compiler|Compile::|CompileBroker|Compilation::)"),
    ("epoll_ctl (read interest switched on and off)", r"epoll_ctl"),
    ("interface/virtual call stubs (megamorphic calls)", r"^(itable|vtable) stub"),
]


def read(path):
    stacks = []
    with open(path) as lines:
        for line in lines:
            line = line.rstrip()
            if not line:
                continue
            frames, count = line.rsplit(" ", 1)
            stacks.append((frames.split(";"), int(count)))
    return stacks


def is_java(frame):
    return "/" in frame and not frame.endswith("_[k]") and not frame.startswith("/")


def package(frame, depth):
    parts = frame.split("/")[:-1]  # without Class.method
    if parts[:2] == ["org", "springframework"]:
        depth += 1
    return "/".join(parts[:depth])


def leaf_category(frames):
    leaf = frames[-1]
    if is_java(leaf):
        return package(leaf, 3)
    kind = "kernel" if leaf.endswith("_[k]") else "native"
    java = [frame for frame in frames if is_java(frame)]
    return f"{kind} under {package(java[-1], 3)}" if java else f"{kind}, no Java frame"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    stacks = read(sys.argv[1])
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    total = sum(count for _, count in stacks)
    if total == 0:
        sys.exit("no samples")
    print(f"{total} samples")
    print("\nself time by package (kernel and native frames charged to the Java frame below them):")
    by_leaf = collections.Counter()
    for frames, count in stacks:
        by_leaf[leaf_category(frames)] += count
    for name, count in by_leaf.most_common(top):
        print(f"  {100 * count / total:5.1f} %  {name}")
    print("\ninclusive:")
    for name, pattern in INCLUSIVE:
        regex = re.compile(pattern)
        count = sum(c for frames, c in stacks if any(regex.search(frame) for frame in frames))
        print(f"  {100 * count / total:5.1f} %  {name}")
    print("\ntop self frames:")
    by_frame = collections.Counter()
    for frames, count in stacks:
        by_frame[frames[-1]] += count
    for name, count in by_frame.most_common(top):
        print(f"  {100 * count / total:5.1f} %  {name[:140]}")


if __name__ == "__main__":
    main()
