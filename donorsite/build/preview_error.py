"""What the preview shows when a save breaks the content: the problems, where they are and how to fix them.

Under ``serve`` a failed rebuild would leave the browser waiting with no
answer; instead the build goes on without the campaign pages and every page
the editor was looking at answers with this page, which reloads itself until
the next good save brings the site back.
"""

from __future__ import annotations

from html import escape

from donorsite.core.problems import Problem

# How often the error page asks again; the next good build answers the same address with the page itself.
RELOAD_SECONDS = 2
BANNER_ID = "donorsite-preview-error"


def preview_error_page(problems: tuple[Problem, ...] | list[Problem]) -> str:
    """A self-contained page listing ``problems`` (escaped) as ``file:line:column: field: message``."""
    items = "\n".join(f"    <li><code>{escape(str(problem))}</code></li>" for problem in sorted(problems))
    count = len(problems)
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
  <meta charset="utf-8">
  <meta http-equiv="refresh" content="{RELOAD_SECONDS}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Preview stopped: {count} problem(s) · 预览已暂停 · Bản xem trước tạm dừng</title>
  <style>
    body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }}
    h1 {{ font-size: 1.3rem; color: #8b0000; }}
    li {{ margin: .5rem 0; }}
    code {{ white-space: pre-wrap; word-break: break-word; background: #fff3f3; padding: .2rem .4rem; }}
  </style>
</head>
<body>
  <main id="{BANNER_ID}" role="alert">
  <h1>The preview stopped at {count} problem(s) in the content · 内容有 {count} 个问题，预览已暂停 · Nội dung có {count} lỗi</h1>
  <p>Fix the file at the line shown and save again; this page reloads by itself.
     按提示修改对应文件的对应行并保存，本页会自动刷新。 Sửa tệp ở dòng được chỉ ra rồi lưu lại; trang sẽ tự tải lại.</p>
  <ul>
{items}
  </ul>
  </main>
</body>
</html>
"""
