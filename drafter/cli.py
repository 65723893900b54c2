"""Command line: parse → call the verb → print → exit code. Nothing else lives here.

Verb modules are imported inside their handlers so that `drafter draft` does not pay for the
checker or the TUI at start-up."""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from drafter import __version__, process
from drafter.errors import DrafterError, ExitCode

Handler = Callable[[argparse.Namespace], int]


def _stderr(message: str) -> None:
    from drafter.control_chars import visible

    print(visible(message), file=sys.stderr)  # file names and quoted text may carry escapes


YEARS = (1990, 2100)


def year(text: str) -> int:
    """--year: a four-digit report year; anything else is a usage error (exit 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"年度应为整数，如 2026，而不是 {text!r}") from None
    if not YEARS[0] <= value <= YEARS[1]:
        raise argparse.ArgumentTypeError(f"年度应在 {YEARS[0]} 到 {YEARS[1]} 之间，而不是 {value}")
    return value


# ---- verbs ------------------------------------------------------------------------------------
def cmd_new(args: argparse.Namespace) -> int:
    from drafter.skeleton import skeleton

    if args.source is not None:
        return cmd_extract(args)
    if args.year is None or args.issuer is None:
        raise DrafterError(
            "需要 --year 和 --issuer（或用 --from 从去年的报告生成）",
            hint="例：drafter new --year 2026 --issuer 示例县人民政府 -o facts.yaml",
        )
    _write_facts(args, skeleton(args.issuer, args.year))
    return ExitCode.OK


def cmd_extract(args: argparse.Namespace) -> int:
    from drafter.extract import extract_file, facts_yaml

    source = args.source
    extraction = extract_file(source, getattr(args, "source_year", None))
    _write_facts(args, facts_yaml(extraction, source.name))
    _stderr(f"识别到的部分：{'、'.join(extraction.sections) or '无'}")
    _stderr(
        f"识别为上年数值的指标：{len(extraction.recognised)} 项"
        + (f"（{'、'.join(extraction.recognised)}）" if extraction.recognised else "")
    )
    if extraction.ambiguous:
        _stderr(f"同一指标有多个数值、未采用：{'、'.join(extraction.ambiguous)}")
    _stderr(f"未对应到指标的数字：{len(extraction.unmatched)} 个（保留在所在段落的 figures 中）")
    return ExitCode.OK


def _write_facts(args: argparse.Namespace, text: str) -> None:
    from drafter.files import write_atomic
    from drafter.skeleton import SCHEMA_FILE, schema_json

    if args.output is None:
        sys.stdout.write(text)
        return
    source = getattr(args, "source", None)
    write_atomic(
        args.output, text.encode("utf-8"), force=args.force, inputs=[source] if source else []
    )
    schema_path = args.output.parent / SCHEMA_FILE
    if not os.path.lexists(schema_path):  # lets editors validate and autocomplete the new file
        try:
            write_atomic(schema_path, schema_json().encode("utf-8"))
        except DrafterError:
            pass  # a convenience: whatever is there (or appeared meanwhile) is left alone
    _stderr(f"已生成事实文件：{args.output}")


def cmd_draft(args: argparse.Namespace) -> int:
    from drafter.fonts import FontProbe

    # fontconfig answers while the report is drafted (on the other core)
    laid_out = (args.format or args.output.suffix.lstrip(".").lower()) in ("docx", "pdf")
    probe = FontProbe() if laid_out else None
    try:
        from drafter.draft import draft_file

        result = draft_file(
            args.facts,
            args.output,
            fmt=args.format,
            force=args.force,
            style=args.style,
            template_dirs=args.templates,
            official=args.official,
        )
    except BaseException:
        if probe is not None:
            probe.close()
        raise
    for warning in result.warnings:
        _stderr(f"警告：{warning}")
    if probe is not None:
        _font_notice(probe, args.style)
    _stderr(f"报告已生成：{args.output.resolve()}")
    return ExitCode.OK


def _font_notice(probe, style_name: str) -> None:
    from drafter.fonts import font_warning
    from drafter.formats.style_file import load_style

    style = load_style(style_name)
    missing = probe.missing(style)
    if missing:
        fallback = load_style(style.fallback) if style.fallback else None
        _stderr(f"提示：{font_warning(style, missing, fallback)}")


def cmd_schema(args: argparse.Namespace) -> int:
    from drafter.skeleton import schema_json

    sys.stdout.write(schema_json())
    return ExitCode.OK


def cmd_outline(args: argparse.Namespace) -> int:
    from drafter import pipeline
    from drafter.present import outline_text

    document = pipeline.read(args.file).document
    outline = pipeline.outline(document, _model(args.model), args.year, str(args.file))
    if args.format == "json":
        import json

        from drafter.models.data import plain

        data = plain(outline)
        if args.show_dropped:
            data["dropped"] = [d._asdict() for d in outline.document.noise]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(outline_text(outline, show_dropped=args.show_dropped))
    return ExitCode.OK


def cmd_learn(args: argparse.Namespace) -> int:
    from drafter.corpus import expand
    from drafter.files import refuse_target
    from drafter.formats.structure_file import write_model
    from drafter.learn.learner import learn
    from drafter.present import learn_report, progress

    files = expand(args.inputs, _stderr)
    refuse_target(args.output, True, files)
    process.steady()
    with progress(len(files), "学习", enabled=not args.no_progress) as advance:
        model, problems = learn(files, advance)
    for problem in problems:
        _stderr(f"跳过：{problem.render()}")
    write_model(model, args.output, force=args.force, inputs=files)
    if args.report:
        sys.stdout.write(learn_report(model))
    _stderr(f"已从 {model.reports} 份报告生成结构模型：{args.output}")
    return ExitCode.OK


def cmd_check(args: argparse.Namespace) -> int:
    from functools import partial

    from drafter.batch import Options, check_files, load_references
    from drafter.check.report import Output, written
    from drafter.check.summary import WRITERS, summary_bytes
    from drafter.corpus import expand
    from drafter.files import refuse_target, write_atomic
    from drafter.present import progress

    files = expand(args.inputs, _stderr)
    if not files:
        raise DrafterError(f"没有找到可检查的报告{KINDS}", hint="检查给出的路径。")
    inputs = [*files, *(p for p in (args.previous, args.model) if p)]
    for out in (args.summary, args.annotate):
        if out is not None:
            refuse_target(out, args.force, inputs)
    if args.annotate and (len(files) != 1 or files[0].suffix.lower() != ".docx"):
        raise DrafterError("--annotate 只能用于单个 .docx 文件", hint="批注写入 Word 文档的副本。")
    if args.summary and args.summary.suffix.lower() not in WRITERS:
        raise DrafterError("汇总文件应以 .csv、.xlsx 或 .html 结尾", hint="例：--summary 汇总.html")
    options = Options(year=args.year, previous=args.previous, style=args.style, model=args.model)
    if args.previous and not args.previous.exists():
        raise DrafterError(f"找不到去年的报告：{args.previous}")
    load_references(options)  # a bad --previous or --model is a usage error naming that file
    output = Output(args.format, sys.stdout)
    keep = bool(args.summary or args.annotate)  # the reports themselves, without their outline
    prepare = partial(written, args.format, keep)
    entries = []
    with progress(len(files), "检查", enabled=not args.no_progress) as advance:
        for report in check_files(files, options, prepare, advance):
            output.add(report)
            if keep:
                entries.append(report.kept)
    tally = output.close()
    if args.summary:
        write_atomic(
            args.summary, summary_bytes(args.summary, entries), force=args.force, inputs=inputs
        )
        _stderr(f"汇总已写入：{args.summary}")
    if args.annotate and entries[0].readable:
        from drafter.formats.docx_annotate import annotate
        from drafter.formats.reader import sniff

        data = files[0].read_bytes()
        if sniff(data, ".docx") != ".docx":  # e.g. a PDF named .docx, read as what it is
            raise DrafterError(
                f"--annotate 只能用于 Word 文档，{files[0].name} 的内容不是 .docx",
                hint="先在 Word/WPS 中另存为 .docx。",
            )
        write_atomic(
            args.annotate,
            annotate(data, entries[0], str(files[0])),
            force=args.force,
            inputs=inputs,
        )
        _stderr(f"批注版已写入：{args.annotate}")
    if tally.unreadable:
        return ExitCode.USAGE
    return ExitCode.FINDINGS if tally.errors else ExitCode.OK


def cmd_tui(args: argparse.Namespace) -> int:
    from drafter.tui.app import DrafterApp  # textual is imported only here

    DrafterApp(args.file, year=args.year, issuer=args.issuer).run()
    return ExitCode.OK


def _model(path: Path | None):
    from drafter.formats.structure_file import default_model, read_model

    return read_model(path) if path else default_model()


# ---- parser -----------------------------------------------------------------------------------
COMMANDS: dict[str, tuple[Handler, str, str]] = {
    "new": (
        cmd_new,
        "生成带中文注释的事实文件骨架",
        "例：drafter new --year 2026 --issuer 示例县人民政府 -o facts.yaml",
    ),
    "extract": (
        cmd_extract,
        "从去年的报告生成今年的事实文件（沿用结构、亮点和去年的数字）",
        "例：drafter extract 2025年报告.docx -o facts-2026.yaml\n"
        "    drafter new --from 2025年报告.docx -o facts-2026.yaml",
    ),
    "draft": (
        cmd_draft,
        "由事实文件起草报告（.docx / .pdf / .md / .txt）",
        "例：drafter draft facts.yaml -o 报告.docx\n    drafter draft facts.yaml -o 报告.pdf --official"
        "\n    drafter draft facts.yaml -o 报告.md --format md",
    ),
    "learn": (
        cmd_learn,
        "从真实报告学习结构模型（章节、出现比例、常见标题和表述）",
        "例：drafter learn seeds/*.txt -o templates/structure.yaml\n"
        "    drafter learn ~/历年报告/ -o my-structure.yaml --report",
    ),
    "outline": (
        cmd_outline,
        "显示一份报告被如何读取：标题层级、对应章节、法定内容是否齐全",
        "例：drafter outline seeds/002_a780ee8589bcad1d.txt\n    drafter outline 报告.docx --format json",
    ),
    "check": (
        cmd_check,
        "检查报告：缺少的法定内容、过时提法、残留占位、相互矛盾的数字、版式",
        "例：drafter check 报告.docx\n"
        "    drafter check 报告.docx --format json\n"
        "    drafter check 各县报告/ --summary 汇总.csv\n"
        "    drafter check 报告.docx --previous 去年报告.docx --annotate 批注版.docx\n"
        "退出码：0 无错误；1 有错误；2 文件无法读取或用法有误",
    ),
    "tui": (
        cmd_tui,
        "在终端表单中填写事实、预览、检查并生成报告",
        "例：drafter tui facts.yaml\n    drafter tui --year 2026 --issuer 示例县人民政府 new.yaml",
    ),
    "schema": (
        cmd_schema,
        "输出事实文件的 JSON Schema（供编辑器校验和补全）",
        "例：drafter schema > facts.schema.json",
    ),
}


# argparse's own messages, as a Chinese user should read them
USAGE_MESSAGES = [
    (re.compile(r"the following arguments are required: (.+)"), "缺少必需的参数：{0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}"),
    (
        re.compile(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.+)\)"),
        "参数 {0} 的值“{1}”无效，可选：{2}",
    ),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面需要一个值"),
    (re.compile(r"argument (\S+): invalid (\w+) value: '([^']*)'"), "参数 {0} 的值“{2}”无效"),
    (
        re.compile(r"argument (\S+): not allowed with argument (\S+)"),
        "参数 {0} 不能和 {1} 同时使用",
    ),
    (re.compile(r"argument (\S+): (.+)"), "参数 {0}：{1}"),
]


KINDS = "（.docx .txt .md .html .pdf；.doc .wps .odt .rtf 经 LibreOffice）"
INPUTS_HELP = f"报告文件或文件夹{KINDS}"


class _ChineseHelp(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse in Chinese: its help's headings and usage errors (the usage line, 「错误：…」,
    exit 2)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _ChineseHelp)
        super().__init__(*args, **{**kwargs, "add_help": False})
        self._positionals.title, self._optionals.title = "参数", "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        for pattern, chinese in USAGE_MESSAGES:
            match = pattern.fullmatch(message)
            if match:
                message = chinese.format(*match.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(
            ExitCode.USAGE, f"{self.prog}：错误：{message}\n提示：drafter 命令 --help 查看用法\n"
        )


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="drafter",
        description="离线起草和检查《法治政府建设情况报告》。",
        epilog="每个命令的用法：drafter 命令 --help",
    )
    parser.add_argument(
        "--version", action="version", version=f"drafter {__version__}", help="显示版本并退出"
    )
    sub = parser.add_subparsers(dest="command", metavar="命令")
    parsers = {}
    for name, (handler, summary, example) in COMMANDS.items():
        p = sub.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=example,
        )
        p.set_defaults(handler=handler)
        parsers[name] = p

    p = parsers["new"]
    p.add_argument("--year", type=year, help="报告所述年度，如 2026")
    p.add_argument("--issuer", help="发文机关全称，如 示例县人民政府")
    p.add_argument(
        "--from", dest="source", type=Path, help="从去年的报告生成（同 drafter extract）"
    )
    p.add_argument("-o", "--output", type=Path, help="写入的文件（省略时输出到屏幕）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")

    p = parsers["extract"]
    p.add_argument("source", type=Path, help="去年的报告（.docx / .txt / .md）")
    p.add_argument("-o", "--output", type=Path, help="写入的事实文件（省略时输出到屏幕）")
    p.add_argument(
        "--year", dest="source_year", type=year, help="去年报告所述的年度（无法从文中读出时）"
    )
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")

    p = parsers["draft"]
    p.add_argument("facts", type=Path, help="事实文件（YAML）")
    p.add_argument("-o", "--output", type=Path, required=True, help="输出文件 .docx / .md / .txt")
    p.add_argument(
        "--format", choices=["docx", "pdf", "md", "txt"], help="输出格式（默认按扩展名）"
    )
    p.add_argument(
        "--official",
        action="store_true",
        help="作为公文：加版头（发文机关标志、发文字号）和版记（抄送机关、印发机关和日期），见 meta.official",
    )
    p.add_argument(
        "--style", default="gbt9704", help="版式：gbt9704（默认）、gbt9704-common 或 YAML 路径"
    )
    p.add_argument(
        "--templates",
        type=Path,
        action="append",
        help="自定义模板目录（优先于内置模板，可多次给出）",
    )
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")

    p = parsers["learn"]
    p.add_argument("inputs", type=Path, nargs="+", help=INPUTS_HELP)
    p.add_argument("-o", "--output", type=Path, required=True, help="写入的结构模型 YAML")
    p.add_argument("--report", action="store_true", help="在屏幕上输出摘要")
    p.add_argument("--force", action="store_true", help="覆盖不是由本命令生成的文件")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")

    p = parsers["check"]
    p.add_argument("inputs", type=Path, nargs="+", help=INPUTS_HELP)
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    p.add_argument(
        "--summary",
        type=Path,
        help="汇总表：.csv / .xlsx（每份报告一行）或 .html（矩阵、统计、图表和各报告的问题）",
    )
    p.add_argument("--year", type=year, help="报告年度（无法从文中读出时）")
    p.add_argument("--previous", type=Path, help="去年的报告，用于比对")
    p.add_argument("--annotate", type=Path, help="把检查结果作为批注写入 .docx 的副本")
    p.add_argument("--style", default="gbt9704", help="版式配置（默认 gbt9704）")
    p.add_argument("--model", type=Path, help="结构模型（默认 templates/structure.yaml）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的汇总或批注文件")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")

    p = parsers["tui"]
    p.add_argument("file", type=Path, help="事实文件（不存在时新建，保存时写入）")
    p.add_argument("--year", type=year, help="新建时的报告年度")
    p.add_argument("--issuer", help="新建时的发文机关")

    p = parsers["outline"]
    p.add_argument("file", type=Path, help="报告文件（.docx / .txt / .md）")
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式")
    p.add_argument("--model", type=Path, help="结构模型（默认 templates/structure.yaml）")
    p.add_argument("--year", type=year, help="报告年度（无法从文中读出时）")
    p.add_argument("--show-dropped", action="store_true", help="列出作为网页杂项丢弃的行及其规则")
    return parser


def _console_safe() -> None:
    """Output that survives Windows. Redirected to a file or a pipe, stdout carries a file's
    content (YAML from `new`/`extract`, JSON, the schema), so it is UTF-8, the encoding drafter
    and editors read back, whatever the code page. A console in GBK (code page 936) lacks some
    characters a report can contain: those print as "?" instead of ending in a traceback."""
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper) and not out.isatty():
        if out.encoding.lower().replace("-", "") != "utf8":
            out.reconfigure(encoding="utf-8")
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> int:
    _console_safe()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on misuse, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    try:
        code = int(args.handler(args))
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except DrafterError as exc:
        _stderr(exc.render())
        return int(exc.exit_code)
    except KeyboardInterrupt:
        _stderr("已中断。")
        return 130
    except BrokenPipeError:  # `drafter check … | head -1`: the reader has gone, stop quietly
        _silence_stdout()
        return 141  # 128 + SIGPIPE, as other tools report a closed pipe


def run() -> NoReturn:
    """The `drafter` command as a process (see process.py)."""
    process.starting()
    process.end(main())


def _silence_stdout() -> None:
    """After a broken pipe, the interpreter's final flush must not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
