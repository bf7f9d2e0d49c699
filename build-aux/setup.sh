#!/usr/bin/env bash
# Attest's one setup script, for a Debian 12 machine (as root, through sudo, or as a user
# who may run sudo), from any directory:
#
#   build-aux/setup.sh run    install packages, build, open the demo project
#                             (no display: run the same demo through attest-cli)
#   build-aux/setup.sh test   install packages, build, run the whole test suite, then
#                             again built with AddressSanitizer and UBSan (build-sanitize/),
#                             then each fuzz target for a short while under clang and
#                             libFuzzer (build-fuzz/), then the core tests under valgrind;
#                             extra arguments go to the first two `meson test` runs,
#                             e.g. --suite core
#
# ATTEST_TEST_STAGES picks the stages of `test` (default "plain sanitize fuzz valgrind");
# each stage runs even when an earlier one failed, and the exit status is the first failure's.
#
# Running it twice is fine: packages already installed are not reinstalled, an existing
# build directory is reconfigured, and the demo project is made afresh each time.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd -- "$here/.." && pwd -P)
cd "$root"

build=build
demo_dir=$build/demo
demo_project=$demo_dir/demo.attest
demo_article=data/demo/iraq-isis-corona.txt

say() { printf '==> %s\n' "$*"; }
die() { printf 'setup.sh: %s\n' "$*" >&2; exit 1; }

usage() {
  # The comment block at the top of this file.
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$here/setup.sh"
  exit "${1:-2}"
}

# --- packages -------------------------------------------------------------------------------

packages() {
  sed -e 's/#.*//' build-aux/packages.txt | tr -s ' \t' '\n' | sed -e '/^$/d'
}

install_packages() {
  local missing=() pkg status
  command -v dpkg-query >/dev/null || die "dpkg-query not found: this script targets Debian 12"
  while read -r pkg; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$pkg")
  done < <(packages)

  if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages: all $(packages | wc -l) installed"
    return
  fi

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "not root and no sudo: install as root: ${missing[*]}"
    sudo=(sudo)
  fi
  say "Installing ${#missing[@]} Debian packages: ${missing[*]}"
  # A new machine has no package lists yet; one update before the install covers it.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

# --- build ----------------------------------------------------------------------------------

configure_and_build() {
  if [ -f "$build/meson-private/coredata.dat" ]; then
    say "Reconfiguring $build/"
    meson setup --reconfigure "$build"
  else
    say "Configuring $build/"
    meson setup "$build"
  fi
  say "Building"
  ninja -C "$build"
}

# --- demo -----------------------------------------------------------------------------------

cli() {
  "$build/src/cli/attest-cli" -p "$demo_project" "$@"
}

make_demo_project() {
  [ -x "$build/src/cli/attest-cli" ] || die "$build/src/cli/attest-cli was not built"
  mkdir -p "$demo_dir"
  rm -f "$demo_project" "$demo_project-wal" "$demo_project-shm" "$demo_project-journal"

  say "Creating the demo project $demo_project"
  cli init --name "Attest demo"
  local imported article
  imported=$(cli import "$demo_article")
  printf '%s\n' "$imported"
  article=$(printf '%s\n' "$imported" | head -n 1 | cut -f 1)
  [ -n "$article" ] || die "importing $demo_article printed no article id"

  cli annotate "$article" \
    --text 'The Corona virus is an important factor.' \
    --kind direct --speaker 'Tahsin al-Khafaji' --speaker-kind official >/dev/null
  cli annotate "$article" \
    --text 'the latest escalation in violence by the organization was a response to operations by Iraqi forces against it' \
    --kind indirect --speaker 'US officials' --speaker-kind official >/dev/null
  say "Annotated two quotes"
}

show_file() {
  printf '\n%s (first lines):\n' "$1"
  head -n "$2" "$1" | cut -c 1-160
}

headless_demo() {
  echo "No display: running the headless demo through attest-cli"
  say "attest-cli list articles"
  cli list articles
  say "attest-cli list annotations"
  cli list annotations
  say "attest-cli stats"
  cli stats
  local json=$demo_dir/demo.json csv=$demo_dir/quotes.csv
  say "attest-cli export --format json"
  cli export --format json -o "$json"
  say "attest-cli export --format csv --table quotes"
  cli export --format csv --table quotes -o "$csv"
  echo
  echo "Project:     $root/$demo_project"
  echo "JSON export: $root/$json"
  echo "CSV quotes:  $root/$csv"
  show_file "$json" 12
  show_file "$csv" 5
}

# --- commands -------------------------------------------------------------------------------

cmd_run() {
  [ $# -eq 0 ] || usage
  install_packages
  configure_and_build
  make_demo_project
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    [ -x "$build/src/attest" ] || die "$build/src/attest was not built"
    say "Opening $demo_project"
    GSETTINGS_SCHEMA_DIR="$root/$build/data" exec "$root/$build/src/attest" "$root/$demo_project"
  fi
  headless_demo
}

# Xvfb and a private session bus around a command: the GUI tests need both.
with_display() {
  dbus-run-session -- xvfb-run -a -s '-screen 0 1400x900x24' "$@"
}

# A build tree other than build/: configured once with its options (and compiler, CC), then
# reconfigured.
configure_tree() {
  local dir=$1
  shift
  if [ -f "$dir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    env CC="${CC:-cc}" meson setup "$dir" "$@" >/dev/null
  fi
}

stage_wanted() {
  case " ${ATTEST_TEST_STAGES:-plain sanitize fuzz valgrind} " in
    *" $1 "*) return 0 ;;
    *) return 1 ;;
  esac
}

# The whole suite again, built with AddressSanitizer and UBSan (gcc). Leaks are errors,
# except for the third-party one-time caches in build-aux/lsan.supp; slow unwinding makes
# those suppressions match, and then GL must stay off or it deadlocks (DEBIAN12.md).
test_sanitized() {
  local dir=build-sanitize
  say "Building $dir/ with -Db_sanitize=address,undefined"
  # A stage runs in an || list, where set -e does not reach: each step says how it went.
  configure_tree "$dir" -Db_sanitize=address,undefined -Db_lundef=false || return
  ninja -C "$dir" || return
  say "Running the core, CLI and fuzz-replay tests under AddressSanitizer and UBSan"
  # The GUI suites are left out here: under ASan they exceed their time and GTK 4.8 leaves
  # popovers and dialogs that LeakSanitizer reports (see the README's Status).
  if [ $# -eq 0 ]; then
    set -- --suite core --suite cli --suite data --suite fuzz-replay
  fi
  ASAN_OPTIONS=fast_unwind_on_malloc=0:detect_leaks=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$root/build-aux/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  GDK_DEBUG=gl-disable \
    with_display meson test -C "$dir" --print-errorlogs --timeout-multiplier 4 "$@"
}

# The fuzz targets (tests/fuzz/), each for a bounded time, under clang with libFuzzer: the
# core instrumented for coverage, only what the targets need built.
test_fuzz() {
  local dir=build-fuzz targets
  if ! command -v clang >/dev/null; then
    say "No clang: cannot fuzz (build-aux/packages.txt names it)"
    return 1
  fi
  say "Building the fuzz targets in $dir/ with clang and libFuzzer"
  CC=clang configure_tree "$dir" -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args=-fsanitize=fuzzer-no-link || return
  if ! grep -q '^C compiler for the host machine: clang' "$dir/meson-logs/meson-log.txt"; then
    say "$dir/ was configured with another compiler than clang: remove it"
    return 1
  fi
  targets=$(meson introspect "$dir" --tests | python3 -c '
import json, os, sys
root = sys.argv[1]
for test in json.load(sys.stdin):
    if any(suite.split(":")[-1] == "fuzz" for suite in test["suite"]):
        print(os.path.relpath(test["cmd"][0], root))' "$dir") || return
  if [ -z "$targets" ]; then
    say "$dir/ has no fuzz targets: is libFuzzer (libclang-rt-14-dev) installed?"
    return 1
  fi
  # shellcheck disable=SC2086
  ninja -C "$dir" $targets || return
  say "Fuzzing each target for a short while"
  # Leaks are the sanitizer stage's: here the fast unwinder cannot see through GLib, so the
  # third-party suppressions would not match.
  ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    meson test -C "$dir" --no-rebuild --suite fuzz --print-errorlogs
}

# The core tests again, in the plain build, under valgrind's memcheck: it finds reads of
# uninitialised memory, which the sanitizer stage cannot (leaks are left to LeakSanitizer).
test_valgrind() {
  configure_and_build || return
  say "Running the core tests under valgrind"
  meson test -C "$build" --no-rebuild --setup valgrind --suite core --print-errorlogs
}

test_plain() {
  configure_and_build || return
  say "Running the test suite (GUI tests under Xvfb)"
  with_display meson test -C "$build" --print-errorlogs "$@"
}

cmd_test() {
  install_packages
  local status=0 stage stage_status started summary=""
  for stage in plain sanitize fuzz valgrind; do
    stage_wanted "$stage" || continue
    started=$SECONDS
    stage_status=0
    case $stage in
      plain) test_plain "$@" || stage_status=$? ;;
      sanitize) test_sanitized "$@" || stage_status=$? ;;
      fuzz) test_fuzz || stage_status=$? ;;
      valgrind) test_valgrind || stage_status=$? ;;
    esac
    [ "$status" -ne 0 ] || status=$stage_status
    summary+=$(printf '\n    %-9s %s in %dm%02ds' "$stage" \
      "$([ "$stage_status" -eq 0 ] && echo passed || echo "FAILED ($stage_status)")" \
      $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)))
  done
  say "Stages:$summary"
  exit "$status"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  -h | --help | help) usage 0 ;;
  *) usage ;;
esac
