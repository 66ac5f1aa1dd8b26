"""Build speed at the scale of a national network, against a plain-Markdown baseline.

Run:  .venv/bin/python benchmarks/build_speed.py                 (N = 50, 200, 500, then the many-events case)
      .venv/bin/python benchmarks/build_speed.py --large         (adds N = 2,000 and 5,000: heavy, ~15 min on 2 cores)
      .venv/bin/python benchmarks/build_speed.py --markdown      (also prints the figures as a Markdown table)
      .venv/bin/python benchmarks/build_speed.py --sizes 100 --no-events --guard 1.5 --attempts 3   (what .ci/run does)

For each N it generates N seeded synthetic campaigns (several events with
schedules, results, an honour roll, texts in all four locales), builds the
site, then builds a baseline in the same run: the very same pages and files
written as plain Markdown and static files, with the same theme, plugins,
menu shape and search step (Pagefind on the finished pages) but no hooks. It prints wall time, pages, ms per page, peak
memory (the build's processes together) and the ratio to the baseline, then
how time grows with N. Then 1,000 events in one campaign against the same
1,000 events spread over 100 campaigns. Figures, not assertions, except
with ``--guard R``: exit 1 when a ratio to the baseline exceeds R. A case
over the limit is measured again, up to ``--attempts`` times in all, and its
best ratio counts: a busy moment on a shared machine slows one run, a real
regression slows every run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

from donorsite.core.locales import LOCALES

ROOT = Path(__file__).resolve().parent.parent
# --large: the campaigns of a national network's archive (issue 24).
LARGE_SIZES = [2000, 5000]

# Runs one build in a fresh interpreter and reports its time and peak memory.
CHILD = """
import json, resource, sys, time, os
os.environ["NO_MKDOCS_2_WARNING"] = "1"
import logging
logging.disable(logging.WARNING)
import properdocs.replacement  # as the properdocs command does: mkdocs.* (Material's plugins) resolves to ProperDocs
from properdocs.commands.build import build
from properdocs.config import load_config
start = time.perf_counter()
config = load_config(sys.argv[1], site_dir=sys.argv[2])
build(config)
# Search is a step after any engine's build (the hooks run it; the baseline, without hooks, runs it here).
from pathlib import Path
from donorsite.build.site_search import write_search_index
if not (Path(sys.argv[2]) / "pagefind").is_dir():
    write_search_index(Path(sys.argv[2]))
seconds = time.perf_counter() - start
# The build's own process plus its largest child (the page worker), in MB.
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024}))
"""

PLACES = [
    ("苏州市", "Suzhou", "Tô Châu"),
    ("常熟市", "Changshu", "Thường Thục"),
    ("海防市", "Hai Phong", "Hải Phòng"),
    ("临沧市", "Lincang", "Lâm Thương"),
    ("西安市", "Xi'an", "Tây An"),
    ("嘉峪关市", "Jiayuguan", "Gia Dục Quan"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


def _texts(simplified: str, english: str, vietnamese: str) -> dict[str, str]:
    """One text for every site locale of the registry, by language (English where no sample is written)."""
    by_language = {"zh": simplified, "vi": vietnamese, "en": english}
    return {site_locale.code: by_language.get(site_locale.babel.language, english) for site_locale in LOCALES}


def synthetic_campaign(rng: random.Random, index: int, event_count: int | None = None) -> dict[str, object]:
    """A campaign with the shape of a busy blood drive, deterministic for ``rng`` (2–4 events unless ``event_count``)."""
    city = rng.choice(PLACES)
    first = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 2500))
    events = []
    for number in range(event_count or rng.randint(2, 4)):
        day = first + timedelta(days=number if event_count else 7 * number)
        events.append(
            {
                "date": day.isoformat(),
                "start": "08:30",
                "end": "16:30",
                "timezone": "Asia/Shanghai",
                "venue": {
                    "name": _texts(f"{city[0]}献血屋{number + 1}号", f"Donation room {number + 1}", f"Điểm hiến máu {number + 1}"),
                    "city": _texts(city[0], city[1], city[2]),
                },
                "schedule": [
                    {
                        "time": f"{8 + hour:02d}:30",
                        "activity": _texts(f"第{hour + 1}批献血者登记", f"Group {hour + 1} check-in", f"Nhóm {hour + 1} đăng ký"),
                    }
                    # Campaigns of many events (a year of bus stops) keep each one short, within the 1 MB file limit.
                    for hour in range(1 if event_count else 5)
                ],
                "bring": [_texts("身份证", "Identity card", "Căn cước công dân"), _texts("献血证", "Donor card", "Thẻ hiến máu")],
                "notes": [_texts("献血前请吃清淡早餐。", "Eat a light breakfast first.", "Hãy ăn sáng nhẹ trước khi hiến máu.")],
            }
        )
    donors = rng.randint(80, 600)
    return {
        "kind": "blood-drive",
        "status": "confirmed",
        "source_language": "zh-Hans",
        "year": first.year,
        "region": f"region-{index % 20}",
        "title": _texts(
            f"{city[0]}第{index}次无偿献血活动", f"{city[1]} blood drive no. {index}", f"Ngày hội hiến máu số {index} tại {city[2]}"
        ),
        "summary": _texts(f"{donors}人参加献血。", f"{donors} people gave blood.", f"{donors} người đã hiến máu."),
        "body": _texts(
            "感谢每一位献血者。\n\n- 采血车全天开放\n- 现场提供茶点",
            "Thank you to every donor.\n\n- Bus open all day\n- Snacks on site",
            "Cảm ơn mọi người hiến máu.\n\n- Xe mở cả ngày\n- Có đồ ăn nhẹ",
        ),
        "events": events,
        "targets": {"donors": donors - rng.randint(0, 50), "whole_blood_ml": donors * 300},
        "results": {"donors": donors, "whole_blood_ml": donors * rng.choice((200, 300, 400)), "volunteers": rng.randint(5, 40)},
        "honour_rolls": [
            {
                "title": _texts("先进个人", "Outstanding individuals", "Cá nhân tiêu biểu"),
                "recipients_are": "people",
                "recipients": [
                    {"name": {"zh-Hans": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)}, "mask_name": True}
                    for _ in range(20)
                ],
            }
        ],
    }


def write_project(folder: Path, count: int, seed: int = 2026, events_each: int | None = None, extra_hooks: tuple[Path, ...] = ()) -> Path:
    """A copy of the site with ``count`` synthetic campaigns (of ``events_each`` events, if given) instead of the samples.

    ``extra_hooks`` are added to the copy's ``hooks:`` (the guard's own test slows a build this way).
    """
    folder.mkdir(parents=True)
    for part in ("mkdocs.yml", "hooks", "overrides", "docs", "slogans.yaml"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    (folder / "donorsite").symlink_to(ROOT / "donorsite")
    if extra_hooks:
        config = (folder / "mkdocs.yml").read_text(encoding="utf-8")
        listed = "".join(f"  - {hook.resolve()}\n" for hook in extra_hooks)
        (folder / "mkdocs.yml").write_text(config.replace("hooks:\n", "hooks:\n" + listed, 1), encoding="utf-8")
    campaigns = folder / "campaigns"
    campaigns.mkdir()
    rng = random.Random(seed)
    for index in range(count):
        text = yaml.safe_dump(synthetic_campaign(rng, index, events_each), allow_unicode=True, sort_keys=False)
        (campaigns / f"synthetic-{index:05d}.yaml").write_text(text, encoding="utf-8")
    return folder


def write_baseline(project: Path, folder: Path) -> Path:
    """The same pages as plain Markdown files, same theme and menu shape, no hooks."""
    sys.path.insert(0, str(ROOT))
    folder.mkdir(parents=True)
    from donorsite.build.build import SiteBuild
    from donorsite.build.sources import write_sources
    from donorsite.content.options import SiteOptions

    site = SiteBuild(project, SiteOptions())  # in this process: the baseline gets the very same pages and files
    sources = write_sources(site, project / "docs", folder / "docs")
    not_in_nav = ["/" + path for path in sources.not_in_nav]
    config = yaml.safe_load(
        (project / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/object/apply:pymdownx.slugs.slugify", "")
    )
    config.pop("hooks", None)
    config.pop("watch", None)
    config["markdown_extensions"] = ["attr_list", "tables", "admonition", "toc"]
    config["nav"] = [{site_locale.code: site.menu(site_locale)} for site_locale in LOCALES]
    config["not_in_nav"] = "\n".join(not_in_nav)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    shutil.copytree(project / "overrides", folder / "overrides")
    return folder


def timed_build(project: Path) -> dict[str, float]:
    """Build ``project`` in a child process; return seconds and peak memory (MB)."""
    site = project / "site-out"
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(project / "mkdocs.yml"), str(site)], capture_output=True, text=True, cwd=project
    )
    if result.returncode != 0:
        raise SystemExit(result.stdout + result.stderr)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["pages"] = float(sum(1 for _ in site.rglob("index.html")))
    return figures


@dataclass(frozen=True)
class Row:
    """One measured case: our build against the plain-Markdown baseline of the same run."""

    case: str
    pages: int
    seconds: float
    peak_mb: float
    plain_seconds: float

    @property
    def ratio(self) -> float:
        return self.seconds / self.plain_seconds

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages


def measure(case: str, count: int, events_each: int | None = None, extra_hooks: tuple[Path, ...] = ()) -> Row:
    """Build ``count`` synthetic campaigns and their plain baseline in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="donorsite-bench-") as scratch:
        project = write_project(Path(scratch) / "site", count, events_each=events_each, extra_hooks=extra_hooks)
        ours = timed_build(project)
        baseline = timed_build(write_baseline(project, Path(scratch) / "plain"))
    return Row(case, int(ours["pages"]), ours["seconds"], ours["peak_mb"], baseline["seconds"])


def print_row(row: Row) -> None:
    print(
        f"{row.case:>18} {row.pages:>6} {row.seconds:>8.2f} {row.ms_per_page:>8.1f} "
        f"{row.peak_mb:>8.0f} {row.plain_seconds:>8.2f} {row.ratio:>6.2f}",
        flush=True,
    )


def markdown_table(rows: list[Row], command: str) -> str:
    """The figures as the Markdown table of ``benchmarks/README.md``, headed by date, cores and command."""
    lines = [
        f"Measured {date.today().isoformat()} on {os.cpu_count()} cores ({platform.python_implementation()} {platform.python_version()}), "
        f"with `{command}`:",
        "",
        "| case | pages | build s | ms/page | peak MB | plain-Markdown s | ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        figures = (f"{row.pages:,}", f"{row.seconds:.2f}", f"{row.ms_per_page:.1f}", f"{row.peak_mb:.0f}", f"{row.plain_seconds:.2f}")
        lines.append(f"| {row.case} | {' | '.join(figures)} | {row.ratio:.2f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[50, 200, 500])
    parser.add_argument("--large", action="store_true", help="also run N = 2,000 and 5,000 (a national network)")
    parser.add_argument("--no-events", action="store_true", help="skip the 1,000-events case")
    parser.add_argument("--markdown", action="store_true", help="also print the figures as a Markdown table")
    parser.add_argument("--guard", type=float, metavar="R", help="exit 1 if any ratio to the baseline exceeds R")
    parser.add_argument("--attempts", type=int, default=1, help="with --guard: measure a case over the limit again, up to this many runs")
    parser.add_argument("--extra-hook", type=Path, action="append", default=[], help="add a hook file to our build (to test the guard)")
    arguments = parser.parse_args()
    sizes = arguments.sizes + (LARGE_SIZES if arguments.large else [])
    hooks = tuple(arguments.extra_hook)
    print(f"{'case':>18} {'pages':>6} {'build s':>8} {'ms/page':>8} {'peak MB':>8} {'plain s':>8} {'ratio':>6}")
    rows = []
    for count in sizes:
        rows.append(measure(f"N = {count:,}", count, extra_hooks=hooks))
        print_row(rows[-1])
    sized = rows[:]
    for small, large in zip(sized, sized[1:], strict=False):
        print(f"{small.case} -> {large.case}: time x{large.seconds / small.seconds:.2f}")
    if not arguments.no_events:
        spread = measure("1,000 events / 100", 100, events_each=10, extra_hooks=hooks)
        print_row(spread)
        one_file = measure("1,000 events / 1", 1, events_each=1000, extra_hooks=hooks)
        print_row(one_file)
        rows += [spread, one_file]
        print(f"1,000 events in one campaign / spread over 100 campaigns: time x{one_file.seconds / spread.seconds:.2f}")
    if arguments.markdown:
        print()
        print(markdown_table(rows, "python benchmarks/build_speed.py " + " ".join(sys.argv[1:])))
    if arguments.guard is not None:
        return guard(sized, arguments.guard, arguments.attempts, hooks)
    return 0


def guard(rows: list[Row], limit: float, attempts: int, hooks: tuple[Path, ...]) -> int:
    """0 if every case's best ratio over up to ``attempts`` runs is at most ``limit``; else 1, saying which case failed."""
    best = []
    for row in rows:
        count = int(row.case.removeprefix("N = ").replace(",", ""))
        for attempt in range(2, attempts + 1):
            if row.ratio <= limit:
                break
            print(f"{row.case}: ratio {row.ratio:.2f} is above {limit}; measuring again ({attempt} of {attempts})")
            again = measure(row.case, count, extra_hooks=hooks)
            print_row(again)
            row = min(row, again, key=lambda measured: measured.ratio)
        best.append(row)
    worst = max(best, key=lambda row: row.ratio)
    if worst.ratio > limit:
        print(f"GUARD FAILED: {worst.case} builds {worst.ratio:.2f}x the plain-Markdown baseline, above the limit {limit}")
        return 1
    print(f"guard passed: every ratio is at most {limit} (worst {worst.ratio:.2f}, {worst.case})")
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"benchmark took {time.perf_counter() - started:.0f} s")
    sys.exit(status)
