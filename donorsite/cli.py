"""The ``donorsite`` command: what comms editors and CI run besides MkDocs.

检查内容 / check content:    donorsite check
生成 JSON Schema / schemas:  donorsite schema
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from donorsite.loading import collect_content
from donorsite.schema_export import write_schemas

DESCRIPTION = """Blood-donation campaign site tools. 献血活动网站工具。

commands / 命令:
  check    validate campaigns/*.yaml and slogans.yaml without building
           检查 campaigns/*.yaml 与 slogans.yaml，不生成网站
  schema   regenerate schemas/*.json from the content model
           根据内容模型重新生成 schemas/*.json
"""


def _check(root: Path, annotations: bool) -> int:
    content = collect_content(root)
    for problem in sorted(content.problems):
        print(problem)
        if annotations:
            print(problem.as_github_annotation())
    if content.problems:
        files = len({problem.file for problem in content.problems})
        print(
            f"{len(content.problems)} problem(s) in {files} file(s). 共 {len(content.problems)} 个问题，涉及 {files} 个文件。",
            file=sys.stderr,
        )
        return 1
    slogans = len(content.slogans.slogans) if content.slogans else 0
    print(f"OK: {len(content.campaigns)} campaign(s), {slogans} slogan(s). 检查通过。")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="donorsite", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=Path("."), help="site folder (with mkdocs.yml) / 网站目录")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", parents=[common], help="validate all content / 检查全部内容")
    check.add_argument(
        "--annotations",
        choices=("auto", "github", "none"),
        default="auto",
        help="also print GitHub Actions ::error lines (auto: when GITHUB_ACTIONS is set) / 输出 GitHub 注释",
    )
    commands.add_parser("schema", parents=[common], help="write schemas/*.json / 生成 JSON Schema")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = _parser().parse_args(argv)
    root: Path = arguments.root
    if arguments.command == "check":
        annotations = arguments.annotations == "github" or (arguments.annotations == "auto" and os.environ.get("GITHUB_ACTIONS") == "true")
        return _check(root, annotations)
    for path in write_schemas(root):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
