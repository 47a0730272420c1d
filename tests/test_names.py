"""omiopi_case's text normalisation, which needs no Odoo."""

import importlib.util
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parent.parent / "addons/omiopi_case/tools/names.py"
SPEC = importlib.util.spec_from_file_location("names", PATH)
names = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(names)


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("MARÍA DE LOS ÁNGELES PÉREZ", "María de los Ángeles Pérez"),
        ("  JUAN   CARLOS  ", "Juan Carlos"),
        ("jean-pierre o'neil", "Jean-Pierre O'Neil"),
        ("DE LA CRUZ MARTA", "De la Cruz Marta"),
        ("Ronald McDonald", "Ronald McDonald"),
        ("YOUSSEF EL AMRANI", "Youssef El Amrani"),
        ("", ""),
        (None, None),
        ("123", "123"),
    ],
)
def test_normalize_person_name(typed, expected):
    assert names.normalize_person_name(typed) == expected


@pytest.mark.parametrize(
    "typed, expected",
    [("12.345.678-z", "12345678Z"), (" x-1234567-l ", "X1234567L"), ("", "")],
)
def test_normalize_document_number(typed, expected):
    assert names.normalize_document_number(typed) == expected


def test_fold_ignores_accents_case_and_spaces():
    assert names.fold("  José  PÉREZ ") == names.fold("jose perez") == "jose perez"
