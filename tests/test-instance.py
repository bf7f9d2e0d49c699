#!/usr/bin/env python3
# test-instance.py: `attest FILE` as the desktop runs it, in real processes on a real session
# bus (run under xvfb-run and dbus-run-session, as the other GUI tests). The first process
# opens the project; a second `attest OTHER` hands its file to the first and exits; opening a
# project that is already open brings its window forward instead of a second one. Windows are
# counted on the bus (GtkApplication exports each at /io/attest/Attest/window/N) and the
# recent projects are read back with gsettings from a keyfile in a temporary HOME.
#
# Usage: test-instance.py ATTEST (ATTEST_CLI in the environment). TAP on stdout.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import time

APP_ID = 'io.attest.Attest'
results = []


def check(ok, name, detail=''):
    results.append((ok, name, detail))
    return ok


def windows(env):
    out = subprocess.run(['gdbus', 'introspect', '--session', '--dest', APP_ID,
                          '--object-path', '/io/attest/Attest/window'],
                         env=env, capture_output=True, text=True, check=False).stdout
    return len(re.findall(r'^\s+node \d+', out, re.MULTILINE))


def wait_for(predicate, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def main():
    attest = sys.argv[1]
    cli = os.environ['ATTEST_CLI']

    with tempfile.TemporaryDirectory(prefix='attest-instance-') as home:
        env = dict(os.environ)
        env.update({
            'HOME': home,
            'XDG_CONFIG_HOME': os.path.join(home, '.config'),
            'XDG_DATA_HOME': os.path.join(home, '.local', 'share'),
            'XDG_CACHE_HOME': os.path.join(home, '.cache'),
            'GSETTINGS_BACKEND': 'keyfile',
        })
        first = os.path.join(home, 'Iraq checkpoints.attest')
        second = os.path.join(home, 'Sahel.attest')
        for path in (first, second):
            subprocess.run([cli, '-p', path, 'init'], env=env, check=True, capture_output=True)

        log = open(os.path.join(home, 'attest.log'), 'w+', encoding='utf-8')
        primary = subprocess.Popen([attest, first], env=env, stdout=log, stderr=log)
        try:
            check(wait_for(lambda: windows(env) == 1), '`attest FILE` shows one window',
                  'windows: %d' % windows(env))

            other = subprocess.run([attest, second], env=env, capture_output=True, text=True,
                                   timeout=20, check=False)
            check(other.returncode == 0, 'a second `attest OTHER` hands its file over and exits',
                  'status %d: %s' % (other.returncode, other.stderr))
            check(wait_for(lambda: windows(env) == 2),
                  'the running instance opens it in a second window',
                  'windows: %d' % windows(env))
            check(primary.poll() is None, 'the first process still runs')

            again = subprocess.run([attest, first], env=env, capture_output=True, text=True,
                                   timeout=20, check=False)
            time.sleep(1)
            check(again.returncode == 0 and windows(env) == 2,
                  'a project already open is brought forward, not opened twice',
                  'status %d, windows: %d' % (again.returncode, windows(env)))

            subprocess.run(['gapplication', 'action', APP_ID, 'quit'], env=env, check=False,
                           capture_output=True, timeout=20)
            try:
                status = primary.wait(timeout=20)
            except subprocess.TimeoutExpired:
                status = None
            check(status == 0, 'app.quit ends the application', 'status %r' % status)
        finally:
            if primary.poll() is None:
                primary.kill()
                primary.wait()
            log.seek(0)
            for line in log.read().splitlines():
                print('# ' + line)
            log.close()

        recent = subprocess.run(['gsettings', 'get', APP_ID, 'recent-projects'], env=env,
                                capture_output=True, text=True, check=False).stdout
        paths = re.findall(r"\('([^']*)'", recent)
        check(paths == [first, second], 'the recent projects, most recent first', recent.strip())
        last = subprocess.run(['gsettings', 'get', APP_ID, 'last-project'], env=env,
                              capture_output=True, text=True, check=False).stdout.strip()
        check(last == "'%s'" % first, 'the last project is the one opened last', last)

    print('1..%d' % len(results))
    for i, (ok, name, detail) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
        if not ok and detail:
            print('# ' + detail)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
