"""Build speed at the scale of a national network, against a plain-Markdown baseline.

Run:  .venv/bin/python benchmarks/build_speed.py            (N = 50, 200, 500)
      .venv/bin/python benchmarks/build_speed.py --large    (adds N = 2,000)

For each N it generates N seeded synthetic campaigns (several events with
schedules, results, an honour roll, texts in all four locales), builds the
site, then builds a baseline in the same run: the very same pages written
as plain Markdown files, with the same theme, plugins and menu shape but no
hooks. It prints wall time, pages, ms per page, peak memory and the ratio
to the baseline, then how time grows with N. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# Runs one build in a fresh interpreter and reports its time and peak memory.
CHILD = """
import json, resource, sys, time, os
os.environ["NO_MKDOCS_2_WARNING"] = "1"
import logging
logging.disable(logging.WARNING)
from mkdocs.commands.build import build
from mkdocs.config import load_config
start = time.perf_counter()
config = load_config(sys.argv[1], site_dir=sys.argv[2])
build(config)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
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
    return {"zh-Hans": simplified, "zh-Hant": simplified, "vi": vietnamese, "en": english}


def synthetic_campaign(rng: random.Random, index: int) -> dict[str, object]:
    """A campaign with the shape of a busy blood drive, deterministic for ``rng``."""
    city = rng.choice(PLACES)
    first = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 2500))
    events = []
    for number in range(rng.randint(2, 4)):
        day = first + timedelta(days=7 * number)
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
                    for hour in range(5)
                ],
                "bring": [_texts("身份证", "Identity card", "Căn cước công dân"), _texts("献血证", "Donor card", "Thẻ hiến máu")],
                "notes": [_texts("献血前请吃清淡早餐。", "Eat a light breakfast first.", "Hãy ăn sáng nhẹ trước khi hiến máu.")],
            }
        )
    donors = rng.randint(80, 600)
    return {
        "kind": "blood-drive",
        "status": "completed",
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


def write_project(folder: Path, count: int, seed: int = 2026) -> Path:
    """A copy of the site with ``count`` synthetic campaigns instead of the samples."""
    folder.mkdir(parents=True)
    for part in ("mkdocs.yml", "hooks", "overrides", "docs", "slogans.yaml"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    (folder / "donorsite").symlink_to(ROOT / "donorsite")
    campaigns = folder / "campaigns"
    campaigns.mkdir()
    rng = random.Random(seed)
    for index in range(count):
        text = yaml.safe_dump(synthetic_campaign(rng, index), allow_unicode=True, sort_keys=False)
        (campaigns / f"synthetic-{index:05d}.yaml").write_text(text, encoding="utf-8")
    return folder


def write_baseline(project: Path, folder: Path) -> Path:
    """The same pages as plain Markdown files, same theme and menu shape, no hooks."""
    sys.path.insert(0, str(ROOT))
    folder.mkdir(parents=True)
    from donorsite.locales import LOCALES
    from donorsite.site.build import SiteBuild
    from donorsite.site.settings import SiteOptions
    from donorsite.site.sources import write_sources

    site = SiteBuild(project, SiteOptions())
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[50, 200, 500])
    parser.add_argument("--large", action="store_true", help="also run N = 2,000")
    arguments = parser.parse_args()
    sizes = arguments.sizes + ([2000] if arguments.large else [])
    print(f"{'N':>6} {'pages':>6} {'build s':>8} {'ms/page':>8} {'peak MB':>8} {'plain s':>8} {'ratio':>6}")
    rows = []
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="donorsite-bench-") as scratch:
            project = write_project(Path(scratch) / "site", count)
            ours = timed_build(project)
            baseline = timed_build(write_baseline(project, Path(scratch) / "plain"))
        ratio = ours["seconds"] / baseline["seconds"]
        rows.append((count, ours["seconds"]))
        print(
            f"{count:>6} {int(ours['pages']):>6} {ours['seconds']:>8.2f} {1000 * ours['seconds'] / ours['pages']:>8.1f} "
            f"{ours['peak_mb']:>8.0f} {baseline['seconds']:>8.2f} {ratio:>6.2f}",
            flush=True,
        )
    for (small, small_time), (large, large_time) in zip(rows, rows[1:], strict=False):
        print(f"N {small} -> {large} ({large / small:.1f}x campaigns): time x{large_time / small_time:.2f}")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"benchmark took {time.perf_counter() - started:.0f} s")
