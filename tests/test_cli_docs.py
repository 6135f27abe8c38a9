"""Every CLI command is documented in the README, and `toolkit engines` tells the truth."""

from __future__ import annotations

import re
import subprocess

from conftest import ROOT, needs_apertium
from typer.main import get_group
from typer.testing import CliRunner

from toolkit.cli.app import app

runner = CliRunner()


def _commands(group, prefix: str = "toolkit") -> list[str]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        sub = getattr(cmd, "commands", None)
        out.extend(_commands(cmd, full) if sub else [full])
    return out


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [c for c in _commands(get_group(app)) if not re.search(re.escape(c) + r"(?![\w-])", readme)]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_command_has_help() -> None:
    for cmd in _commands(get_group(app)):
        result = runner.invoke(app, [*cmd.split()[1:], "--help"])
        assert result.exit_code == 0, (cmd, result.output)


@needs_apertium
def test_engines_lists_routes_and_reasons() -> None:
    result = runner.invoke(app, ["engines", "--from", "fr"])
    assert result.exit_code == 0, result.output
    assert "fr→en  fr-es | spa-eng" in result.output
    modes = subprocess.run(["apertium", "-l"], capture_output=True, text=True).stdout.split()
    if "es-pt" in modes:  # scripts/setup.sh installs apertium-es-pt
        assert "fr→pt  fr-es | es-pt" in result.output
    assert "argos:" in result.output


def test_no_module_imports_click_directly() -> None:
    """typer vendors click; importing it ourselves would tie us to one click version."""
    offenders = [p for p in (ROOT / "toolkit").rglob("*.py")
                 if re.search(r"^\s*(import click|from click\b)", p.read_text("utf-8"), re.M)]
    assert offenders == []


def _leaves(group, prefix: str = "toolkit"):
    for name, cmd in sorted(group.commands.items()):
        if getattr(cmd, "commands", None):
            yield from _leaves(cmd, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", cmd


def test_every_option_of_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    missing = [(name, opt) for name, cmd in _leaves(get_group(app)) for p in cmd.params
               for opt in (*p.opts, *p.secondary_opts)
               if opt.startswith("--") and opt != "--help"
               and not re.search(re.escape(opt) + r"(?![\w-])", readme)]
    assert not missing, f"options missing from README.md: {missing}"


def test_exit_code_table_is_the_one_the_cli_uses() -> None:
    from toolkit import errors
    from toolkit.cli.errors import EXIT_CODES, exit_code

    readme = (ROOT / "README.md").read_text("utf-8")
    paragraph = readme[readme.index("Exit codes:"):].split("\n\n", 1)[0]
    documented = {int(n) for n in re.findall(r"(?:^|[:,]\s)(\d+) [a-z]", paragraph)}
    assert documented == {0, 1, 2} | {code for _, code in EXIT_CODES}, paragraph
    # every error the library can raise has its own documented code, not the fallback 1
    classes = [c for c in vars(errors).values() if isinstance(c, type)
               and issubclass(c, errors.ToolkitError) and c is not errors.ToolkitError]
    assert classes and all(exit_code(c("x")) in documented - {0, 1, 2} for c in classes)
    absent = runner.invoke(app, ["status", "nowhere.po"])
    assert absent.exit_code == 3 and "Traceback" not in absent.output
