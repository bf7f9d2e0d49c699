#!/usr/bin/env bash
# Takes Attest's screenshots from an existing build, on a virtual screen:
#
#   build-aux/screenshots.sh BUILD [LANGUAGE] [OUTDIR]
#
#   BUILD     a configured and built build directory (this script builds nothing)
#   LANGUAGE  en (default), ar, … : the interface language; a translation is taken from
#             BUILD/po, or compiled from po/LANGUAGE.po into the temporary directory
#   OUTDIR    where the PNGs go (default BUILD/screenshots/LANGUAGE)
#
#   build-aux/screenshots.sh --check METAINFO
#             checks that the screenshots a metainfo file lists are in data/screenshots/
#             as it declares them (a test of suite data runs it)
#
#   build-aux/screenshots.sh --update BUILD
#             the English set, optimised, into data/screenshots/ (the AppStream and README
#             pictures) and, 800 pixels wide, into data/help/C/figures/ (the user guide's)
#
# It makes a demo project in a temporary directory with attest-cli (the article setup.sh's
# demo uses, an Arabic one, two Wikinews reports from data/screenshots/demo/, quotes and
# their speakers, incidents with their evidence), then runs BUILD/data/attest-screenshots:
# the application itself, which adds a small codebook, opens the project and goes through
# Articles, Sources, Codebook, Incidents, Timeline, a project search and suggestion mode,
# photographing the screen (ImageMagick's import) after each.
#
# ATTEST_SHOT_SIZE=WIDTHxHEIGHT sets the window's size (default 1280x800, the window's own).
#
# Needs: xvfb-run, dbus-run-session, import (imagemagick), locales (glibc's locale sources,
# compiled for LANGUAGE into the temporary directory), optipng for --update. Fonts: Cantarell (fonts-cantarell) as on GNOME.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd -- "$here/.." && pwd -P)

die() { printf 'screenshots.sh: %s\n' "$*" >&2; exit 1; }
usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$here/screenshots.sh"
  exit 2
}

# --check METAINFO: every screenshot the metainfo lists is in data/screenshots/ (its URL
# names that folder of the repository), a PNG of the size it declares, under 300 KB.
check_metainfo() {
  local metainfo=$1 failed=0 url name file width height declared size
  [ -f "$metainfo" ] || die "no $metainfo"
  while read -r declared url; do
    name=${url##*/}
    file=$root/data/screenshots/$name
    case $url in
      https://*/data/screenshots/"$name") ;;
      *) echo "not an https URL of data/screenshots/: $url"; failed=1; continue ;;
    esac
    if [ ! -f "$file" ]; then
      echo "missing: data/screenshots/$name"; failed=1; continue
    fi
    if [ "$(head -c 8 "$file" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
      echo "not a PNG: data/screenshots/$name"; failed=1; continue
    fi
    width=$(od -An -tu1 -j16 -N4 "$file" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
    height=$(od -An -tu1 -j20 -N4 "$file" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
    if [ "$declared" != "${width}x${height}" ]; then
      echo "data/screenshots/$name is ${width}x${height}, the metainfo says $declared"; failed=1
      continue
    fi
    size=$(wc -c < "$file")
    if [ "$size" -gt 307200 ]; then
      echo "data/screenshots/$name is $size bytes, over 300 KB"; failed=1
      continue
    fi
    echo "ok: $name ${width}x${height} $size bytes"
  done < <(sed -n 's|.*<image[^>]*width="\([0-9]*\)" height="\([0-9]*\)"[^>]*>\([^<]*\)</image>.*|\1x\2 \3|p' "$metainfo")
  grep -q '<image' "$metainfo" || { echo "no screenshots in $metainfo"; failed=1; }
  exit $failed
}

if [ "${1:-}" = --check ]; then
  [ $# -eq 2 ] || usage
  check_metainfo "$2"
fi

update=false
if [ "${1:-}" = --update ]; then
  update=true
  shift
  [ $# -eq 1 ] || usage
fi
[ $# -ge 1 ] && [ $# -le 3 ] || usage

build=$(cd -- "$1" && pwd -P) || die "no build directory $1"
language=${2:-en}
cli=$build/src/cli/attest-cli
driver=$build/data/attest-screenshots
[ -x "$cli" ] || die "$cli was not built (ninja -C $1)"
[ -x "$driver" ] || die "$driver was not built (ninja -C $1)"
[ -f "$build/data/gschemas.compiled" ] || die "$build/data/gschemas.compiled was not built"
for tool in xvfb-run dbus-run-session import; do
  command -v "$tool" >/dev/null || die "$tool is not installed (build-aux/packages.txt)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/attest-screenshots-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if $update; then
  out=$tmp/shots
else
  out=${3:-$build/screenshots/$language}
fi
mkdir -p "$out"
out=$(cd -- "$out" && pwd -P)

# --- the interface language -------------------------------------------------------------------

# A UTF-8 locale of the language: en → en_US; another language is compiled from glibc's
# sources (package locales) into the temporary directory, ar → ar_EG, so that no locale has
# to be installed; failing that, an installed one (locales-all) is used.
locpath=
pick_locale() {
  local lang=$1 found installed source
  case $lang in
    en) found=en_US ;;
    *_*) found=${lang%%.*} ;;
    ar) found=ar_EG ;;
    *) found=$(cd /usr/share/i18n/locales 2>/dev/null &&
                 ls -1 | grep -x "${lang}_[A-Z][A-Z]" | head -n 1 || true) ;;
  esac
  source=/usr/share/i18n/locales/$found
  if [ -n "$found" ] && [ -f "$source" ] && command -v localedef >/dev/null; then
    mkdir -p "$tmp/locales"
    if localedef -i "$found" -f UTF-8 "$tmp/locales/$found.UTF-8" 2>/dev/null ||
       [ -d "$tmp/locales/$found.UTF-8" ]; then
      locpath=$tmp/locales
      echo "$found.UTF-8"
      return
    fi
  fi
  installed=$(locale -a 2>/dev/null || true)
  found=$(grep -i "^${found:-$lang}.*\.utf-\?8$" <<<"$installed" | sort | head -n 1 || true)
  if [ -z "$found" ]; then
    [ "$lang" = en ] && { echo C.UTF-8; return; }
    die "no UTF-8 locale for “$lang”: install the package locales (or locales-all)"
  fi
  echo "$found"
}

locale_name=$(pick_locale "$language")
[ -d "$tmp/locales" ] && locpath=$tmp/locales
lang_code=${language%%_*}
localedir=$build/po
if [ "$lang_code" != en ] && [ ! -f "$build/po/$lang_code/LC_MESSAGES/attest.mo" ]; then
  [ -f "$root/po/$lang_code.po" ] || die "no translation po/$lang_code.po"
  command -v msgfmt >/dev/null || die "msgfmt is not installed (gettext)"
  mkdir -p "$tmp/locale/$lang_code/LC_MESSAGES"
  msgfmt -o "$tmp/locale/$lang_code/LC_MESSAGES/attest.mo" "$root/po/$lang_code.po"
  localedir=$tmp/locale
fi

# --- the demo project -------------------------------------------------------------------------

project=$tmp/demo.attest
say() { printf '==> %s\n' "$*"; }
run_cli() { "$cli" -p "$project" "$@"; }
# Prints the id of the annotation it makes.
annotate() {
  local article=$1 kind=$2 speaker=$3 speaker_kind=$4 text=$5
  if [ -n "$speaker" ]; then
    run_cli annotate "$article" --kind "$kind" --text "$text" \
      --speaker "$speaker" --speaker-kind "$speaker_kind"
  else
    run_cli annotate "$article" --kind "$kind" --text "$text"
  fi
}
first_field() { head -n 1 | cut -f 1; }

say "Demo project in $project"
run_cli init --name "Attest demo" >/dev/null
iraq=$(run_cli import --outlet "Al Jazeera" --date 2020-05-04 --language en \
  --title "Islamic State steps up its attacks in Iraq during the Corona lockdown" \
  "$root/data/demo/iraq-isis-corona.txt" | first_field)
arabic=$(run_cli import --outlet "Al Jazeera" --date 2020-05-05 --language ar \
  "$root/tests/fixtures/arabic-article.txt" | first_field)
hotel=$(run_cli import --outlet Wikinews --date 2019-02-13 --language en \
  --url "https://en.wikinews.org/wiki/Hotel_fire_kills_at_least_seventeen_in_Karol_Bagh,_New_Delhi" \
  "$root/data/screenshots/demo/wikinews-2019-02-13-karol-bagh-hotel-fire.txt" | first_field)
crash=$(run_cli import --outlet Wikinews --date 2019-10-03 --language en \
  --url "https://en.wikinews.org/wiki/World_War_II_era_plane_crashes_in_Connecticut,_US,_killing_at_least_seven" \
  "$root/data/screenshots/demo/wikinews-2019-10-03-connecticut-b17-crash.txt" | first_field)
[ -n "$iraq" ] && [ -n "$arabic" ] && [ -n "$hotel" ] && [ -n "$crash" ] ||
  die "an import printed no article id"

# The quotes of the demo article, as its hand annotation (corpus/seed/gold.json) has them.
post_weaker=$(annotate "$iraq" indirect "Washington Post" media \
  "although the Islamic State has become weaker than it was and does not appear to be able to rise again and regain its influence, it is taking advantage of the current situation to launch its attacks")
khafaji=$(annotate "$iraq" direct "Tahsin al-Khafaji" official \
  "The Corona virus is an important factor. Given that some of the soldiers are out of active duty and some of our operations have been stopped against the organization, they are taking advantage of the situation to launch their attacks,")
crowd=$(annotate "$iraq" indirect "the tribal crowd" armed-group \
  "they did not have night vision goggles and were surprised by the attack by the ISIS fighters")
post_sophisticated=$(annotate "$iraq" indirect "Washington Post" media \
  "this attack is considered the most sophisticated of the organization in years")
us_officials=$(annotate "$iraq" indirect "US officials" official \
  "the latest escalation in violence by the organization was a response to operations by Iraqi forces against it")
khafaji_decline=$(annotate "$iraq" indirect "Tahsin al-Khafaji" official \
  "the Corona virus caused a brief period of time to decline operations against the organization, although things have changed since then")
experts_vacuum=$(annotate "$iraq" indirect "Experts" expert \
  "the organization is also taking advantage of the vacuum left by the Iraqi security forces due to the health embargo")
rifkin=$(annotate "$iraq" direct "Mara Rifkin" expert \
  "However, the scale and complexity of the attacks have not yet reached the level that we saw in 2014, before ISIS began seizing land in Iraq,")
hashimi=$(annotate "$iraq" indirect "Hisham Al-Hashimi" expert \
  "more attacks to come, especially in Kirkuk")
resident=$(annotate "$iraq" direct "Baquba resident" resident \
  "There are many fighters in the mountains, and we know they can move very easily.")
annotate "$iraq" direct "Baquba resident" resident "We are tense," >/dev/null
claim=$(annotate "$iraq" claim "" "" \
  "the fighters are now hiding in small groups")
annotate "$arabic" direct "Tahsin al-Khafaji" official \
  "إنَّ فيروس كورونا عاملٌ مهمٌّ في تصاعد الهجمات" >/dev/null
annotate "$arabic" direct "Baquba resident" resident \
  "نحن متوترون، هناك الكثير من المسلحين في الجبال" >/dev/null
lamont=$(annotate "$crash" direct "Ned Lamont" official \
  "My heart really goes out to the families and we're going to give them the best information we can, as soon as we can, in an honest way")
wolf=$(annotate "$crash" direct "Steven Wolf" expert \
  "We received a mass casualty alert following the plane crash that took place near Bradley International Airport this morning.")
say "Annotated the articles"

ambush=$(run_cli incident add --title "ISIS ambush on a Tribal Mobilization checkpoint" \
  --date 2020-05-02 --precision day --as-reported "Saturday evening" \
  --type "Battles" --sub-type "Armed clash" \
  --place Makchifa --admin1 "Salah al-Din" --country IQ \
  --killed "?" --actor "Islamic State:perpetrator" --actor "the tribal crowd:target" \
  --summary "Fighters of the Islamic State attacked a checkpoint of the Tribal Mobilization forces near Makchifa (also spelled Machishafa)." \
  | first_field)
run_cli incident link "$ambush" "$crowd" --relation reports --field actors >/dev/null
run_cli incident link "$ambush" "$post_sophisticated" --relation reports >/dev/null
run_cli incident link "$ambush" "$us_officials" --relation context >/dev/null
run_cli incident link "$ambush" "$khafaji" --relation context >/dev/null
lockdown=$(run_cli incident add --title "Iraq imposes lockdown restrictions" \
  --date 2020-03-15 --precision day --as-reported "since March 15" \
  --type "Strategic developments" --country IQ | first_field)
run_cli incident link "$lockdown" "$experts_vacuum" --relation context >/dev/null
bases=$(run_cli incident add --title "Coalition closes facilities at bases in Kirkuk and Qayyarah" \
  --date 2020-04-01 --precision month --as-reported "last month" \
  --type "Strategic developments" --place Kirkuk --country IQ | first_field)
run_cli incident link "$bases" "$hashimi" --relation context >/dev/null
fire=$(run_cli incident add --title "Fire at the Hotel Arpit Palace, Karol Bagh" \
  --date 2019-02-12 --precision day --as-reported "yesterday morning" \
  --type "Accident" --place "Karol Bagh" --admin1 Delhi --country IN \
  --killed 17 --injured "?" | first_field)
run_cli incident link "$fire" "$hotel" --relation reports >/dev/null
b17=$(run_cli incident add --title "B-17 bomber crashes at Bradley International Airport" \
  --date 2019-10-02 --precision day --as-reported "yesterday" \
  --type "Accident" --place "Windsor Locks" --admin1 Connecticut --country US \
  --killed 7 --injured 14 | first_field)
run_cli incident link "$b17" "$lamont" --relation context >/dev/null
run_cli incident link "$b17" "$wolf" --relation reports --field injuries >/dev/null
say "Recorded 5 incidents"

khafaji_source=$(run_cli list sources | grep -F "Tahsin al-Khafaji" | first_field)

# --- the pictures -----------------------------------------------------------------------------

article=$iraq
annotation=$khafaji
[ "$lang_code" = ar ] && article=$arabic && annotation=

# GNOME's font, and no animations: a view is photographed as it ends up, not mid-crossfade.
# No GTK_THEME: libadwaita's own style, as users see it (GTK_THEME=Adwaita would add GTK's
# built-in theme on top: framed buttons, boxed lists without their cards).
mkdir -p "$tmp/home/.config/gtk-4.0"
cat > "$tmp/home/.config/gtk-4.0/settings.ini" <<EOF
[Settings]
gtk-enable-animations=${ATTEST_SHOT_ANIMATIONS:-false}
gtk-font-name=Cantarell 11
EOF

# The window's size; the virtual screen is as large.
size=${ATTEST_SHOT_SIZE:-1280x800}
[[ $size =~ ^[0-9]+x[0-9]+$ ]] || die "ATTEST_SHOT_SIZE is WIDTHxHEIGHT, not “$size”"

say "Photographing the views ($language, $locale_name) into $out"
env -u LANGUAGE \
  LANG="$locale_name" LC_ALL="$locale_name" LANGUAGE="$lang_code" \
  ATTEST_LOCALEDIR="$localedir" ATTEST_SHOT_SIZE="$size" ${locpath:+LOCPATH="$locpath"} \
  HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache" \
  XDG_DATA_HOME="$tmp/home/.local/share" \
  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
  GDK_BACKEND=x11 GTK_A11Y=none GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
  MESA_SHADER_CACHE_DISABLE=true \
  dbus-run-session -- xvfb-run -a -s "-screen 0 ${size}x24" \
  "$driver" "$project" "$out" \
    --article "$article" ${annotation:+--annotation "$annotation"} \
    --source "$khafaji_source" --incident "$ambush" \
    --suggest-article "$hotel" --search "Corona attacks" \
    --tag "Framing/Security vacuum|#ed5b00|Quotes that explain attacks by a lack of security forces.|$khafaji,$experts_vacuum,$khafaji_decline" \
    --tag "Framing/Pandemic|#3584e4|The Corona virus and the lockdown as a cause.|$khafaji,$khafaji_decline" \
    --tag "Framing/Resurgence|#9141ac|The Islamic State regaining strength.|$post_weaker,$rifkin,$hashimi" \
    --tag "Reliability/Unverified|#c88800|A claim no second source confirms.|$claim" \
    --tag "Reliability/Eyewitness|#3a944a|Someone who saw it or lives there.|$resident"

# --- into the source tree ---------------------------------------------------------------------

if $update; then
  command -v optipng >/dev/null || die "optipng is not installed"
  command -v convert >/dev/null || die "convert (imagemagick) is not installed"
  mkdir -p "$root/data/screenshots" "$root/data/help/C/figures"
  for png in "$out"/*.png; do
    name=$(basename "$png")
    # 8-bit palette PNGs: a flat interface keeps its look and a third of the size.
    convert "$png" +repage -strip -colors 256 PNG8:"$root/data/screenshots/$name"
    optipng -quiet -o5 "$root/data/screenshots/$name"
    convert "$png" +repage -strip -resize 800x -colors 256 PNG8:"$root/data/help/C/figures/$name"
    optipng -quiet -o5 "$root/data/help/C/figures/$name"
  done
  say "Updated data/screenshots/ and data/help/C/figures/"
  ls -l "$root/data/screenshots/"*.png "$root/data/help/C/figures/"*.png
fi
