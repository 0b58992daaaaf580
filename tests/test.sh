#!/usr/bin/env bash
# Runs every test project. Installs Debian's chromium for the browser tests and Debian's postgresql when they are
# missing, starts a throwaway PostgreSQL cluster (tests/postgres.sh) for the run, runs every test on SQLite, then the
# store, search, corrections, admin and reading tests again on PostgreSQL, and prints one closing line
# "N passed, N failed" summed over all test assemblies and both passes.
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
pg_dir=$(mktemp -d /tmp/newsreader-pg.XXXXXX)
trap 'rm -f "$log"; bash tests/postgres.sh stop "$pg_dir"' EXIT
if ! NEWSREADER_TEST_POSTGRES=$(bash tests/postgres.sh start "$pg_dir"); then
    echo "Could not start a PostgreSQL cluster for the tests (see above). Install it with: sudo apt-get install -y postgresql" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
export NEWSREADER_TEST_POSTGRES

dotnet test NewsReader.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The second pass: every test that reads or writes the store through the app, on PostgreSQL. Tests of SQLite itself
# (its migrations, the CLI's file) and the PostgreSQL-only tests (already run) stay out.
db_tests="FullyQualifiedName~NewsReader.Tests.Store.|FullyQualifiedName~NewsReader.Tests.Search.|FullyQualifiedName~NewsReader.Tests.Corrections.\
|FullyQualifiedName~NewsReader.Tests.Admin.|FullyQualifiedName~NewsReader.Tests.Api.|FullyQualifiedName~NewsReader.Tests.Feeds.\
|FullyQualifiedName~NewsReader.Tests.Seo.|FullyQualifiedName~NewsReader.Tests.Pages.|FullyQualifiedName~NewsReader.Tests.Performance."
sqlite_only="FullyQualifiedName!~.MigrationTests.&FullyQualifiedName!~.UsersVerbTests.&FullyQualifiedName!~.SessionTimeoutTests."
if [ $# -eq 0 ]; then   # arguments (a --filter) narrow the run to the first pass
    NEWSREADER_TEST_DATABASE=postgres dotnet test tests/NewsReader.Tests -c Release --nologo --no-build \
        --filter "($db_tests)&$sqlite_only" 2>&1 | sed 's/^\(Passed\|Failed\)!/\1! (PostgreSQL)/' | tee -a "$log"
    pg_status=${PIPESTATUS[0]}
    [ "$status" -eq 0 ] && status=$pg_status
fi

# dotnet test prints one line per assembly: "Passed!  - Failed: 0, Passed: 5, Skipped: 0, Total: 5, ..."
read -r passed failed < <(grep -E '^(Passed|Failed)! +(\(PostgreSQL\) +)?- Failed: ' "$log" | awk -F'[:,]' '{ f += $2; p += $4 } END { print p + 0, f + 0 }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1   # a build or runner error fails the run even though no test reported failing
fi
echo "$passed passed, $failed failed"
exit "$status"
