#!/usr/bin/env python3
"""Load for the failover test: appends with an Idempotency-Key, retried with the same key, then the check.

  load.py drive  --url URL --user USER --token TOKEN --chats 1,2,3 --duration S --out DIR [--grace S]
  load.py report --out DIR --stored FILE [--event-at T] [--after-from T2] [--label NAME] [--extra NAME=VALUE ...]
  load.py table DIR/report.json...

`drive` runs one thread per chat. Each thread sends one append at a time: a batch of 1 to 3 messages whose
contents carry the batch's key and position ("ha <key> 2/3"), so the stored rows can be counted per batch.
Answers 429, 500, 502, 503 and 504, connection errors and timeouts are retried with the same key and body
after a short pause (or the answer's Retry-After, up to 2 s), until the batch is acknowledged or the grace
period after the load is over; any other answer refuses the batch (acknowledged 2 in batches.tsv). Attempts
go to DIR/attempts.tsv and batches to DIR/batches.tsv (times are Unix seconds).

`report` reads those files and FILE, the stored rows as `key<TAB>positions in id order` (e.g. "1/3,2/3,3/3"),
and prints the figures (JSON in DIR/report.json, Markdown in DIR/report.md): acknowledged, stored, lost,
duplicated, partial, the longest time without a 200, the answers by status during the switch (from T, the
time of the kill or switchover, until the service has answered only 200 for SETTLE seconds, and at least
until the end of the longest time without a 200 that follows T), and the throughput before T and after the
switch (from T2 at the earliest).
"""
import argparse
import http.client
import json
import os
import random
import socket
import sys
import threading
import time
import urllib.parse
import uuid

REQUEST_TIMEOUT = 10  # seconds; longer than the service's own waits for a database connection
RETRY_PAUSE = 0.1     # seconds between attempts of one batch, unless the answer says Retry-After
MAX_RETRY_AFTER = 2   # seconds: the longest Retry-After followed
RETRIED = {429, 500, 502, 503, 504}  # answers retried with the same key (besides connection errors and timeouts)
SETTLE = 3.0          # seconds of only 200 answers that end the switch


def drive(args):
    url = urllib.parse.urlsplit(args.url)
    chats = [int(c) for c in args.chats.split(",")]
    stop_new = time.time() + args.duration
    give_up = stop_new + args.grace
    lock = threading.Lock()
    attempts_file = open(os.path.join(args.out, "attempts.tsv"), "w")
    batches_file = open(os.path.join(args.out, "batches.tsv"), "w")
    attempts_file.write("sent\tdone\tkey\tattempt\tstatus\n")
    batches_file.write("key\tchat\tsize\tacknowledged\tattempts\tfirst_sent\tacknowledged_at\n")

    def client(chat):
        rng = random.Random(chat)
        conn = None
        path = f"/api/users/{urllib.parse.quote(args.user, safe='')}/chats/{chat}/messages"
        headers = {"Content-Type": "application/json", "Cookie": f"neptun-session={args.token}"}
        while time.time() < stop_new:
            key = uuid.uuid4().hex
            size = rng.randint(1, 3)
            texts = [f"ha {key} {i}/{size}" for i in range(1, size + 1)]
            if size == 1:
                body = {"message": texts[0], "actor": "user"}
            else:
                body = {"messages": [{"content": t, "role": ("user", "assistant")[i % 2]} for i, t in enumerate(texts)]}
            data = json.dumps(body).encode()
            attempt, acked_at, refused, first_sent = 0, None, False, time.time()
            while acked_at is None and time.time() < give_up:
                attempt += 1
                sent = time.time()
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=REQUEST_TIMEOUT)
                    conn.request("POST", path, body=data, headers={**headers, "Idempotency-Key": key})
                    response = conn.getresponse()
                    answer = response.read()
                    status = str(response.status)
                    if response.status == 200:
                        stored = json.loads(answer)
                        count = 1 if "chatMessage" in stored else len(stored.get("chatMessages", []))
                        if count != size:
                            status = f"200-with-{count}-of-{size}"
                            refused = True
                        else:
                            acked_at = time.time()
                    elif response.status not in RETRIED:
                        refused = True  # the test sends only valid appends: nothing to retry
                    pause = RETRY_PAUSE
                    if response.getheader("Retry-After", "").isdigit():
                        pause = min(float(response.getheader("Retry-After")), MAX_RETRY_AFTER)
                    if response.will_close:
                        conn.close()
                        conn = None
                except (OSError, http.client.HTTPException, ValueError) as error:
                    status = "timeout" if isinstance(error, socket.timeout) else "error:" + type(error).__name__
                    pause = RETRY_PAUSE
                    if conn is not None:
                        conn.close()
                    conn = None
                with lock:
                    attempts_file.write(f"{sent:.6f}\t{time.time():.6f}\t{key}\t{attempt}\t{status}\n")
                if refused:
                    break
                if acked_at is None:
                    time.sleep(pause)
            with lock:
                batches_file.write(f"{key}\t{chat}\t{size}\t{1 if acked_at else (2 if refused else 0)}\t{attempt}\t{first_sent:.6f}\t"
                                   f"{f'{acked_at:.6f}' if acked_at else ''}\n")
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=client, args=(chat,), daemon=True) for chat in chats]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.duration + args.grace + REQUEST_TIMEOUT + 5)
    attempts_file.close()
    batches_file.close()
    print(f"load: {len(chats)} clients done", file=sys.stderr)


def read_tsv(path):
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def report(args):
    attempts = read_tsv(os.path.join(args.out, "attempts.tsv"))
    batches = read_tsv(os.path.join(args.out, "batches.tsv"))
    stored = {}
    with open(args.stored) as f:
        for line in f:
            if line.strip():
                key, positions = line.rstrip("\n").split("\t")
                stored[key] = positions.split(",")

    sizes = {b["key"]: int(b["size"]) for b in batches}
    acked = [b for b in batches if b["acknowledged"] == "1"]
    lost, duplicated, partial, unacked_stored, unknown = [], 0, [], 0, 0
    duplicated_messages = 0
    for key, positions in stored.items():
        size = sizes.get(key)
        if size is None:
            unknown += 1
            continue
        expected = [f"{i}/{size}" for i in range(1, size + 1)]
        copies = len(positions) // size
        if len(positions) % size or positions != expected * copies:
            partial.append(key)
        if copies > 1:
            duplicated += copies - 1
            duplicated_messages += (copies - 1) * size
    for b in acked:
        if b["key"] not in stored:
            lost.append(b["key"])
    unacked_stored = sum(1 for b in batches if b["acknowledged"] != "1" and b["key"] in stored)
    given_up = sum(1 for b in batches if b["acknowledged"] == "0")
    refused = sum(1 for b in batches if b["acknowledged"] == "2")

    attempts.sort(key=lambda a: float(a["done"]))
    oks = [float(a["done"]) for a in attempts if a["status"] == "200"]
    gap, gap_from = 0.0, None
    for before, after in zip(oks, oks[1:]):
        if after - before > gap:
            gap, gap_from = after - before, before

    result = {
        "label": args.label,
        "batches_sent": len(batches),
        "attempts": len(attempts),
        "retries": len(attempts) - len(batches),
        "max_attempts": max((int(b["attempts"]) for b in batches), default=0),
        "acknowledged_batches": len(acked),
        "acknowledged_messages": sum(int(b["size"]) for b in acked),
        "stored_batches": sum(len(p) // sizes[k] for k, p in stored.items() if k in sizes),
        "stored_messages": sum(len(p) for p in stored.values()),
        "lost_batches": len(lost),
        "lost_messages": sum(sizes[k] for k in lost),
        "duplicated_batches": duplicated,
        "duplicated_messages": duplicated_messages,
        "partial_batches": len(partial),
        "not_acknowledged_batches": given_up,
        "refused_batches": refused,
        "not_acknowledged_but_stored": unacked_stored,
        "stored_rows_of_unknown_batches": unknown,
        "longest_without_200_s": round(gap, 2),
        "longest_without_200_from": round(gap_from - min(float(a["sent"]) for a in attempts), 2) if gap_from else None,
    }
    status_total = {}
    for a in attempts:
        status_total[a["status"]] = status_total.get(a["status"], 0) + 1
    result["answers_by_status"] = dict(sorted(status_total.items()))

    start = min(float(a["sent"]) for a in attempts)
    end = max(float(a["done"]) for a in attempts)
    if args.event_at:
        event = float(args.event_at)
        # The switch: from the event until the last answer other than 200 that is followed by SETTLE seconds
        # of 200s only.
        last_bad = event
        for a in attempts:
            done = float(a["done"])
            if done < event:
                continue
            if a["status"] != "200":
                last_bad = done
            elif done - last_bad >= SETTLE:
                break
        # The longest gap between two 200s over the switch: requests that wait for a database connection
        # answer nothing at all for a while, so the switch lasts at least until that gap ends.
        gap_at_event, gap_end = 0.0, last_bad
        for previous, t in zip(oks, oks[1:]):
            if t < event:
                continue
            if previous > last_bad + SETTLE:
                break
            if t - previous > gap_at_event:
                gap_at_event, gap_end = t - previous, t
        if not any(t >= event for t in oks):
            gap_at_event, gap_end = end - max([t for t in oks if t < event] or [start]), end
        last_bad = max(last_bad, gap_end)
        during = {}
        for a in attempts:
            if event <= float(a["done"]) <= last_bad:
                during[a["status"]] = during.get(a["status"], 0) + 1
        # After: from the end of the switch, or later when the cluster is whole again (--after-from).
        after_from = max(last_bad, float(args.after_from or 0))
        before = [b for b in acked if float(b["acknowledged_at"]) < event]
        after = [b for b in acked if float(b["acknowledged_at"]) > after_from]
        before_s = max(event - start, 1e-9)
        after_end = max(float(b["acknowledged_at"]) for b in acked) if acked else end
        after_s = max(after_end - after_from, 1e-9)
        result.update({
            "event_after_s": round(event - start, 2),
            "switch_s": round(last_bad - event, 2),
            "without_200_after_event_s": round(gap_at_event, 2),
            "answers_during_switch": dict(sorted(during.items())),
            "before_batches_per_s": round(len(before) / before_s, 1),
            "before_messages_per_s": round(sum(int(b["size"]) for b in before) / before_s, 1),
            "after_from_s": round(after_from - event, 2),
            "after_batches_per_s": round(len(after) / after_s, 1),
            "after_messages_per_s": round(sum(int(b["size"]) for b in after) / after_s, 1),
        })
    else:
        span = max(end - start, 1e-9)
        result.update({
            "batches_per_s": round(len(acked) / span, 1),
            "messages_per_s": round(result["acknowledged_messages"] / span, 1),
        })
    for pair in args.extra:
        name, _, value = pair.partition("=")
        result[name] = value
    with open(os.path.join(args.out, "report.json"), "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result, indent=2))


def table(args):
    """A Markdown table of the cases, one row per report.json."""
    print("| case | database path | event | before: batches/s (msg/s) | after: batches/s (msg/s) | switch s "
          "| seconds without a 200 | answers during the switch | acknowledged batches (msg) | stored batches (msg) "
          "| lost | duplicated | partial | retries |")
    print("|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for path in args.reports:
        with open(path) as f:
            r = json.load(f)
        during = ", ".join(f"{k}: {v}" for k, v in r.get("answers_during_switch", {}).items()) or "-"
        print(f"| {r['label']} | {r.get('path', '')} | {r.get('event', '')} "
              f"| {r.get('before_batches_per_s', '')} ({r.get('before_messages_per_s', '')}) "
              f"| {r.get('after_batches_per_s', '')} ({r.get('after_messages_per_s', '')}) "
              f"| {r.get('switch_s', '')} | {r.get('without_200_after_event_s', '')} | {during} "
              f"| {r['acknowledged_batches']} ({r['acknowledged_messages']}) | {r['stored_batches']} ({r['stored_messages']}) "
              f"| {bold(r['lost_batches'])} | {bold(r['duplicated_batches'])} | {bold(r['partial_batches'])} | {r['retries']} |")


def bold(n):
    return f"**{n}**" if n else "0"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    d = commands.add_parser("drive")
    d.add_argument("--url", required=True)
    d.add_argument("--user", required=True)
    d.add_argument("--token", required=True)
    d.add_argument("--chats", required=True, help="comma-separated chat ids, one client each")
    d.add_argument("--duration", type=float, required=True, help="seconds during which new batches are sent")
    d.add_argument("--grace", type=float, default=30, help="seconds after that for retries of open batches")
    d.add_argument("--out", required=True)
    r = commands.add_parser("report")
    r.add_argument("--out", required=True)
    r.add_argument("--stored", required=True)
    r.add_argument("--event-at")
    r.add_argument("--after-from", help="measure the throughput after the switch from this time at the earliest")
    r.add_argument("--label", default="")
    r.add_argument("--extra", action="append", default=[], metavar="NAME=VALUE", help="recorded as it is")
    t = commands.add_parser("table")
    t.add_argument("reports", nargs="+", help="report.json files, one row each")
    args = parser.parse_args()
    {"drive": drive, "report": report, "table": table}[args.command](args)


if __name__ == "__main__":
    main()
