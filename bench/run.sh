#!/usr/bin/env bash
# Benchmarks the platform on this machine and prints a table of throughput and p50/p95/p99 latency per
# scenario beside a baseline measured in the same run (see bench/README.md). Builds the bench and the five
# apps in Release, makes sure PostgreSQL and RabbitMQ run (eng/infra.sh up), then runs the bench, which
# starts the apps itself on private databases and a private vhost and removes them afterwards.
#
#   bench/run.sh [--no-build] [--quick] [--pipeline] [--search] [--import] [--page] [--loyalty] [--standards] [--probe]
#
# --quick shortens every measuring window (a smoke run; its figures are not for the README).
# --pipeline runs only the purchase scenarios (2 and 3), for iterating on the pipeline.
# --search runs only the customer search over a million customers (4).
# --import runs only the CSV import of 100,000 rows against raw binary COPY.
# --page runs only the public survey page against the gateway's GET customer (5).
# --loyalty runs only the highest purchases->points rate with zero loss (6) and webhook deliveries per second (7).
# --standards runs only closing a month of 50 branches (1,000,000 responses, 100,000 complaints) and the live
# scorecard of one branch (8).
# --probe prints, once a second during the closed-loop purchase run, where purchases wait (outboxes, queues,
# rollbacks, lock waits): see bench/README.md.
# Takes about five minutes; run it on a machine as quiet as you can get.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

build=1
bench_args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --quick | --probe | --pipeline | --search | --import | --page | --loyalty | --standards) bench_args+=("$arg") ;;
    -h | --help) sed -n '2,19s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) printf "bench: error: unknown argument '%s'\n" "$arg" >&2; exit 2 ;;
  esac
done

"$ROOT/eng/infra.sh" up

if ((build)); then
  printf 'bench: building (Release)\n'
  # The bench's project references build the five apps too.
  dotnet build bench/CustomerPlatform.Bench -c Release -nologo -v quiet
fi

exec dotnet bench/CustomerPlatform.Bench/bin/Release/net10.0/CustomerPlatform.Bench.dll "${bench_args[@]}"
