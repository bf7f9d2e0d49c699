#!/usr/bin/env python3
# test-mime.py: the MIME type, the desktop file and the application agree, as the desktop
# sees them. The built MIME package and desktop file are installed into a temporary
# XDG_DATA_HOME; GIO then tells a project file's type and the applications that open it,
# as GNOME Files asks it.
#
# Usage: test-mime.py MIME_XML DESKTOP_FILE ATTEST (ATTEST_CLI in the environment): ATTEST is
# the built application, put first in PATH as the desktop file's Exec wants. TAP on stdout.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

MIME_TYPE = 'application/x-attest-project'
APP = 'io.attest.Attest.desktop'

results = []


def check(ok, name, detail=''):
    results.append((ok, name, detail))


def gio(env, *args):
    return subprocess.run(['gio', *args], env=env, capture_output=True, text=True, check=False)


def content_type(env, path):
    out = gio(env, 'info', '--attributes=standard::content-type', path).stdout
    for line in out.splitlines():
        line = line.strip()
        if line.startswith('standard::content-type:'):
            return line.split(':', 3)[-1].strip()
    return None


def main():
    mime_xml, desktop_file, attest = sys.argv[1], sys.argv[2], sys.argv[3]
    cli = os.environ['ATTEST_CLI']

    with tempfile.TemporaryDirectory(prefix='attest-mime-') as tmp:
        data_home = os.path.join(tmp, 'data')
        os.makedirs(os.path.join(data_home, 'mime', 'packages'))
        os.makedirs(os.path.join(data_home, 'applications'))
        shutil.copy(mime_xml, os.path.join(data_home, 'mime', 'packages', 'io.attest.Attest.xml'))
        shutil.copy(desktop_file, os.path.join(data_home, 'applications', APP))
        # What installing does (gnome.post_install in meson.build, or the distribution's
        # triggers): GIO reads the compiled MIME database and mimeinfo.cache, not the sources.
        subprocess.run(['update-mime-database', os.path.join(data_home, 'mime')], check=True,
                       capture_output=True)
        subprocess.run(['update-desktop-database', os.path.join(data_home, 'applications')],
                       check=True, capture_output=True)

        env = dict(os.environ)
        env['XDG_DATA_HOME'] = data_home
        env['XDG_CONFIG_HOME'] = os.path.join(tmp, 'config')
        env['HOME'] = tmp
        env.setdefault('XDG_DATA_DIRS', '/usr/local/share:/usr/share')
        # GIO leaves out a desktop file whose program is not in PATH.
        env['PATH'] = os.path.dirname(os.path.abspath(attest)) + os.pathsep + env['PATH']

        project = os.path.join(tmp, 'Iraq checkpoints.attest')
        subprocess.run([cli, '-p', project, 'init'], check=True, capture_output=True)
        other_db = os.path.join(tmp, 'cache.sqlite')
        sqlite3.connect(other_db).execute('CREATE TABLE t (x)').connection.close()

        found = content_type(env, project)
        check(found == MIME_TYPE, 'a project file is ' + MIME_TYPE, 'got %r' % found)
        found = content_type(env, other_db)
        check(found != MIME_TYPE, 'another SQLite database is not a project', 'got %r' % found)

        out = gio(env, 'mime', MIME_TYPE).stdout
        check(APP in out, 'Attest is registered for ' + MIME_TYPE, out.strip())

        entry = configparser.ConfigParser(interpolation=None, strict=False)
        entry.optionxform = str
        entry.read(desktop_file, encoding='utf-8')
        desktop = entry['Desktop Entry']
        types = [t for t in desktop.get('MimeType', '').split(';') if t]
        check(MIME_TYPE in types, 'the desktop file lists the type', str(types))
        exec_line = desktop.get('Exec', '')
        check(exec_line.split()[0] == 'attest' and ('%F' in exec_line or '%U' in exec_line),
              'the desktop file passes the files to attest', exec_line)

    print('1..%d' % len(results))
    for i, (ok, name, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok:
            print('# ' + detail)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
