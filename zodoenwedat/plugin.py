"""The MkDocs adapter: validates the content before the build (pages follow)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from .repository import load_repository


class PluginConfig(Config):
    root = config_options.Type(str, default="")


class ZoDoenWeDatPlugin(BasePlugin[PluginConfig]):
    def on_config(self, config):
        root = Path(self.config.root or Path(config.config_file_path).parent)
        repo = load_repository(root)
        if repo.problems:
            lines = "\n".join(p.as_text() for p in repo.problems.sorted())
            raise PluginError(f"De praktijkvoorbeelden bevatten fouten:\n{lines}")
        self.repository = repo
        return config
