#!/usr/bin/env python3
"""Where the CPU went in a JFR recording: for every method, the share of execution samples whose stack holds it
(inclusive), and for every thread group the share of samples taken there. Used with bench/proxy-pairs.sh's
PAIRS_PROFILE; see docs/benchmarks.md.

    python3 bench/jfr-inclusive.py RECORDING.jfr [TOP] [FILTER]

FILTER keeps only methods whose qualified name contains it (for example "io.fedsearch" or "org.h2")."""
import re, subprocess, sys, collections, shutil, os

def jfr_tool():
    java = os.environ.get("JAVA")
    if java:
        return os.path.join(os.path.dirname(java), "jfr")
    for d in sorted(os.listdir("/usr/lib/jvm")):
        if "25" in d and os.path.exists(f"/usr/lib/jvm/{d}/bin/jfr"):
            return f"/usr/lib/jvm/{d}/bin/jfr"
    return shutil.which("jfr")

recording, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 50
wanted = sys.argv[3] if len(sys.argv) > 3 else None
text = subprocess.run([jfr_tool(), "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", recording],
                      capture_output=True, text=True, check=True).stdout
inclusive, threads, samples = collections.Counter(), collections.Counter(), 0
for event in text.split("jdk.ExecutionSample {")[1:]:
    samples += 1
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    name = re.sub(r"\d+", "N", thread.group(1)) if thread else "?"
    threads[name] += 1
    frames = set(re.findall(r"^\s+([\w$.<>]+)\(", event, re.M))
    for f in frames:
        inclusive[f] += 1
print(f"{samples} samples")
print("threads:")
for name, n in threads.most_common(12):
    print(f"  {100 * n / samples:5.1f}%  {name}")
print("methods (inclusive):")
shown = 0
for f, n in inclusive.most_common():
    if wanted and wanted not in f:
        continue
    print(f"  {100 * n / samples:5.1f}%  {f}")
    shown += 1
    if shown >= top:
        break
