"""``sites.yaml`` and ``supply.yaml``: every mistake stops `donorsite check` with file, line, field and the exact message.

Each case starts from the valid sample file, changes one line, runs the real
command (its ``main``, in this process) as of a fixed build date, and expects
exit 1, no traceback and exactly the expected problem line.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from test_bad_input import check_in_process

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Case:
    name: str
    file_name: str
    old: str
    new: str
    expected: str


SUPPLY_CASES = [
    Case(
        "future-as-of",
        "supply.yaml",
        'measured_at: "2026-05-30 08:00"',
        'measured_at: "2026-12-02 08:00"',
        "supply.yaml:15:14: measured_at: 2026-12-02 08:00 (Asia/Shanghai) is after the build date 2026-11-29; "
        "write when the stock was actually counted",
    ),
    Case(
        "unknown-type",
        "supply.yaml",
        "  AB-: 4",
        "  AB0: 4",
        "supply.yaml:29:3: levels.AB0: unknown key 'AB0'",
    ),
    Case(
        "negative-level",
        "supply.yaml",
        "  B+: 5.5",
        "  B+: -2",
        "supply.yaml:26:7: levels.B+: -2 days is negative; write the days of stock left (0 or more) or one of critical, low, plenty",
    ),
    Case(
        "non-numeric-level",
        "supply.yaml",
        "  B+: 5.5",
        "  B+: five days",
        "supply.yaml:26:7: levels.B+: 'five days' is not a level; write days of stock (a number such as 4.5) "
        "or one of critical, low, plenty",
    ),
    Case(
        "misspelt-level",
        "supply.yaml",
        "  B+: 5.5",
        "  B+: critcal",
        "supply.yaml:26:7: levels.B+: 'critcal' is not a level; write days of stock (a number such as 4.5) "
        "or one of critical, low, plenty; did you mean critical?",
    ),
    Case(
        "unknown-appeal-type",
        "supply.yaml",
        "  types: [O-]",
        "  types: [O0]",
        "supply.yaml:31:11: appeal.types[0]: 'O0' is not a blood type; use one of O+, O-, A+, A-, B+, B-, AB+, AB-",
    ),
    Case(
        "thresholds-reversed",
        "supply.yaml",
        "  critical_below: 3",
        "  critical_below: 9",
        "supply.yaml:19:3: thresholds: critical_below (9) must be smaller than low_below (7)",
    ),
]

SITES_CASES = [
    Case(
        "hour-25",
        "sites.yaml",
        '          monday: ["09:00-17:00"]',
        '          monday: ["09:00-25:00"]',
        "sites.yaml:61:20: centres[0].sites[0].hours.monday[0]: 25:00 in '09:00-25:00' is not a time of day; "
        "use 00:00 to 23:59 (write a site open past midnight as two days)",
    ),
    Case(
        "closes-before-opening",
        "sites.yaml",
        '          tuesday: ["09:00-17:00"]',
        '          tuesday: ["17:00-09:00"]',
        "sites.yaml:62:21: centres[0].sites[0].hours.tuesday[0]: '17:00-09:00' closes before it opens; "
        'write the opening time first, e.g. "08:30-17:00"',
    ),
    Case(
        "overlapping-spans",
        "sites.yaml",
        '          saturday: ["08:30-12:00"]',
        '          saturday: ["08:30-12:00", "11:00-15:00"]',
        "sites.yaml:116:21: centres[0].sites[1].hours.saturday: two spans overlap (11:00 is before 12:00); "
        "join them into one span or correct the times",
    ),
    Case(
        "hours-not-a-span",
        "sites.yaml",
        '          wednesday: ["09:00-17:00"]',
        "          wednesday: [9-5]",
        "sites.yaml:63:23: centres[0].sites[0].hours.wednesday[0]: '9-5' is not a span of opening hours; "
        'write it as "08:30-17:00" (with quotes)',
    ),
    Case(
        "unknown-weekday",
        "sites.yaml",
        '          sunday: ["07:00-11:00"]',
        '          sundy: ["07:00-11:00"]',
        "sites.yaml:155:11: centres[1].sites[0].hours.sundy: unknown key 'sundy'; did you mean 'sunday'?",
    ),
    Case(
        "exception-neither-closed-nor-hours",
        "sites.yaml",
        "            closed: true\n            note:\n              vi: Nghỉ",
        "            note:\n              vi: Nghỉ",
        "sites.yaml:157:13: centres[1].sites[0].exceptions[0]: say what changes: write 'closed: true' or the day's 'hours'",
    ),
    Case(
        "overlapping-exceptions",
        "sites.yaml",
        '        donations: [whole-blood]\n        contact:\n          phone: "+86 512 0000 0000"\n      - id: changshu-blood-centre',
        "          - date: 2027-06-13\n            closed: true\n"
        '        donations: [whole-blood]\n        contact:\n          phone: "+86 512 0000 0000"\n      - id: changshu-blood-centre',
        "sites.yaml:86:19: centres[0].sites[0].exceptions[2].date: these days (2027-06-13–2027-06-13) overlap another exception "
        "(2027-06-12–2027-06-14, exception 2 of this site); split the range so that each day has one exception, "
        "e.g. end the first the day before",
    ),
    Case(
        "duplicate-site-id",
        "sites.yaml",
        "      - id: changshu-blood-centre",
        "      - id: gusu-renmin-road-house",
        "sites.yaml:89:13: centres[0].sites[1].id: the id 'gusu-renmin-road-house' is used by another site; give each site its own id",
    ),
    # Issue 21: places are ids of `regions`, each once.
    Case(
        "unknown-site-region",
        "sites.yaml",
        "        region: vietnam-hai-phong",
        "        region: vietnam-haiphong",
        "sites.yaml:148:17: centres[1].sites[0].region: no region 'vietnam-haiphong' in sites.yaml's regions; "
        "did you mean vietnam-hai-phong?",
    ),
    Case(
        "duplicate-region",
        "sites.yaml",
        "  - id: shaanxi-xian",
        "  - id: yunnan-lincang",
        "sites.yaml:27:9: regions[5].id: the id 'yunnan-lincang' is used by another region; give each region its own id",
    ),
]

# Issue 21: each centre's stock names its centre in sites.yaml, and a file of supply/ is named by it.
CENTRE_CASES = [
    Case(
        "unknown-centre-id",
        "supply.yaml",
        "centre_id: suzhou-blood-centre",
        "centre_id: suzhou-centre",
        "supply.yaml:14:12: centre_id: no centre 'suzhou-centre' in sites.yaml; "
        "use one of its centre ids (suzhou-blood-centre, hai-phong-blood-centre)",
    ),
    Case(
        "misnamed-centre-file",
        "supply/hai-phong-blood-centre.yaml",
        "centre_id: hai-phong-blood-centre",
        "centre_id: suzhou-blood-centre",
        "supply/hai-phong-blood-centre.yaml:10:12: centre_id: this file holds the stock of 'suzhou-blood-centre'; "
        "name it supply/suzhou-blood-centre.yaml",
    ),
]


def _project(tmp_path: Path, case: Case) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    for name in ("sites.yaml", "supply.yaml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "supply", root / "supply")
    path = root / case.file_name
    text = path.read_text(encoding="utf-8")
    assert text.count(case.old) == 1, case.old
    path.write_text(text.replace(case.old, case.new), encoding="utf-8")
    return root


def test_the_samples_pass(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    for name in ("sites.yaml", "supply.yaml"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "supply", root / "supply")
    result = check_in_process(root)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("case", SUPPLY_CASES + SITES_CASES + CENTRE_CASES, ids=lambda case: case.name)
def test_mistake_is_reported_with_its_line(tmp_path: Path, case: Case) -> None:
    result = check_in_process(_project(tmp_path, case))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith(case.expected) for line in lines), "\n".join(lines)


# --- `donorsite supply set`: the daily one-line update ---


def _supply_set(root: Path, *arguments: str) -> tuple[int, str]:
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from conftest import build_environment
    from donorsite.cli import main

    out = io.StringIO()
    with build_environment({"DONORSITE_TODAY": "2026-11-29"}), redirect_stdout(out), redirect_stderr(out):
        code = main(["supply", "set", *arguments, "--root", str(root)])
    return code, out.getvalue()


@pytest.mark.parametrize("line_break", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_supply_set_changes_one_value_and_keeps_every_other_byte(tmp_path: Path, line_break: str, bom: bytes) -> None:
    original = bom + (ROOT / "supply.yaml").read_text(encoding="utf-8").replace("\n", line_break).encode("utf-8")
    (tmp_path / "supply.yaml").write_bytes(original)
    code, output = _supply_set(tmp_path, "A+", "critical", "--measured", "2026-11-29 08:00")
    assert code == 0, output
    expected = original.replace(b"  A+: 7", b"  A+: critical").replace(b'"2026-05-30 08:00"', b'"2026-11-29 08:00"')
    assert (tmp_path / "supply.yaml").read_bytes() == expected
    code, output = _supply_set(tmp_path, "O-", "2.5")
    assert code == 0, output
    assert (tmp_path / "supply.yaml").read_bytes() == expected.replace(b"  O-: critical", b"  O-: 2.5")


def test_supply_set_adds_a_type_not_yet_written(tmp_path: Path) -> None:
    text = (ROOT / "supply.yaml").read_text(encoding="utf-8").replace("  AB-: 4\n", "")
    (tmp_path / "supply.yaml").write_text(text, encoding="utf-8")
    code, output = _supply_set(tmp_path, "AB-", "low")
    assert code == 0, output
    assert (tmp_path / "supply.yaml").read_text(encoding="utf-8") == text.replace("  AB+: 9\n", "  AB+: 9\n  AB-: low\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("O0", "2"), "error: 'O0' is not a blood type; use one of O+, O-, A+, A-, B+, B-, AB+, AB-"),
        (("O-", "lots"), "error: 'lots' is not a level; write days of stock (a number such as 4.5) or one of critical, low, plenty"),
        (("O-", "-3"), "error: '-3' is not a level; write days of stock (a number such as 4.5) or one of critical, low, plenty"),
        (
            ("O-", "2", "--measured", "2026-12-05 08:00"),
            "error: supply.yaml:15:14: measured_at: 2026-12-05 08:00 (Asia/Shanghai) is after the build date 2026-11-29; "
            "write when the stock was actually counted",
        ),
    ],
)
def test_supply_set_refuses_a_wrong_value_and_writes_nothing(tmp_path: Path, arguments: tuple[str, ...], message: str) -> None:
    original = (ROOT / "supply.yaml").read_bytes()
    (tmp_path / "supply.yaml").write_bytes(original)
    code, output = _supply_set(tmp_path, *arguments)
    assert code == 1
    assert output.strip() == message
    assert (tmp_path / "supply.yaml").read_bytes() == original
    assert sorted(path.name for path in tmp_path.iterdir()) == ["supply.yaml"]
