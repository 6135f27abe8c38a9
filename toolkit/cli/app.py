"""The `toolkit` command: a thin layer over the library, one sub-app per noun."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from .errors import ErrorHandlingGroup

# Sub-commands are imported when one is run, not for `toolkit --help`: together they pull in
# the whole library (align alone costs 0.15 s). Name, module, attribute, help for the root
# listing (the first line of the command's docstring, or the sub-app's help), and whether
# the attribute is a sub-app. Order is the order of `toolkit --help`.
_COMMANDS = (
    ("translate", "translate", "translate_command",
     "Translate releases into reviewable PO and XLIFF drafts under OUT/<lang>/.", False),
    ("segment", "segment", "segment_command",
     "Split FILE into sentences (one per line, or JSON lines), website chrome left out.", False),
    ("engines", "engines", "engines_command",
     "List translation engines, their language pairs and routes, or why they are unavailable.",
     False),
    ("status", "status", "status_command",
     "Count units by review state in each catalogue and say which can be published.", False),
    ("import", "review", "import_command",
     "Merge reviewed PO/XLIFF files back into OUT/<lang>/; confirmed and edited units become "
     "human.", False),
    ("update", "translate", "update_command",
     "Re-translate revised releases, keeping reviewed work and marking changed sentences.",
     False),
    ("publish", "publish", "publish_command",
     "Write the translated release in its own format (text, HTML, Markdown), or a site.", False),
    ("report", "report", "report_command",
     "Write a bilingual HTML review report: units side by side, states, QA, terms.", False),
    ("qa", "qa", "qa_command",
     "Check translations: numbers, spans, terms, acronyms, markers, typography.", False),
    ("align", "align", "align_command",
     "Align a past release with its translation; confident pairs go into the memory.", False),
    ("export", "export", "app", "Export catalogues as a ready project for a translation tool.",
     True),
    ("models", "models", "app", "Install, list and remove translation models.", True),
    ("glossary", "glossary", "app", "Domain glossary: list, edit, import, export, check.", True),
    ("memory", "memory", "app", "Translation memory: import, export, stats, lookup.", True),
)
_SPEC = {c[0]: c for c in _COMMANDS}


def _load(name: str) -> Any:
    """The real click command of sub-command ``name``, imported now."""
    from importlib import import_module

    from typer.main import get_command

    _, module, attr, help_text, is_app = _SPEC[name]
    obj = getattr(import_module(f"{__package__}.{module}"), attr)
    if is_app:
        obj._add_completion = False  # as under the root app, which has no completion options
        cmd = get_command(obj)
        cmd.help = help_text
    else:
        single = typer.Typer(add_completion=False)
        single.command(name)(obj)
        cmd = get_command(single)
    cmd.name = name
    return cmd


class _Commands(dict):
    """Sub-commands by name; a value is imported the first time it is looked up."""

    def _real(self, name: str) -> Any:
        value = dict.__getitem__(self, name)
        if value is None:
            value = _load(name)
            dict.__setitem__(self, name, value)
        return value

    def __getitem__(self, name: str) -> Any:
        return self._real(name)

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return self._real(name) if name in self else default

    def items(self):  # type: ignore[override]
        return [(k, self._real(k)) for k in self]

    def values(self):  # type: ignore[override]
        return [self._real(k) for k in self]


class _LazyGroup(ErrorHandlingGroup):
    """The root group: lists its sub-commands from ``_COMMANDS`` and imports one when run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        commands = _Commands((name, None) for name, *_ in _COMMANDS)
        for name, cmd in dict.items(self.commands):
            dict.__setitem__(commands, name, cmd)
        self.commands = commands
        self._listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # names only: nothing imported

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if self._listing and cmd_name in _SPEC and dict.get(self.commands, cmd_name) is None:
            # The root help needs a name and a line of help, not the command itself.
            from typer.core import TyperCommand

            return TyperCommand(cmd_name, help=_SPEC[cmd_name][3])
        return super().get_command(ctx, cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False


app = typer.Typer(
    cls=_LazyGroup,
    no_args_is_help=True,
    add_completion=False,
    help="Offline translation and multilingual publishing for press releases.",
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"toolkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Offline translation and multilingual publishing for press releases."""


def main() -> None:
    app()
