"""`toolkit --help` lists every sub-command without importing any of them."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from typer.testing import CliRunner

from toolkit.cli.app import _COMMANDS, app

runner = CliRunner()


def test_help_imports_no_sub_command() -> None:
    code = ("import sys; from toolkit.cli.app import app\n"
            "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('toolkit.')))")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT), "COLUMNS": "200"}, check=True)
    loaded = res.stdout.strip().splitlines()[-1]
    for _, module, *_ in _COMMANDS:
        assert f"'toolkit.cli.{module}'" not in loaded
    assert "'toolkit.pipeline'" not in loaded
    for name, *_ in _COMMANDS:
        assert name in res.stdout


def test_listing_help_is_the_commands_own() -> None:
    # The help line kept in app.py must stay the command's: compare with the loaded command.
    from typer.main import get_group

    group = get_group(app)
    for name, _, _, help_text, _ in _COMMANDS:
        cmd = group.commands[name]
        first = (cmd.help or "").strip().split("\n")[0]
        assert first == help_text, name


def test_a_lazy_command_runs() -> None:
    res = runner.invoke(app, ["segment", "--help"])
    assert res.exit_code == 0 and "sentences" in res.output
