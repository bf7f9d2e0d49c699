#!/usr/bin/env python3
"""Every control in the GtkBuilder files has a name a screen reader can say.

  check-a11y.py [FILE.ui ...]     (default: every ui/*.ui beside this script's folder)

Checked, in templates and in the list item templates they embed:
- a button (GtkButton, GtkMenuButton, GtkToggleButton, AdwSplitButton) without a label of
  its own (label property, or a child GtkLabel/AdwButtonContent with a label) needs a
  tooltip and an accessible label (<accessibility><property name="label">) or a
  labelled-by relation;
- an entry (GtkEntry, GtkSearchEntry, GtkPasswordEntry, GtkSpinButton) needs something a
  sighted user reads (placeholder text, or a label whose mnemonic-widget it is) and an
  accessible name (accessible label, labelled-by, or that mnemonic label);
- a GtkListBoxRow that shows only icons needs a tooltip and an accessible label.

Prints one line a problem and exits 1 when there is any.

SPDX-License-Identifier: GPL-3.0-or-later
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True

BUTTONS = {"GtkButton", "GtkMenuButton", "GtkToggleButton", "AdwSplitButton"}
ENTRIES = {"GtkEntry", "GtkSearchEntry", "GtkPasswordEntry", "GtkSpinButton"}
TEXT_WIDGETS = {"GtkLabel", "GtkInscription", "AdwButtonContent", "AdwActionRow",
                "AdwExpanderRow", "AdwEntryRow", "AdwComboRow"}


def prop(obj, name):
    """The text of a property of obj (not of its children), or None."""
    for p in obj.findall("property"):
        if p.get("name") == name:
            if p.find("object") is not None:
                return None
            return (p.text or "").strip() or None
    return None


def has_binding(obj, name):
    return any(b.get("name") == name for b in obj.findall("binding")) or any(
        p.get("name") == name and p.get("bind-source") for p in obj.findall("property"))


def children(obj):
    """Objects directly inside obj: <child><object>, and <property><object>."""
    for c in obj.findall("child"):
        for o in c.findall("object"):
            yield o
    for p in obj.findall("property"):
        for o in p.findall("object"):
            yield o


def descendants(obj):
    for c in children(obj):
        yield c
        yield from descendants(c)


def shows_text(obj):
    cls = obj.get("class")
    if cls in TEXT_WIDGETS:
        for name in ("label", "text", "title"):
            if prop(obj, name) or has_binding(obj, name):
                return True
        # A label filled in from code or by a factory's bind still says something.
        if cls in ("GtkLabel", "GtkInscription") and obj.get("id"):
            return True
    return False


def own_label(button):
    if prop(button, "label") or has_binding(button, "label"):
        return True
    return any(shows_text(d) for d in descendants(button))


def accessible_label(obj):
    acc = obj.find("accessibility")
    if acc is None:
        return False
    for p in acc.findall("property"):
        if p.get("name") in ("label",) and (p.text or "").strip():
            return True
    for r in acc.findall("relation"):
        if r.get("name") == "labelled-by" and (r.text or "").strip():
            return True
    return False


def tooltip(obj):
    return bool(prop(obj, "tooltip-text") or prop(obj, "tooltip-markup")
                or has_binding(obj, "tooltip-text") or has_binding(obj, "tooltip-markup"))


def describe(obj):
    what = obj.get("class")
    if obj.get("id"):
        what += f" id={obj.get('id')}"
    for name in ("icon-name", "tooltip-text", "placeholder-text", "action-name"):
        value = prop(obj, name)
        if value:
            what += f" {name}={value!r}"
    return what


def check_tree(root, where, problems):
    objects = list(root.iter("object"))
    mnemonic_targets = {prop(o, "mnemonic-widget") for o in objects
                        if o.get("class") == "GtkLabel" and prop(o, "mnemonic-widget")}

    for obj in objects:
        cls = obj.get("class")
        if cls in BUTTONS and not own_label(obj):
            missing = []
            if not tooltip(obj):
                missing.append("a tooltip")
            if not accessible_label(obj):
                missing.append("an accessible label")
            if missing:
                problems.append(f"{where}: icon-only {describe(obj)} needs "
                                + " and ".join(missing))
        elif cls in ENTRIES:
            labelled = obj.get("id") in mnemonic_targets
            missing = []
            if not (labelled or prop(obj, "placeholder-text")):
                missing.append("a label or placeholder text")
            if not (labelled or accessible_label(obj)):
                missing.append("an accessible label")
            if missing:
                problems.append(f"{where}: {describe(obj)} needs " + " and ".join(missing))
        elif cls == "GtkListBoxRow":
            if (not any(shows_text(d) for d in descendants(obj))
                    and any(d.get("class") == "GtkImage" for d in descendants(obj))
                    and not (tooltip(obj) and accessible_label(obj))):
                problems.append(f"{where}: {describe(obj)} shows only icons and needs a "
                                "tooltip and an accessible label")

    # List item templates are GtkBuilder documents inside a property.
    for p in root.iter("property"):
        text = (p.text or "").strip()
        if p.get("name") == "bytes" and text.startswith("<?xml") or text.startswith("<interface"):
            try:
                inner = ET.fromstring(text.encode())
            except ET.ParseError as e:
                problems.append(f"{where}: list item template does not parse: {e}")
                continue
            check_tree(inner, where + " (list item template)", problems)


def main(argv):
    files = argv[1:]
    if not files:
        top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        files = sorted(glob.glob(os.path.join(top, "ui", "*.ui")))
    problems = []
    for path in files:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as e:
            problems.append(f"{path}: does not parse: {e}")
            continue
        check_tree(root, os.path.basename(path), problems)
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} controls without an accessible name in {len(files)} files",
              file=sys.stderr)
        return 1
    print(f"{len(files)} files: every button, entry and icon row has a name")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
