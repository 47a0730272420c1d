"""The user guide (docs/guide, in Spanish): one page per role, whose
screenshots are the ones the role journeys' tours take (`make guide`)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "guide"
TOURS = sorted(ROOT.glob("addons/*/static/tests/tours/*.js"))
IMAGE = re.compile(r"!\[[^\]]*\]\((img/[^)]+)\)")
SHOT = re.compile(r'guideShot\("([a-z0-9-]+)"')


def pages():
    return sorted(GUIDE.glob("*.md"))


def referenced_images():
    return {
        (page.name, ref)
        for page in pages()
        for ref in IMAGE.findall(page.read_text(encoding="utf-8"))
    }


def shots():
    return {name for tour in TOURS for name in SHOT.findall(tour.read_text())}


def test_a_page_per_role_linked_from_the_index():
    index = (GUIDE / "README.md").read_text(encoding="utf-8")
    for page in pages():
        if page.name != "README.md":
            assert f"({page.name})" in index, page.name
    assert len(pages()) >= 7


def test_every_screenshot_shown_exists_and_comes_from_a_tour():
    for page, ref in referenced_images():
        path = GUIDE / ref
        assert path.is_file(), f"{page}: {ref} is missing (run make guide)"
        assert path.stem in shots(), f"{page}: no tour takes {ref}"


def test_every_screenshot_a_tour_takes_is_shown():
    shown = {Path(ref).stem for _page, ref in referenced_images()}
    assert shots() - shown == set()


def test_no_stale_screenshot_is_kept():
    kept = {path.stem for path in (GUIDE / "img").glob("*.png")}
    assert kept <= shots()
