"""Build real, tiny Argos packages for tests and benchmarks.

The packages hold a genuine CTranslate2 Transformer (two layers, two heads,
random weights) and a genuine SentencePiece model trained on a few dozen
lines written for this purpose. The translations are nonsense, but every
step the toolkit runs on a real package -- archive checks, metadata,
tokenisation, beam search, n-best scores, hashing -- runs for real.

Use the ``tiny_archives`` fixture (session scoped) from a test module::

    from tinymodel import tiny_archives  # noqa: F401
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

FRENCH = """\
L'organisation a publié un nouveau rapport sur la migration.
Les familles déplacées ont reçu une aide d'urgence cette semaine.
Le directeur général a rencontré les autorités locales.
Plus de deux mille personnes ont été enregistrées au centre.
Les équipes sur le terrain distribuent de l'eau et des abris.
La situation reste très difficile dans la région du nord.
Un programme de retour volontaire a commencé en janvier.
Les partenaires demandent un financement supplémentaire.
Les enfants représentent la moitié des personnes déplacées.
Le gouvernement et l'organisation travaillent ensemble.
La traite des êtres humains touche des milliers de victimes.
Les données montrent une hausse des arrivées par la mer.
Le bureau régional coordonne la réponse humanitaire.
Des formations ont été organisées pour les agents aux frontières.
Les migrants de retour reçoivent un soutien à la réintégration.
Cette initiative est financée par l'Union européenne.
La santé mentale des survivants reste une priorité.
Nous remercions nos donateurs pour leur soutien constant.
"""

ENGLISH = """\
The organization published a new report on migration.
Displaced families received emergency assistance this week.
The director general met the local authorities.
More than two thousand people were registered at the centre.
Field teams are distributing water and shelter.
The situation remains very difficult in the northern region.
A voluntary return programme started in January.
Partners are calling for additional funding.
Children make up half of the displaced people.
The government and the organization work together.
Human trafficking affects thousands of victims.
The data show a rise in arrivals by sea.
The regional office coordinates the humanitarian response.
Training sessions were held for border officials.
Returning migrants receive reintegration support.
This initiative is funded by the European Union.
The mental health of survivors remains a priority.
We thank our donors for their constant support.
"""

SPANISH = """\
La organización publicó un nuevo informe sobre la migración.
Las familias desplazadas recibieron ayuda de emergencia esta semana.
El director general se reunió con las autoridades locales.
Más de dos mil personas fueron registradas en el centro.
Los equipos sobre el terreno distribuyen agua y refugio.
La situación sigue siendo muy difícil en la región norte.
Un programa de retorno voluntario comenzó en enero.
Los socios piden financiación adicional.
Los niños representan la mitad de las personas desplazadas.
El gobierno y la organización trabajan juntos.
La trata de personas afecta a miles de víctimas.
Los datos muestran un aumento de las llegadas por mar.
La oficina regional coordina la respuesta humanitaria.
Se organizaron formaciones para los agentes fronterizos.
Los migrantes que regresan reciben apoyo para la reintegración.
Esta iniciativa está financiada por la Unión Europea.
La salud mental de los supervivientes sigue siendo una prioridad.
Agradecemos a nuestros donantes su apoyo constante.
"""

CORPUS = {"fr": FRENCH, "en": ENGLISH, "es": SPANISH}
NAMES = {"fr": "French", "en": "English", "es": "Spanish"}


def train_spm(lines: list[str], out: Path, vocab_size: int = 96) -> list[str]:
    """Train a BPE SentencePiece model on ``lines``; write it to ``out``; return its pieces."""
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=buf,
        vocab_size=vocab_size,
        model_type="bpe",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    out.write_bytes(buf.getvalue())
    proc = spm.SentencePieceProcessor(model_proto=buf.getvalue())
    return [proc.id_to_piece(i) for i in range(proc.get_piece_size())]


def _fill(rng, spec, vocab: int, d: int, ffn: int, stop: bool = True) -> None:
    """Give every weight of a fresh TransformerSpec a random value of the right shape.

    With ``stop`` false, end-of-sentence can never win, so every output runs
    to the decoding length limit the caller sets (benchmarks use this to fix
    the decoding work per sentence).
    """
    import numpy as np

    # 0.3 keeps the tiny d=32 model's activations lively; wider models scale
    # by 1/sqrt(d) so their activations stay in the same range.
    scale = 0.3 if d <= 32 else 1.7 / d**0.5

    def rand(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * scale).astype(np.float32)

    def norm(ln) -> None:
        ln.gamma = np.ones(d, np.float32)
        ln.beta = np.zeros(d, np.float32)

    def linear(lin, out_dim: int, in_dim: int) -> None:
        lin.weight = rand(out_dim, in_dim)
        lin.bias = np.zeros(out_dim, np.float32)

    def block(layer, cross: bool) -> None:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d, d)
        linear(layer.self_attention.linear[1], d, d)
        if cross:
            norm(layer.attention.layer_norm)
            linear(layer.attention.linear[0], d, d)
            linear(layer.attention.linear[1], 2 * d, d)
            linear(layer.attention.linear[2], d, d)
        norm(layer.ffn.layer_norm)
        linear(layer.ffn.linear_0, ffn, d)
        linear(layer.ffn.linear_1, d, ffn)

    spec.encoder.embeddings[0].weight = rand(vocab, d)
    norm(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        block(layer, cross=False)
    spec.decoder.embeddings.weight = rand(vocab, d)
    norm(spec.decoder.layer_norm)
    for layer in spec.decoder.layer:
        block(layer, cross=True)
    spec.decoder.projection.weight = rand(vocab, d)
    if not stop:
        spec.decoder.projection.weight[2] = 0.0
        bias = np.zeros(vocab, np.float32)
        bias[2] = -1e4
        spec.decoder.projection.bias = bias
        return
    # Random weights never choose end-of-sentence on their own, so decoding
    # would run to the length limit. Decoder positions get an explicit table
    # whose first feature grows with the position, and the end-of-sentence
    # row of the projection reads that feature: outputs stop after a few
    # tokens, like a trained model's would.
    positions = rand(512, d) * 0.3
    positions[:, 0] = np.arange(512, dtype=np.float32) * 1.0
    spec.decoder.position_encodings.encodings = positions
    spec.decoder.projection.weight[2] = 0.0
    spec.decoder.projection.weight[2, 0] = 3.0
    bias = np.zeros(vocab, np.float32)
    bias[2] = -4.0
    spec.decoder.projection.bias = bias


def build_model_dir(
    out: Path,
    src: str,
    tgt: str,
    *,
    seed: int = 0,
    d: int = 32,
    spm_name: str = "sentencepiece.model",
    layers: int = 2,
    heads: int = 2,
    spm_lines: list[str] | None = None,
    vocab_size: int = 96,
    stop: bool = True,
) -> Path:
    """Write a CTranslate2 model to ``out/model`` and its SentencePiece model to ``out``.

    The defaults give the tiny test model. Benchmarks pass a wider, deeper
    model, a SentencePiece model trained on ``spm_lines`` with a realistic
    ``vocab_size``, and ``stop=False`` (see :func:`_fill`).
    """
    import ctranslate2
    import numpy as np

    out.mkdir(parents=True, exist_ok=True)
    lines = spm_lines or CORPUS[src].splitlines() + CORPUS[tgt].splitlines()
    pieces = train_spm(lines, out / spm_name, vocab_size=vocab_size)
    spec = ctranslate2.specs.TransformerSpec.from_config(num_layers=layers, num_heads=heads)
    _fill(np.random.default_rng(seed), spec, len(pieces), d, 2 * d if d <= 32 else 4 * d, stop)
    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.optimize(quantization=None)
    model = out / "model"
    model.mkdir(exist_ok=True)
    spec.save(str(model))
    return out


def build_package(
    out_dir: Path, src: str, tgt: str, *, version: str = "0.1", seed: int = 0, d: int = 32,
    **model: object,
) -> Path:
    """Build ``translate-<src>_<tgt>-<version>.argosmodel`` in ``out_dir``; return its path.

    ``model`` passes further keywords (layers, heads, ...) to :func:`build_model_dir`.
    """
    stem = f"translate-{src}_{tgt}-{version.replace('.', '_')}"
    work = out_dir / f"{stem}.build"
    if work.exists():
        shutil.rmtree(work)
    pkg = build_model_dir(work / stem, src, tgt, seed=seed, d=d, **model)  # type: ignore[arg-type]
    metadata = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": src,
        "from_name": NAMES[src],
        "to_code": tgt,
        "to_name": NAMES[tgt],
        "type": "translate",
        "name": f"{NAMES[src]} - {NAMES[tgt]} (tiny test model)",
    }
    (pkg / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (pkg / "README.md").write_text("Tiny random model for tests.\n", encoding="utf-8")
    archive = out_dir / f"{stem}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(pkg.rglob("*")):
            zf.write(path, path.relative_to(work).as_posix())
    shutil.rmtree(work)
    return archive


def build_all(out_dir: Path) -> dict[str, Path]:
    """Build the fr→en and en→es packages (reusing earlier builds in ``out_dir``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    built = {}
    for seed, (src, tgt) in enumerate((("fr", "en"), ("en", "es"))):
        path = out_dir / f"translate-{src}_{tgt}-0_1.argosmodel"
        if not path.exists():
            path = build_package(out_dir, src, tgt, seed=seed)
        built[f"{src}-{tgt}"] = path
    return built


@pytest.fixture(scope="session")
def tiny_archives(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``{"fr-en": Path, "en-es": Path}``: tiny .argosmodel archives, built once per session."""
    return build_all(tmp_path_factory.getbasetemp() / "tinymodels")


@pytest.fixture
def model_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point every model and data directory (Argos's and ours) at ``tmp_path``."""
    dirs = {
        "home": tmp_path / "home",
        "data": tmp_path / "data",
        "argos": tmp_path / "argos-packages",
        "models": tmp_path / "toolkit-models",
    }
    dirs["home"].mkdir()
    monkeypatch.setenv("HOME", str(dirs["home"]))
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs["data"]))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(dirs["argos"]))
    monkeypatch.setenv("TOOLKIT_MODELS_DIR", str(dirs["models"]))
    return dirs


class NetworkBlocked(OSError):
    """Raised by the socket stand-ins of :func:`block_network`."""


@pytest.fixture
def block_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open a network connection fail loudly."""
    import socket

    def refuse(*args, **kwargs):
        raise NetworkBlocked(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
