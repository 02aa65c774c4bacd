"""Run the benchmarks and write bench/RESULTS.md: one table per benchmark (figure, value, target, met?).

Figures only, never assertions. Each benchmark also runs alone (`python -m bench.e2e`, ...) and then
updates only its own section of RESULTS.md, so a partial run keeps the other sections (each says
when it was measured).

Run: .venv/bin/python -m bench.run_all [--only e2e,growth,memory,serve] [--articles 2000]
         [--growth-sizes 10000,200000] [--search-queries 200] [--serve-minutes 10] [--serve-articles 200]
Quick smoke run: --articles 200 --growth-sizes 2000,10000 --serve-minutes 1"""
from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
ORDER = ("e2e", "growth", "memory", "serve")


@dataclass
class Figure:
    name: str
    value: str
    target: str = ""
    met: bool | None = None    # None: a figure without a target of its own


@dataclass
class Section:
    key: str                   # e2e | growth | memory | serve: the part of RESULTS.md it owns
    title: str
    parameters: str            # what was run, in one line
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # diagnosis of missed targets, caveats
    details: list[str] = field(default_factory=list)  # preformatted text (a run summary), shown as code
    measured_at: str = field(default_factory=lambda: f"{utc_now()} on {machine_line()}")   # when it started
    command: str = ""

    def add(self, name: str, value: str, target: str = "", met: bool | None = None) -> Figure:
        figure = Figure(name, value, target, met)
        self.figures.append(figure)
        met_text = "" if met is None else ("  [met]" if met else "  [MISSED]")
        print(f"  {name}: {value}" + (f"   (target {target}){met_text}" if target else ""), flush=True)
        return figure

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)

    def markdown(self) -> str:
        lines = [f"<!-- bench:{self.key} -->", f"## {self.title}", "",
                 f"Measured {self.measured_at}" + (f" by `{self.command}`" if self.command else "")
                 + f". {self.parameters}", "",
                 "| figure | value | target | met? |", "|---|---|---|---|"]
        for figure in self.figures:
            met = "" if figure.met is None else ("yes" if figure.met else "**no**")
            lines.append(f"| {figure.name} | {figure.value} | {figure.target} | {met} |")
        if self.notes:
            lines.append("")
            lines.extend(f"- {note}" for note in self.notes)
        for text in self.details:
            lines.extend(["", "```", text.rstrip(), "```"])
        lines.append(f"<!-- /bench:{self.key} -->")
        return "\n".join(lines)


def progress(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def machine_line() -> str:
    memory = ""
    try:
        kilobytes = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
        memory = f", {kilobytes / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    load = os.getloadavg()
    return (f"{os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, Python {platform.python_version()}; "
            f"load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1 / 5 / 15 min)")


class OtherWork:
    """How many cores other processes kept busy during a block: the machine's busy CPU time (/proc/stat)
    minus this process's and its descendants' (sampled from /proc every 0.25 s, so a forkserver's
    workers, which nobody here waits for, count as ours too). The machines are shared; this says how much."""

    def __enter__(self) -> "OtherWork":
        self.cores = 0.0
        self.baseline = self._descendants_cpu()
        self.seen = dict(self.baseline)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="other-work", daemon=True)
        self.start = (time.monotonic(), self._machine_busy(), time.process_time())
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        wall, busy, own = (now - then for now, then in
                           zip((time.monotonic(), self._machine_busy(), time.process_time()), self.start))
        own += sum(cpu - self.baseline.get(pid, 0.0) for pid, cpu in self.seen.items())
        self.cores = max(0.0, (busy - own) / wall) if wall > 0 else 0.0

    def _sample(self) -> None:
        while not self._stop.wait(0.25):
            for pid, cpu in self._descendants_cpu().items():
                self.seen[pid] = max(self.seen.get(pid, 0.0), cpu)

    @staticmethod
    def _descendants_cpu() -> dict[int, float]:
        from bench.memory import process_tree

        cpu = {}
        for pid in process_tree(os.getpid())[1:]:
            try:
                with open(f"/proc/{pid}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
                cpu[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            except (OSError, IndexError, ValueError):
                continue
        return cpu

    @staticmethod
    def _machine_busy() -> float:
        with open("/proc/stat") as handle:
            fields = [int(value) for value in handle.readline().split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)   # idle + iowait
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


HEADER = """# newsmon benchmark results

Written by `bench/run_all.py` (`make bench`); how to run and what each figure means: bench/README.md.
Figures only, no assertions. **The machine is shared with other work, so timings are noisy**: compare
runs on the same machine, and read a missed target together with its note.
"""


def invocation() -> str:
    """This process's command line, as `python -m bench.NAME ...` when run as a module."""
    script = Path(sys.argv[0])
    head = f"python -m bench.{script.stem}" if script.parent == RESULTS.parent else script.name
    return " ".join([head] + sys.argv[1:])


def update_results(sections: list[Section], path: Path = RESULTS) -> Path:
    """Replace the sections given (keeping the others already in the file) and rewrite the header."""
    existing = path.read_text(encoding="utf-8") if path.is_file() else ""
    blocks = {key: match.group(0) for key in ORDER
              if (match := re.search(rf"<!-- bench:{key} -->.*?<!-- /bench:{key} -->", existing, re.S))}
    for section in sections:
        section.command = section.command or invocation()
        blocks[section.key] = section.markdown()
    header = HEADER + f"\nLast written {utc_now()}.\n"
    path.write_text(header + "\n" + "\n\n".join(blocks[key] for key in ORDER if key in blocks) + "\n", encoding="utf-8")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(ORDER), help=f"comma-separated, of {', '.join(ORDER)}")
    parser.add_argument("--articles", type=int, default=2000, help="articles on the site of e2e and memory")
    parser.add_argument("--growth-sizes", default="10000,200000", help="two store sizes, small,large")
    parser.add_argument("--search-queries", type=int, default=200)
    parser.add_argument("--serve-minutes", type=float, default=10.0)
    parser.add_argument("--serve-articles", type=int, default=200)
    parser.add_argument("--results", type=Path, default=RESULTS)
    options = parser.parse_args(argv)
    chosen = [name.strip() for name in options.only.split(",") if name.strip()]
    unknown = sorted(set(chosen) - set(ORDER))
    if unknown:
        parser.error(f"--only: unknown benchmark(s) {', '.join(unknown)} (choose from {', '.join(ORDER)})")
    sizes = [int(size) for size in options.growth_sizes.split(",")]
    if len(sizes) != 2:
        parser.error("--growth-sizes takes two sizes, small,large (e.g. 10000,200000)")
    progress(f"benchmarks: {', '.join(chosen)} on {machine_line()}")
    sections, run_once_memory = [], None
    started = time.monotonic()
    for name in ORDER:
        if name not in chosen:
            continue
        progress(f"--- {name} ---")
        print(f"\n== {name} ==", flush=True)
        if name == "e2e":
            from bench import e2e

            section, run_once_memory = e2e.run(options.articles)
        elif name == "growth":
            from bench import growth

            section = growth.run(sizes, options.search_queries)
        elif name == "memory":
            from bench import memory

            section = memory.run_once_section(options.articles, reuse=run_once_memory)
        else:
            from bench import memory

            section = memory.serve_section(options.serve_minutes, options.serve_articles)
        sections.append(section)
        update_results(sections, options.results)   # after each, so a late failure keeps the rest
    progress(f"all done in {time.monotonic() - started:.0f} s; wrote {options.results}")
    missed = [f"{section.key}: {figure.name}" for section in sections for figure in section.figures if figure.met is False]
    print("\ntargets missed: " + ("; ".join(missed) if missed else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
