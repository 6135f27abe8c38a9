"""``toolkit models`` through typer's CliRunner."""

from __future__ import annotations

import hashlib
import json

from tinymodel import block_network, model_env, tiny_archives  # noqa: F401
from typer.testing import CliRunner

from toolkit.cli.models import app

runner = CliRunner()


def test_list_empty(model_env) -> None:  # noqa: F811
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0, result.output
    assert "no models installed" in result.output
    assert "toolkit models install" in result.output


def test_install_list_remove(model_env, tiny_archives) -> None:  # noqa: F811
    result = runner.invoke(app, ["install", str(tiny_archives["fr-en"])])
    assert result.exit_code == 0, result.output
    assert "installed translate-fr_en-0_1" in result.output
    model_bin = model_env["models"] / "translate-fr_en-0_1" / "model" / "model.bin"
    digest = hashlib.sha256(model_bin.read_bytes()).hexdigest()

    listed = runner.invoke(app, ["list"])
    assert listed.exit_code == 0, listed.output
    assert "translate-fr_en-0_1" in listed.output
    assert "fr→en" in listed.output and digest[:16] in listed.output

    as_json = json.loads(runner.invoke(app, ["list", "--json"]).stdout)
    assert [(r["name"], r["from"], r["to"], r["sha256"]) for r in as_json] == [
        ("translate-fr_en-0_1", "fr", "en", digest)
    ]
    assert as_json[0]["size"] > model_bin.stat().st_size

    removed = runner.invoke(app, ["remove", "fr-en"])
    assert removed.exit_code == 0, removed.output
    assert not model_bin.exists()
    assert "no models installed" in runner.invoke(app, ["list"]).output


def test_install_into_dir_option(model_env, tiny_archives, tmp_path) -> None:  # noqa: F811
    target = tmp_path / "custom"
    result = runner.invoke(app, ["install", "--dir", str(target), str(tiny_archives["en-es"])])
    assert result.exit_code == 0, result.output
    assert (target / "translate-en_es-0_1" / "metadata.json").is_file()
    assert not model_env["models"].exists()
    assert "translate-en_es-0_1" in runner.invoke(app, ["list", "--dir", str(target)]).output
    assert runner.invoke(app, ["remove", "--dir", str(target), "en-es"]).exit_code == 0


def test_install_bad_archive_fails_cleanly(model_env, tmp_path) -> None:  # noqa: F811
    bad = tmp_path / "broken.argosmodel"
    bad.write_bytes(b"PK\x03\x04 definitely not complete")
    result = runner.invoke(app, ["install", str(bad)])
    assert result.exit_code == 5
    assert "error:" in result.stderr and str(bad) in result.stderr
    assert not model_env["models"].exists() or not any(model_env["models"].iterdir())


def test_install_usage_errors(model_env) -> None:  # noqa: F811
    assert runner.invoke(app, ["install", "a", "b"]).exit_code == 2
    assert runner.invoke(app, ["install", "--from-index", "fr"]).exit_code == 2
    bad_lang = runner.invoke(app, ["install", "--from-index", "fr", "xx"])
    assert bad_lang.exit_code == 4 and "unknown language code" in bad_lang.stderr


def test_install_from_index_without_network(model_env, block_network) -> None:  # noqa: F811
    result = runner.invoke(app, ["install", "--from-index", "fr", "en"])
    assert result.exit_code == 5
    assert "network" in result.stderr  # announced before trying
    assert "error:" in result.stderr and "index" in result.stderr
    assert "URLError" not in result.output and "gaierror" not in result.output  # no raw repr


def test_remove_unknown(model_env) -> None:  # noqa: F811
    result = runner.invoke(app, ["remove", "translate-xx"])
    assert result.exit_code == 5
    assert "no installed package" in result.stderr


def test_registered_on_root_app(model_env, tiny_archives) -> None:  # noqa: F811
    from toolkit.cli.app import app as root

    result = runner.invoke(root, ["models", "install", str(tiny_archives["fr-en"])])
    assert result.exit_code == 0, result.output
    assert "translate-fr_en-0_1" in runner.invoke(root, ["models", "list"]).output
