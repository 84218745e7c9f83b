#!/usr/bin/env python3
"""Throughput of factlint on a large generated corpus, beside ripgrep on the same files.

    python3 benches/throughput.py                 # 200 MB corpus under target/bench-corpus
    python3 benches/throughput.py --size-mb 50    # a quicker run

The corpus is deterministic: the fixture articles (seeds and stories) are copied into story
folders of five, with names, figures and days varied by a seeded generator, until the size is
reached. It reports, for `factlint claims` and `factlint check`, wall time and MB/s on one core
(-j1) and on all cores, the peak resident memory of each run, and the time ripgrep takes to scan
the same corpus with factlint's French and English date patterns combined into one regex, as a
ratio. Each command runs --runs times; the median is reported. Needs `rg` (Debian: ripgrep).
"""
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "factlint")


def sources():
    out = []
    for base in ("fixtures/seeds", "fixtures/stories"):
        for dirpath, _, files in sorted(os.walk(os.path.join(ROOT, base))):
            for f in sorted(files):
                if f.endswith((".txt", ".md")):
                    with open(os.path.join(dirpath, f), encoding="utf-8") as fh:
                        out.append(fh.read())
    return out


def vary(text, rng):
    # Vary digits and a few capitalised words so that stories differ, deterministically. Front
    # matter stays as it is, so that every article keeps a valid publication date.
    head = ""
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n"):
            end = text.find("\n" + fence, len(fence))
            if end != -1:
                head, text = text[: end + len(fence) + 1], text[end + len(fence) + 1 :]
            break
    return head + vary_body(text, rng)


def vary_body(text, rng):
    digits = str.maketrans("0123456789", "".join(rng.sample("0123456789", 10)))
    words = text.split(" ")
    for i in range(0, len(words), rng.randint(40, 80)):
        if words[i][:1].isupper() and len(words[i]) > 3:
            words[i] = words[i][::-1].capitalize()
    return " ".join(words).translate(digits) if rng.random() < 0.5 else " ".join(words)


def make_corpus(out, size_mb, seed=42):
    marker = os.path.join(out, f".corpus-{size_mb}mb-{seed}")
    if os.path.exists(marker):
        return
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    rng = random.Random(seed)
    texts = sources()
    total, n = 0, 0
    while total < size_mb * 1_000_000:
        story = os.path.join(out, f"s{n // 5:05d}")
        os.makedirs(story, exist_ok=True)
        body = vary(texts[n % len(texts)], rng).encode("utf-8")
        with open(os.path.join(story, f"a{n:06d}.txt"), "wb") as fh:
            fh.write(body)
        total += len(body)
        n += 1
    open(marker, "w").close()


def corpus_bytes(out):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs if f.endswith(".txt"))


def run(cmd):
    """Wall seconds and peak RSS (MiB) of one process."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024


def measure(cmd, runs):
    results = [run(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=int, default=200)
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "bench-corpus"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    if shutil.which("rg") is None:
        sys.exit("ripgrep (rg) is needed: apt-get install ripgrep")
    make_corpus(args.out, args.size_mb)
    mb = corpus_bytes(args.out) / 1_000_000
    cores = os.cpu_count() or 1
    print(f"corpus: {mb:.0f} MB in {args.out}, {cores} cores, median of {args.runs} runs")
    rows = {}
    for sub in ("claims", "check"):
        for j in sorted({1, cores}):
            wall, rss = measure([BIN, sub, args.out, "--format", "json", "-j", str(j)], args.runs)
            rows[(sub, j)] = wall
            print(f"factlint {sub:6} -j{j}: {wall:7.2f} s  {mb / wall:7.1f} MB/s  peak RSS {rss:7.0f} MiB")
    regex = "|".join(
        subprocess.run([BIN, "debug-date-regex", "--lang", lang], capture_output=True, text=True, check=True).stdout.strip()
        for lang in ("fr", "en")
    )
    rg_wall, rg_rss = measure(["rg", "-c", "-j", str(cores), "-e", regex, args.out], args.runs)
    print(f"rg (date patterns) -j{cores}: {rg_wall:7.2f} s  {mb / rg_wall:7.1f} MB/s  peak RSS {rg_rss:7.0f} MiB")
    print(f"check -j{cores} / rg: {rows[('check', cores)] / rg_wall:.2f}x the time")


if __name__ == "__main__":
    main()
