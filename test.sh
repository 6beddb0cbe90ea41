#!/usr/bin/env bash
# Runs every test. Installs what the tests need beside the .NET SDK when it is missing:
# poppler-utils (pdftotext reads the PDF profiles back) and Debian's chromium (the browser journeys).
# Needs root or sudo for that step only.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Test hosts and the browser tests' service watch their files by polling, not inotify (128 instances per user).
export DOTNET_USE_POLLING_FILE_WATCHER=1

missing=""
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -x /usr/bin/chromium ] || missing="$missing chromium"
if [ -n "$missing" ]; then
    echo "test.sh: installing$missing …"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq >/dev/null && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null \
        || { echo "test.sh: could not install$missing; install it and run again." >&2; exit 1; }
fi

log=$(mktemp)
dotnet test SelfEval.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# One closing line over all test projects, in the plain form CI reads.
awk '/(Passed|Failed)! +- +Failed:/ {
        gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
