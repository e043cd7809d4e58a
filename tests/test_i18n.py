"""Every message a user can read exists in English too, with the same placeholders."""

from __future__ import annotations

import ast
import string

import pytest

from procure.errors import ProcureError
from procure.i18n import language, t
from procure.i18n_en import EN
from tests.conftest import ROOT


def message_templates() -> dict[str, str]:
    """Every template given to `t(...)` in the package, with where it is."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "procure").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "t"
                and node.args
            ):
                first = node.args[0]
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{where}: t() needs the Danish template as a literal string"
                )
                found.setdefault(first.value, where)
    return found


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_an_english_translation_with_the_same_placeholders():
    templates = message_templates()
    assert len(templates) >= 5
    missing = [
        f"{where}: {template!r}" for template, where in templates.items() if template not in EN
    ]
    assert not missing, "no English translation:\n" + "\n".join(missing)
    for template, where in templates.items():
        assert placeholders(EN[template]) == placeholders(template), where


def test_the_catalogue_has_no_translation_nobody_uses():
    unused = sorted(set(EN) - set(message_templates()))
    assert not unused, unused


@pytest.mark.parametrize("template", sorted(message_templates()))
def test_each_template_formats_in_both_languages(template):
    values = {name: "X" for name in placeholders(template)}
    assert t(template, **values).text("da") == template.format(**values)
    assert t(template, **values).text("en") == EN[template].format(**values)


def test_an_error_is_shown_in_the_language_in_force():
    error = ProcureError.file_missing("tender.yaml")
    assert str(error) == "tender.yaml: filen findes ikke"
    assert error.text("en") == "tender.yaml: the file does not exist"
    with language("en"):
        assert str(error) == "tender.yaml: the file does not exist"
        assert f"{error}" == "tender.yaml: the file does not exist"
    assert str(error) == "tender.yaml: filen findes ikke"


def test_the_language_comes_from_the_environment_when_not_set(monkeypatch):
    monkeypatch.setenv("PROCURE_LANG", "en")
    assert str(t("filen findes ikke")) == "the file does not exist"
    monkeypatch.setenv("PROCURE_LANG", "fr")
    assert str(t("filen findes ikke")) == "filen findes ikke"
