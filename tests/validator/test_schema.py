"""The generated files (zodoenwedat.schema, zodoenwedat.template): the JSON Schema and the new-case template."""

from __future__ import annotations

import json

from support import REPO
from support.repository import with_case

from zodoenwedat.cli import main
from zodoenwedat.repository import load_repository
from zodoenwedat.schema import SCHEMA_PATH, case_schema, schema_json
from zodoenwedat.template import new_case_text


class TestSchemaAndTemplate:
    def test_template_is_valid_with_and_without_vocabularies(self, repo_copy):
        for vocabularies in (None, load_repository(REPO).vocabularies):
            with_case(repo_copy, new_case_text(vocabularies), "sjabloon")
            assert load_repository(repo_copy).problems.sorted() == []

    def test_schema_equals_the_committed_copy(self, capsys):
        committed = (REPO / SCHEMA_PATH).read_text(encoding="utf-8")
        assert main(["--root", str(REPO), "schema"]) == 0
        assert capsys.readouterr().out == committed

    def test_schema_output_file(self, tmp_path):
        target = tmp_path / "case.schema.json"
        assert main(["--root", str(REPO), "schema", "--output", str(target)]) == 0
        assert target.read_text(encoding="utf-8") == (REPO / SCHEMA_PATH).read_text(encoding="utf-8")

    def test_schema_content(self):
        vocabularies = load_repository(REPO).vocabularies
        schema = json.loads(schema_json(vocabularies))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert set(schema["required"]) == {"title", "summary", "place", "province", "themes", "partners", "phase", "published"}
        assert schema["additionalProperties"] is False
        assert schema["properties"]["themes"]["maxItems"] == 6
        assert schema["properties"]["themes"]["uniqueItems"] is True
        assert set(schema["properties"]["themes"]["items"]["enum"]) == set(vocabularies["themes"])
        assert set(schema["properties"]["province"]["enum"]) == set(vocabularies["provinces"])
        assert "enum" not in case_schema()["properties"]["province"]
