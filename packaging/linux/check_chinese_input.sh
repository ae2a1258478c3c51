#!/usr/bin/env bash
# Typing Chinese into the frozen program under X11, through a real input method.
#
#   packaging/linux/check_chinese_input.sh ibus|fcitx5 [BUNDLE]     # after `make bundle`
#
# Starts Xvfb, a D-Bus session and the input method (ibus-daemon with ibus-libpinyin, or
# fcitx5 with its pinyin engine, the program started with QT_IM_MODULE=fcitx as fcitx5
# desktops set it), opens the demo project, adds a code by keyboard (Ins in the codebook)
# and types its name as pinyin — "nihao", then space to take the first candidate — and
# checks with the frozen CLI that the project now holds a code named 你好.
# Needs: xvfb xdotool dbus-x11 and ibus ibus-libpinyin, or fcitx5 fcitx5-chinese-addons.
set -euo pipefail
im=${1:?ibus or fcitx5}
bundle=${2:-dist/annotator}
exe=$(cd "$bundle" && pwd)/annotator
work=$(mktemp -d /tmp/annotator-im-XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -n "${DBUS_SESSION_BUS_PID:-}" ] && kill "$DBUS_SESSION_BUS_PID" 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=:${IM_DISPLAY:-91}
Xvfb "$DISPLAY" -screen 0 1440x900x24 >/dev/null 2>&1 &
sleep 1
eval "$(dbus-launch --sh-syntax)"
export XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data
export ANNOTATOR_CONFIG_DIR=$work/annotator ANNOTATOR_CODER=im ANNOTATOR_LANG=zh
case $im in
  ibus)
    ibus-daemon --replace --daemonize --panel=disable
    export QT_IM_MODULE=ibus ;;
  fcitx5)
    mkdir -p "$XDG_CONFIG_HOME/fcitx5"
    printf '%s\n' '[Groups/0]' 'Name=Default' 'Default Layout=us' 'DefaultIM=pinyin' '' \
      '[Groups/0/Items/0]' 'Name=keyboard-us' 'Layout=' '' \
      '[Groups/0/Items/1]' 'Name=pinyin' 'Layout=' '' '[GroupOrder]' '0=Default' \
      > "$XDG_CONFIG_HOME/fcitx5/profile"
    fcitx5 -d >/dev/null 2>&1
    sleep 4
    export QT_IM_MODULE=fcitx ;;
  *) echo "usage: $0 ibus|fcitx5 [BUNDLE]" >&2; exit 2 ;;
esac
project=$work/示例项目.annotator
"$exe" demo "$project" --no-open >/dev/null
"$exe" "$project" >/dev/null 2>&1 &
app=$!
sleep 10
# ibus takes the engine once a client is connected (it refuses before)
if [ "$im" = ibus ]; then ibus engine libpinyin || true; fi
xdotool mousemove 1000 300 click 1   # the codebook (right-hand dock)
sleep 1
xdotool key Insert                    # Codebook → Add code…
sleep 2
# the input method on for the dialog's name field
if [ "$im" = fcitx5 ]; then fcitx5-remote -o; else ibus engine libpinyin || true; fi
sleep 1
xdotool type --delay 200 nihao
sleep 1
xdotool key space                     # the first candidate: 你好
sleep 1
xdotool key Return                    # the dialog's OK
sleep 2
kill "$app"; wait "$app" 2>/dev/null || true
if "$exe" info "$project" --json | grep -q '"path": "你好"'; then
  echo "$im: typed 你好 into the frozen program: ok"
else
  echo "$im: no code 你好 in the project; codes: $("$exe" info "$project" --json | grep '"path"' | tr -d ' ' | tr '\n' ' ')" >&2
  exit 1
fi
