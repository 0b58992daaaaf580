#!/usr/bin/env bash
# Runs every test project. Installs Debian's chromium for the browser tests when it is missing,
# then prints one closing line "N passed, N failed" summed over all test assemblies.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
    echo "Chromium is missing; installing Debian's chromium package for the browser tests..."
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
    if [ ! -x /usr/bin/chromium ]; then
        echo "Could not install chromium. Install it with: sudo apt-get install -y chromium" >&2
        echo "0 passed, 1 failed"
        exit 1
    fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test NewsReader.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one line per assembly: "Passed!  - Failed: 0, Passed: 5, Skipped: 0, Total: 5, ..."
read -r passed failed < <(grep -E '^(Passed|Failed)! +- Failed: ' "$log" | awk -F'[:,]' '{ f += $2; p += $4 } END { print p + 0, f + 0 }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1   # a build or runner error fails the run even though no test reported failing
fi
echo "$passed passed, $failed failed"
exit "$status"
