"""Python's bytecode cache for the benchmarks' subprocesses.

Python normally caches the compiled form of every module it imports (``__pycache__``). Where
``PYTHONDONTWRITEBYTECODE`` is set, as on the shared development machines, nothing is ever
cached and every ``mkdocs`` or ``zodoenwedat`` process compiles MkDocs, Material, pydantic and
this package again: about 1.5 s per process, which is no part of what the benchmarks measure.
:func:`compile_bytecode` fills the cache once, before measuring (it is what Python itself
would have written on first use; an existing, current cache is kept).
"""

from __future__ import annotations

import compileall
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_bytecode() -> str:
    """Compile the virtualenv's packages and this package to ``__pycache__``; a line saying so."""
    start = time.perf_counter()
    paths = [Path(sysconfig.get_paths()["purelib"]), ROOT / "zodoenwedat"]
    for path in paths:
        if path.is_dir():
            compileall.compile_dir(str(path), quiet=2, workers=1)
    shown = ", ".join(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in paths)
    return f"bytecode cache filled ({shown}) in {time.perf_counter() - start:.1f} s"
