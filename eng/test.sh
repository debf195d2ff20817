#!/usr/bin/env bash
# The test command: starts local PostgreSQL and RabbitMQ when they are not running, runs every test
# project of CustomerPlatform.Ci.slnf, and closes with one line "N passed, N failed" summed over all
# test assemblies. Extra arguments go to dotnet test (e.g. --filter "Category!=Integration").
# Exits with dotnet test's exit code, or 1 when no test ran.
#
# The fault tests (Category=Faults) stop and restart the shared PostgreSQL and RabbitMQ servers, so they
# run in a second dotnet test of their project alone, after everything else has finished. A --filter given
# here applies to both runs (the first adds "&Category!=Faults"): --filter "Category!=Faults" skips them,
# --filter "Category=Faults" runs only them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RESULTS="$ROOT/TestResults"

"$ROOT/eng/infra.sh" up

: "${CP_TEST_POSTGRES:=Host=${CP_PG_HOST:-127.0.0.1};Port=${CP_PG_PORT:-5432};Username=${CP_PG_USER:-customerplatform};Password=${CP_PG_PASSWORD:-customerplatform}}"
: "${CP_TEST_RABBITMQ:=amqp://${CP_RABBIT_USER:-customerplatform}:${CP_RABBIT_PASSWORD:-customerplatform}@${CP_RABBIT_HOST:-127.0.0.1}:${CP_RABBIT_PORT:-5672}/}"
: "${CP_TEST_RABBITMQ_MANAGEMENT:=http://${CP_RABBIT_USER:-customerplatform}:${CP_RABBIT_PASSWORD:-customerplatform}@${CP_RABBIT_HOST:-127.0.0.1}:${CP_RABBIT_MANAGEMENT_PORT:-15672}}"
export CP_TEST_POSTGRES CP_TEST_RABBITMQ CP_TEST_RABBITMQ_MANAGEMENT
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}" DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"

dotnet tool restore >/dev/null

mkdir -p "$RESULTS"
find "$RESULTS" -name '*.trx' -delete

FAULTS_PROJECT=tests/CustomerPlatform.Faults.Tests/CustomerPlatform.Faults.Tests.csproj
filter=""
passthrough=()
while (($#)); do
  case "$1" in
    --filter) filter="${2:-}"; shift 2 || shift ;;
    --filter=*) filter="${1#--filter=}"; shift ;;
    *) passthrough+=("$1"); shift ;;
  esac
done
main_filter="Category!=Faults"
[[ -z "$filter" ]] || main_filter="($filter)&Category!=Faults"
faults_filter=()
[[ -z "$filter" ]] || faults_filter=(--filter "$filter")

# The trx logger's default file names, not LogFileName: with a fixed name every test assembly of the
# solution writes the same file and only the last one survives (microsoft/vstest#3026); LogFilePrefix
# has one-second stamps, which assemblies finishing together share. Default names get a [n] suffix.
status=0
dotnet test CustomerPlatform.Ci.slnf -c Release --logger trx --results-directory "$RESULTS" \
  --filter "$main_filter" ${passthrough[@]+"${passthrough[@]}"} || status=$?
# Built here, not by the first run: a solution-wide dotnet test skips a project that is not a test project then.
faults_status=0
dotnet test "$FAULTS_PROJECT" -c Release -p:RunFaultTests=true --logger trx --results-directory "$RESULTS" \
  ${faults_filter[@]+"${faults_filter[@]}"} ${passthrough[@]+"${passthrough[@]}"} || faults_status=$?
((status != 0)) || status=$faults_status

summary=$(python3 - "$RESULTS" <<'PY'
import pathlib
import sys
import xml.etree.ElementTree as ET

ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = files = 0
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    files += 1
    try:
        root = ET.parse(trx).getroot()
    except ET.ParseError as error:
        print(f"test.sh: unreadable {trx.name}: {error}", file=sys.stderr)
        failed += 1
        continue
    for result in root.iterfind("t:Results/t:UnitTestResult", ns):
        outcome = result.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            skipped += 1
        else:
            failed += 1
print(passed, failed, skipped, files)
PY
)
read -r passed failed skipped files <<<"$summary"

if ((passed + failed == 0)); then
  echo "test.sh: no test ran (dotnet test exit code $status, $files result files)" >&2
  ((status != 0)) || status=1
elif ((failed > 0 && status == 0)); then
  status=1
elif ((status != 0 && failed == 0)); then
  echo "test.sh: dotnet test failed (exit code $status) with no failed test in the results: a build error or a test host that crashed" >&2
fi

line="$passed passed, $failed failed"
((skipped == 0)) || line+=", $skipped skipped"
echo "$line"
exit "$status"
