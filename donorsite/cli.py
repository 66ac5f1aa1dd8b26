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

from donorsite.core.locales import DEFAULT_LOCALE, LOCALE_CODES
from donorsite.model.campaign import CampaignKind

DESCRIPTION = """Blood-donation campaign site tools. 献血活动网站工具。

commands / 命令:
  new           start a campaign file from a starter or by copying one with new dates
                新建活动文件：从模板开始，或复制已有活动并更换日期
  check         validate campaigns/*.yaml and slogans.yaml without building
                检查 campaigns/*.yaml 与 slogans.yaml，不生成网站
  translations  show what is untranslated; export it to CSV for a translator and import it back
                查看未翻译的内容；导出为 CSV 交给译者，再导入
  schema        regenerate schemas/*.json from the content model
                根据内容模型重新生成 schemas/*.json
  supply set T L  set blood type T's level L (days or plenty/low/critical) in supply.yaml
                (--centre ID: in supply/ID.yaml)
                在 supply.yaml（或 --centre 指定的 supply/ID.yaml）中设置血型 T 的库存 L（天数或 plenty/low/critical）
  export DIR    write the site as a plain project (no hooks) for MkDocs or Zensical
                导出为不含钩子的普通项目，可用 MkDocs 或 Zensical 生成
  edit          the web editor at http://localhost:8000/admin/ for this checkout (decap-server + preview)
                在本机打开网页编辑器（decap-server 与预览同时运行）
  admin-config  print the web editor's config.yml, generated from the content model
                输出由内容模型生成的网页编辑器配置
"""


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
    new = commands.add_parser("new", parents=[common], help="start a campaign file / 新建活动文件")
    new.add_argument("id", help="new campaign id = file name, e.g. 2027-suzhou-winter-drive / 活动编号（文件名）")
    start = new.add_mutually_exclusive_group(required=True)
    start.add_argument("--kind", choices=[kind.value for kind in CampaignKind], help="start from a starter / 从模板开始")
    start.add_argument("--copy", metavar="ID", help="copy this campaign / 复制此活动")
    new.add_argument("--date", required=True, help="first event date YYYY-MM-DD / 首场日期")
    new.add_argument("--country", type=str.upper, help="the venue's country, e.g. VN: sets its time zone / 场地所在国家或地区代码")
    new.add_argument("--language", choices=list(LOCALE_CODES), default=DEFAULT_LOCALE, help="language you write in / 原文语言")
    translations = commands.add_parser("translations", parents=[common], help="untranslated texts / 未翻译内容")
    action = translations.add_mutually_exclusive_group()
    action.add_argument("--export", metavar="LOCALE", choices=list(LOCALE_CODES), help="write missing texts as CSV / 导出 CSV")
    action.add_argument("--import", dest="import_file", type=Path, metavar="CSV", help="add filled-in texts / 导入译文")
    translations.add_argument("--output", type=Path, help="CSV file to write (default: standard output) / 输出文件")
    supply = commands.add_parser("supply", help="update supply.yaml / 更新血液库存")
    supply_actions = supply.add_subparsers(dest="supply_action", required=True)
    supply_set = supply_actions.add_parser("set", parents=[common], help="set one type's level / 设置某血型库存")
    supply_set.add_argument("blood_type", help="O+, O-, A+, A-, B+, B-, AB+ or AB- / 血型")
    supply_set.add_argument("level", help="days of stock (e.g. 4.5) or plenty, low, critical / 库存天数或等级")
    supply_set.add_argument("--measured", metavar="'YYYY-MM-DD HH:MM'", help="when the stock was counted / 统计时间")
    supply_set.add_argument(
        "--centre", metavar="ID", help="a further centre's supply/<ID>.yaml instead of supply.yaml / 其他血站的 supply/<ID>.yaml"
    )
    edit = commands.add_parser("edit", parents=[common], help="web editor on this machine / 本机网页编辑器")
    edit.add_argument("--address", default="127.0.0.1:8000", help="preview address / 预览地址")
    admin = commands.add_parser("admin-config", parents=[common], help="the web editor's config / 网页编辑器配置")
    admin.add_argument("--output", type=Path, help="file to write (default: standard output) / 输出文件")
    admin.add_argument("--language", choices=LOCALE_CODES, help="the editors' language (default: mkdocs.yml's) / 编辑语言")
    admin.add_argument("--template", action="store_true", help="print editor.pot, the labels to translate / 输出待翻译的标签")
    export = commands.add_parser("export", parents=[common], help="plain project without hooks / 导出普通项目")
    export.add_argument("directory", type=Path, help="new folder to write the project into / 新的输出目录")
    search_index = commands.add_parser("search-index", help="index a built site for search (Pagefind) / 生成搜索索引")
    search_index.add_argument("site_dir", type=Path, help="the built site, e.g. site / 已生成的网站目录")
    return parser


def _web_editor(root: Path, arguments: argparse.Namespace) -> int:
    from donorsite.build.admin_config import admin_config_text, editor_settings, editor_template
    from donorsite.build.export import ExportError
    from donorsite.build.settings import SettingsError
    from donorsite.build.site_config import read_site_config
    from donorsite.commands.output import write_output
    from donorsite.editing.edit_session import EditSessionError, default_environment, run_edit_session
    from donorsite.localize.catalogs import MissingCatalogError

    try:
        settings = editor_settings(read_site_config(root))
        if arguments.command == "admin-config":
            language = arguments.language or settings.language
            text = editor_template() if arguments.template else admin_config_text(settings.in_language(language))
            if arguments.output:
                return write_output(arguments.output, text)
            sys.stdout.write(text)
            return 0
        return run_edit_session(root, settings, arguments.address, default_environment())
    except (ExportError, EditSessionError, OSError, SettingsError, MissingCatalogError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Each command imports only what it runs: `donorsite check`, which editors and the
    pre-commit hook run most, starts without the build, the export and the web editor.
    """
    arguments = _parser().parse_args(argv)
    if arguments.command == "search-index":  # works on a built site, not on the site's sources
        from donorsite.commands.export import search_index

        return search_index(arguments.site_dir)
    root: Path = arguments.root
    if not root.is_dir():
        # A mistyped --root would otherwise "check" an empty site and report success.
        print(f"error: --root: {root} is not a folder; pass the site's folder (the one with mkdocs.yml)", file=sys.stderr)
        return 1
    if arguments.command == "check":
        from donorsite.commands.check import check_site

        annotations = arguments.annotations == "github" or (arguments.annotations == "auto" and os.environ.get("GITHUB_ACTIONS") == "true")
        return check_site(root, annotations)
    if arguments.command == "new":
        from donorsite.commands.new import new_campaign

        return new_campaign(root, arguments)
    if arguments.command == "translations":
        from donorsite.commands.translations import translations

        return translations(root, arguments)
    if arguments.command == "export":
        from donorsite.commands.export import export

        return export(root, arguments.directory)
    if arguments.command == "supply":
        from donorsite.commands.supply import supply_set

        return supply_set(root, arguments)
    if arguments.command in ("edit", "admin-config"):
        return _web_editor(root, arguments)
    from donorsite.commands.schema import schema

    return schema(root)


if __name__ == "__main__":
    sys.exit(main())
