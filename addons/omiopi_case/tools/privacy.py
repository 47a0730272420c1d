"""What one kind of record of the suite holds about a person, declared once
for the right of access and for erasure (see models/omiopi_privacy.py)."""

from dataclasses import dataclass, field

# How a record is erased when its person is anonymised.
UNLINK = "unlink"  # nothing but the person's history: removed
CLEAR = "clear"  # kept for the statistics, its free texts and files erased
ERASE_MODES = (UNLINK, CLEAR)


@dataclass(frozen=True)
class PrivacyEntry:
    """One sheet of the right-of-access export and one step of the erasure.

    - `title`: the sheet's name in the export (translated by the caller).
    - `model`, `person_path`: the records, found by the path from a record
      to its person (`partner_id`, `case_id.partner_id`...).
    - `erase`: UNLINK or CLEAR (every stored, user-entered text, HTML or
      file that is not required is emptied).
    - `replace`: required texts written instead of their value on CLEAR.
    - `statistics`: stored figures the reports count (age band, gender...):
      kept as they were, never recomputed from the erased dates.
    """

    title: str
    model: str
    person_path: str = "partner_id"
    erase: str = CLEAR
    replace: dict = field(default_factory=dict)
    statistics: tuple = ()

    def __post_init__(self):
        if self.erase not in ERASE_MODES:
            raise ValueError(f"{self.model}: unknown erasure {self.erase!r}")
        if self.replace and self.erase != CLEAR:
            raise ValueError(f"{self.model}: texts are replaced only when cleared")
