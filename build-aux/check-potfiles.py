#!/usr/bin/env python3
"""Keep po/POTFILES.in complete.

Scans the source tree for files with translatable strings and compares them with
po/POTFILES.in. Fails (TAP "not ok") when such a file is not listed, when a listed file does
not exist, when a file is listed twice, or when a translatable string goes on with a GLib
format macro ("%" G_GINT64_FORMAT), which xgettext cannot read past.

  check-potfiles.py [SOURCE_ROOT]           check (TAP on stdout), exit 1 on a problem
  check-potfiles.py --write [SOURCE_ROOT]   rewrite po/POTFILES.in from the scan

What counts as translatable:
  src/**/*.c, *.h         _( N_( C_( NC_( Q_( ngettext( g_dngettext( outside comments
  ui/**/*.ui, resources/**/*.ui, src/**/*.ui
                          translatable="yes" (or "true")
  data/**/*.desktop.in, data/**/*.xml.in
                          always (merged by i18n.merge_file from po/)
  data/**/*.gschema.xml   when it has a <summary> or <description> and a gettext-domain
"""

import os
import re
import sys

C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2)\s*\(')
C_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
C_STRING = re.compile(r'"(?:\\.|[^"\\\n])*"')
UI_MARKER = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']', re.I)
SCHEMA_TEXT = re.compile(r'<(?:summary|description)\b')
SCHEMA_DOMAIN = re.compile(r'gettext-domain\s*=')

SKIP_DIRS = {'.git', '__pycache__', 'subprojects'}

# A translatable string continued by one of GLib's format macros ("%" G_GINT64_FORMAT): xgettext
# cannot expand it and extracts the string cut short there, so it is never translated.
C_CUT_BY_MACRO = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_)\s*\((?:\s*"(?:\\.|[^"\\\n])*")+\s*'
    r'(G_G[A-Z0-9]*_(?:FORMAT|MODIFIER)|G_GSIZE_FORMAT|G_GSSIZE_FORMAT|G_GOFFSET_FORMAT)\b')


def walk(root, top):
    base = os.path.join(root, top)
    if not os.path.isdir(base):
        return
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in SKIP_DIRS and not d.startswith('build'))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            yield os.path.relpath(path, root).replace(os.sep, '/'), path


def read(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read()


def c_has_strings(text):
    # Drop string literals first so a "/*" inside a string does not open a comment, then
    # comments; a marker inside either is not a translatable string.
    text = C_STRING.sub('""', text)
    text = C_COMMENT.sub(' ', text)
    return C_MARKER.search(text) is not None


def translatable_files(root):
    found = set()
    for rel, path in walk(root, 'src'):
        if rel.endswith(('.c', '.h')) and c_has_strings(read(path)):
            found.add(rel)
        elif rel.endswith('.ui') and UI_MARKER.search(read(path)):
            found.add(rel)
    for top in ('ui', 'resources'):
        for rel, path in walk(root, top):
            if rel.endswith('.ui') and UI_MARKER.search(read(path)):
                found.add(rel)
    for rel, path in walk(root, 'data'):
        if rel.endswith(('.desktop.in', '.xml.in')):
            found.add(rel)
        elif rel.endswith('.gschema.xml'):
            text = read(path)
            if SCHEMA_TEXT.search(text) and SCHEMA_DOMAIN.search(text):
                found.add(rel)
    return found


def cut_strings(root):
    cut = []
    for rel, path in walk(root, 'src'):
        if rel.endswith(('.c', '.h')):
            # Comments blanked out line for line, so that the line numbers stay right.
            text = C_COMMENT.sub(lambda m: re.sub(r'[^\n]', ' ', m.group(0)), read(path))
            for match in C_CUT_BY_MACRO.finditer(text):
                cut.append('%s:%d (%s)' % (rel, text.count('\n', 0, match.start()) + 1,
                                           match.group(1)))
    return cut


def listed_files(potfiles):
    listed = []
    with open(potfiles, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            # "[type: gettext/glade] ui/foo.ui" names a file too.
            line = re.sub(r'^\[[^]]*\]\s*', '', line)
            listed.append(line)
    return listed


def sort_key(rel):
    return (rel.split('/')[0], rel)


def write(root, potfiles, found):
    header = []
    if os.path.exists(potfiles):
        with open(potfiles, encoding='utf-8') as f:
            for line in f:
                if not line.startswith('#'):
                    break
                header.append(line)
    if not header:
        header = ['# Files with translatable strings, one a line, relative to the source root.\n',
                  '# Kept complete by build-aux/check-potfiles.py (the "potfiles" test);\n',
                  '# build-aux/check-potfiles.py --write regenerates this list.\n']
    with open(potfiles, 'w', encoding='utf-8') as f:
        f.writelines(header)
        group = None
        for rel in sorted(found, key=sort_key):
            top = rel.split('/')[0]
            if group is not None and top != group:
                f.write('\n')
            group = top
            f.write(rel + '\n')
    print('wrote %s (%d files)' % (os.path.relpath(potfiles, root), len(found)))


def main(argv):
    args = [a for a in argv[1:] if a != '--write']
    do_write = '--write' in argv[1:]
    if len(args) > 1 or any(a.startswith('-') for a in args):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = os.path.abspath(args[0] if args else
                           os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    potfiles = os.path.join(root, 'po', 'POTFILES.in')
    found = translatable_files(root)

    if do_write:
        write(root, potfiles, found)
        return 0

    if not os.path.exists(potfiles):
        print('1..1')
        print('not ok 1 - po/POTFILES.in exists')
        return 1

    listed = listed_files(potfiles)
    listed_set = set(listed)
    missing = sorted(found - listed_set, key=sort_key)
    absent = [rel for rel in listed if not os.path.isfile(os.path.join(root, rel))]
    dupes = sorted({rel for rel in listed if listed.count(rel) > 1})
    unneeded = sorted(listed_set - found - set(absent), key=sort_key)

    checks = [
        ('every file with translatable strings is in po/POTFILES.in', missing,
         'not listed'),
        ('every file in po/POTFILES.in exists', absent, 'does not exist'),
        ('no file is listed twice in po/POTFILES.in', dupes, 'listed twice'),
        ('no translatable string is cut short by a format macro (use %lld and a cast)',
         cut_strings(root), 'cut by a format macro'),
    ]
    print('1..%d' % len(checks))
    failed = 0
    listing_failed = False
    for number, (title, problems, what) in enumerate(checks, 1):
        if problems:
            failed += 1
            listing_failed |= number <= 3
            print('not ok %d - %s' % (number, title))
            for rel in problems:
                print('# %s: %s' % (what, rel))
                # meson test --print-errorlogs shows stderr: name the files there too.
                print('po/POTFILES.in: %s: %s' % (what, rel), file=sys.stderr)
        else:
            print('ok %d - %s' % (number, title))
    # Harmless (xgettext finds nothing there), but worth knowing.
    for rel in unneeded:
        print('# listed without translatable strings: %s' % rel)
    if listing_failed:
        print('# fix: build-aux/check-potfiles.py --write', file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
