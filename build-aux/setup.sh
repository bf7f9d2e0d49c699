#!/usr/bin/env bash
# Attest's one setup script, for a Debian 12 machine (as root, through sudo, or as a user
# who may run sudo), from any directory:
#
#   build-aux/setup.sh run    install packages, build, open the demo project
#                             (no display: run the same demo through attest-cli)
#   build-aux/setup.sh test   install packages, build, run the whole test suite
#                             (extra arguments go to `meson test`, e.g. --suite core)
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

cmd_test() {
  install_packages
  configure_and_build
  say "Running the test suite (GUI tests under Xvfb)"
  local status=0
  dbus-run-session -- xvfb-run -a -s '-screen 0 1400x900x24' \
    meson test -C "$build" --print-errorlogs "$@" || status=$?
  exit "$status"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  -h | --help | help) usage 0 ;;
  *) usage ;;
esac
