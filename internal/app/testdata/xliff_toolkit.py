"""Review one page of an exported XLIFF file the way Weblate does: with
translate-toolkit (Debian's python3-translate), the library under Weblate.

usage: xliff_toolkit.py FILE PAGE

Reads FILE, prints every unit it sees as "unit <page>/<id>" (the Go test
compares them with the file), then, on PAGE: edits the text of the first
target that holds a link or shortcode (keeping the elements, through the
toolkit's rich-text API) and of one plain target, marks every unit of PAGE
final and approved, and saves FILE.
"""
import sys

from translate.storage import xliff
from translate.storage.placeables import StringElem

path, page = sys.argv[1], sys.argv[2]
store = xliff.xlifffile.parsefile(path)
units = [u for u in store.units if not u.isheader()]
for u in units:
    print("unit %s/%s" % (u.getid().split(xliff.ID_SEPARATOR)[0], u.xmlelement.get("id")))

mine = [u for u in units if u.getid().startswith(page + xliff.ID_SEPARATOR)]
if not mine:
    sys.exit("no units of page %r" % page)

def edit_leaf(elem):
    """Appends a word to the last text leaf of a rich string."""
    leaves = [l for l in elem.flatten() if type(l) is StringElem and l.sub and isinstance(l.sub[0], str)]
    leaves[-1].sub[0] = leaves[-1].sub[0] + " (مُراجَع)"

rich_done = plain_done = False
for u in mine:
    rich = u.rich_target[0] if u.target else None
    placeables = rich is not None and any(isinstance(s, StringElem) and type(s) is not StringElem for s in rich.sub)
    if placeables and not rich_done:
        edit_leaf(rich)
        u.rich_target = [rich]
        print("edited %s (with elements): %s" % (u.xmlelement.get("id"), u.target))
        rich_done = True
    elif rich is not None and not placeables and not plain_done and u.xmlelement.get("id").startswith("b"):
        u.target = u.target + " (مُراجَع)"
        print("edited %s: %s" % (u.xmlelement.get("id"), u.target))
        plain_done = True
    u.set_state_n(u.statemap["final"])
    u.markapproved(True)
if not (rich_done and plain_done):
    sys.exit("page %r has no target with elements or none without" % page)
store.save()
