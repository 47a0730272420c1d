"""Text normalisation for what technicians and spreadsheets type.

Pure Python on purpose: the Odoo-free tests exercise it without a database.
"""

import re
import unicodedata

# Spanish, Portuguese, French, Italian and Dutch particles stay lower case
# inside a name ("María de los Ángeles", "Joao da Silva").
NAME_PARTICLES = frozenset(
    {"de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "di", "van"}
)

_SPACES = re.compile(r"\s+")
_DOCUMENT_NOISE = re.compile(r"[\s.\-_/]")


def _capitalize(word):
    # "JEAN-PIERRE" -> "Jean-Pierre", "O'NEIL" -> "O'Neil"
    for separator in ("-", "'", "’"):
        if separator in word:
            return separator.join(_capitalize(part) for part in word.split(separator))
    return word[:1].upper() + word[1:].lower()


def normalize_person_name(name):
    """Collapse spaces; rewrite a name typed all in capitals (or all in lower
    case) in title case, keeping particles in lower case. A name typed in
    mixed case is kept as the person wrote it ("McDonald", "DiCaprio")."""
    if not name:
        return name
    name = _SPACES.sub(" ", name).strip()
    letters = [c for c in name if c.isalpha()]
    if not letters or not (name == name.upper() or name == name.lower()):
        return name
    words = name.split(" ")
    result = []
    for index, word in enumerate(words):
        if index and word.lower() in NAME_PARTICLES:
            result.append(word.lower())
        else:
            result.append(_capitalize(word))
    return " ".join(result)


def normalize_document_number(number):
    """Upper case, without spaces, dots, dashes or slashes: '12.345.678-z'
    and '12345678Z' are the same document."""
    if not number:
        return number
    return _DOCUMENT_NOISE.sub("", number).upper()


def fold(text):
    """Lower case without accents or extra spaces, for comparing names and
    answers typed differently (a spreadsheet cell may hold a number)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip().lower()
