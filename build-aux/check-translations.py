#!/usr/bin/env python3
"""Check one translation in po/ against the current source.

  check-translations.py SOURCE_ROOT LANG [--xgettext PATH] [--msgmerge PATH]
                        [--msgfmt PATH] [--msgattrib PATH] [--po FILE] [--merged FILE]…
                        -- XGETTEXT_ARGS…

Writes a fresh template from po/POTFILES.in into a temporary directory (never into the
source tree), merges po/LANG.po with it there, and reports TAP on stdout:

  1  msgfmt --check --statistics accepts po/LANG.po (headers, plural forms, printf formats)
  2  every keyboard mnemonic (_) of the English is kept, once (msgfmt --check-accelerators)
  3  no message of the current template is untranslated
  4  no message is fuzzy (a changed English string whose translation was not reviewed)
  5… each --merged file (desktop file, metainfo, MIME type built by i18n.merge_file) carries
     LANG's strings: Comment[LANG]= in a .desktop file, xml:lang="LANG" in XML

XGETTEXT_ARGS are the keywords and flags po/meson.build gives i18n.gettext (), so the
template is the one `ninja attest-pot` writes. --po checks another file in LANG's place
(the tests of this script use it on broken copies).
"""

import argparse
import os
import subprocess
import sys
import tempfile


def run(cmd, **kwargs):
    return subprocess.run(cmd, capture_output=True, text=True, **kwargs)


def msgids(po_text):
    """The msgids (with context) of the entries of a PO file, header left out, for messages."""
    entries = []
    current = None
    for line in po_text.splitlines():
        if line.startswith('msgctxt ') or line.startswith('msgid '):
            if line.startswith('msgctxt ') or current is None or 'msgid' in current:
                current = {}
                entries.append(current)
            key = line.split(' ', 1)[0]
            current[key] = unquote(line.split(' ', 1)[1])
            current['last'] = key
        elif line.startswith('"') and current is not None and current.get('last') in (
                'msgctxt', 'msgid'):
            current[current['last']] += unquote(line)
        elif current is not None:
            current['last'] = None
    out = []
    for e in entries:
        if e.get('msgid', '') == '' and 'msgctxt' not in e:
            continue
        text = e.get('msgid', '')
        if 'msgctxt' in e:
            text = '[%s] %s' % (e['msgctxt'], text)
        out.append(text)
    return out


def unquote(s):
    s = s.strip()
    if len(s) >= 2 and s[0] == '"' and s[-1] == '"':
        s = s[1:-1]
    return s.replace('\\n', '\n').replace('\\"', '"').replace('\\\\', '\\')


def report(number, ok, name, details=()):
    print('%s %d - %s' % ('ok' if ok else 'not ok', number, name))
    for d in details:
        for line in str(d).rstrip('\n').splitlines():
            print('# ' + line)
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('source_root')
    parser.add_argument('lang')
    parser.add_argument('--po')
    parser.add_argument('--xgettext', default='xgettext')
    parser.add_argument('--msgmerge', default='msgmerge')
    parser.add_argument('--msgfmt', default='msgfmt')
    parser.add_argument('--msgattrib', default='msgattrib')
    parser.add_argument('--merged', action='append', default=[])
    argv = sys.argv[1:]
    split = argv.index('--') if '--' in argv else len(argv)
    args = parser.parse_args(argv[:split])
    args.xgettext_args = argv[split + 1:]

    root = os.path.abspath(args.source_root)
    po = os.path.abspath(args.po) if args.po else os.path.join(root, 'po', args.lang + '.po')
    print('1..%d' % (4 + len(args.merged)))
    if not os.path.isfile(po):
        for n, name in enumerate(('msgfmt --check', 'mnemonics', 'no untranslated messages',
                                  'no fuzzy messages'), 1):
            report(n, False, name, ['%s does not exist' % po])
        return 1

    all_ok = True
    with tempfile.TemporaryDirectory(prefix='attest-po-') as tmp:
        mo = os.path.join(tmp, args.lang + '.mo')
        r = run([args.msgfmt, '--check', '--statistics', '-o', mo, po])
        all_ok &= report(1, r.returncode == 0, 'msgfmt --check --statistics %s' % po,
                         [r.stderr.strip()])

        r = run([args.msgfmt, '--check-accelerators=_', '-o', mo, po])
        all_ok &= report(2, r.returncode == 0, 'keyboard mnemonics are kept',
                         [r.stderr.strip()] if r.returncode != 0 else [])

        all_ok &= check_template(args, root, po, tmp)

    for n, merged_file in enumerate(args.merged, 5):
        all_ok &= report(n, has_language(merged_file, args.lang),
                         '%s carries the %s strings' % (os.path.basename(merged_file), args.lang))
    return 0 if all_ok else 1


def check_template(args, root, po, tmp):
    """Tests 3 and 4: merge the .po with a template extracted now, count what is missing."""
    pot = os.path.join(tmp, 'attest.pot')
    r = run([args.xgettext, '--package-name=attest', '-f',
             os.path.join(root, 'po', 'POTFILES.in'), '-D', root, '-k_', '-o', pot]
            + args.xgettext_args)
    failure = None
    if r.returncode != 0 or not os.path.isfile(pot):
        failure = ['xgettext failed:', r.stderr]
    else:
        merged = os.path.join(tmp, 'merged.po')
        r = run([args.msgmerge, '--quiet', '-o', merged, po, pot])
        if r.returncode != 0:
            failure = ['msgmerge failed:', r.stderr]
    if failure:
        report(3, False, 'no untranslated messages', failure)
        report(4, False, 'no fuzzy messages', failure[:1])
        return False

    untranslated = run([args.msgattrib, '--untranslated', '--no-obsolete', merged])
    missing = msgids(untranslated.stdout)
    ok = report(3, untranslated.returncode == 0 and not missing,
                'no untranslated messages (%d missing)' % len(missing),
                ['untranslated: ' + m for m in missing[:40]])

    fuzzy = run([args.msgattrib, '--only-fuzzy', '--no-obsolete', merged])
    unsure = msgids(fuzzy.stdout)
    ok &= report(4, fuzzy.returncode == 0 and not unsure,
                 'no fuzzy messages (%d fuzzy)' % len(unsure),
                 ['fuzzy: ' + m for m in unsure[:40]])
    return ok


def has_language(path, lang):
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except OSError:
        return False
    if path.endswith('.desktop'):
        return ('\nComment[%s]=' % lang) in text
    return ('xml:lang="%s"' % lang) in text


if __name__ == '__main__':
    sys.exit(main())
