#!/usr/bin/env python3
"""Summarises a JFR recording printed by `jfr print` (see bench/profile).

    jfr-summary.py ALLOCATION_STATISTICS EXECUTION_SAMPLES REQUESTS [GC_AND_JIT]

Bytes allocated per request: the growth of every thread's allocation counter
(jdk.ThreadAllocationStatistics) over the recording, divided by REQUESTS. CPU samples: the share of
jdk.ExecutionSample events by component, each sample counted for the innermost frame outside the JDK, for
all threads and for the request threads (Jetty's pool, "dw-"). GC_AND_JIT (jdk.GarbageCollection and
jdk.Compilation events): the collections' pauses, and the time of the compilations JFR recorded (those over
its threshold), which should be near zero once the JVM is warm.
"""
import collections
import re
import sys

UNITS = {"byte": 1, "bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}

COMPONENTS = [
    ("neptun.chat.adapters.persistence", "our persistence adapter"),
    ("neptun.chat.adapters.rest", "our REST adapter"),
    ("neptun.chat", "our application and domain"),
    ("org.glassfish.jersey", "Jersey"),
    ("org.jvnet.hk2", "HK2 (Jersey's injection)"),
    ("org.glassfish.hk2", "HK2 (Jersey's injection)"),
    ("com.fasterxml.jackson", "Jackson"),
    ("org.eclipse.jetty", "Jetty"),
    ("com.codahale.metrics", "metrics"),
    ("io.dropwizard.metrics", "metrics"),
    ("io.dropwizard", "Dropwizard"),
    ("org.postgresql", "PgJDBC"),
    ("org.apache.tomcat", "connection pool"),
    ("org.jdbi", "JDBI"),
    ("com.github.benmanes.caffeine", "Caffeine"),
    ("org.hibernate.validator", "Hibernate Validator"),
    ("jakarta.", "Jakarta APIs"),
    ("ch.qos.logback", "logging"),
    ("org.slf4j", "logging"),
]


def component(frame):
    for prefix, name in COMPONENTS:
        if frame.startswith(prefix):
            return name
    if frame.startswith(("java.", "javax.", "jdk.", "sun.", "com.sun.")):
        return None
    return "other"


def events(path, kind):
    text = open(path, encoding="utf-8", errors="replace").read()
    return re.split(r"\n(?=" + re.escape(kind) + r" \{)", text)[1:] if kind in text else []


def allocated_bytes(path):
    per_thread = collections.defaultdict(list)
    for event in events(path, "jdk.ThreadAllocationStatistics"):
        amount = re.search(r"allocated = ([\d.]+) (\w+)", event)
        thread = re.search(r"thread = (.*)", event)
        if amount and thread:
            per_thread[thread.group(1).strip()].append(float(amount.group(1)) * UNITS.get(amount.group(2), 1))
    return sum(max(values) - min(values) for values in per_thread.values())


def samples(path):
    for event in events(path, "jdk.ExecutionSample"):
        thread = re.search(r'sampledThread = "([^"]*)"', event)
        stack = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
        if not stack:
            continue
        frames = [line.strip().split(" line:")[0] for line in stack.group(1).strip().split("\n")
                  if line.strip() and not line.strip().startswith("...")]
        owner = next((c for c in map(component, frames) if c), "JDK only")
        yield (thread.group(1) if thread else ""), owner


def milliseconds(text):
    value, unit = text.split()
    return float(value) * {"ns": 1e-6, "us": 1e-3, "ms": 1, "s": 1e3, "min": 6e4}.get(unit, 1)


def gc_and_jit(path, requests):
    pauses = [milliseconds(m.group(1)) for m in re.finditer(r"sumOfPauses = ([\d.]+ \w+)", open(path).read())]
    compilations = [milliseconds(re.search(r"duration = ([\d.]+ \w+)", e).group(1))
                    for e in events(path, "jdk.Compilation") if "duration = " in e]
    print(f"GC: {len(pauses)} collections, {sum(pauses):.0f} ms of pauses ({1000 * sum(pauses) / requests:.1f} ms per 1000 requests)")
    print(f"JIT compilations recorded: {len(compilations)}, {sum(compilations):.0f} ms")


def shares(pairs, title):
    counts = collections.Counter(owner for _, owner in pairs)
    total = sum(counts.values())
    print(f"{title}: {total} samples")
    for name, count in counts.most_common():
        print(f"  {100 * count / total:5.1f}%  {name}")


def main():
    allocation, execution, requests = sys.argv[1], sys.argv[2], int(sys.argv[3])
    total = allocated_bytes(allocation)
    print(f"allocated per request (all threads): {total / requests / 1024:.1f} KiB ({total / 1e6:.0f} MB over {requests} requests)")
    if len(sys.argv) > 4:
        gc_and_jit(sys.argv[4], requests)
    pairs = list(samples(execution))
    shares(pairs, "CPU samples, all threads")
    shares([p for p in pairs if p[0].startswith("dw-")], "CPU samples, request threads (dw-)")


if __name__ == "__main__":
    main()
