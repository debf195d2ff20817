#!/usr/bin/env bash
# NPS by branch for a quarter over 1,000,000 survey responses of one business (the Feedback scores report's query),
# on a scratch database built from the real migrations. A scratch-database measurement like segments-count.sql, not
# part of run.sh. Prints each query's latency beside a primary-key read of one response measured in the same run.
#   bench/feedback-scores.sh            1,000,000 responses (+100,000 of another business), 15 s per query
#   bench/feedback-scores.sh --quick    200,000 responses, 5 s per query: a smoke run, not figures to quote
# Needs a Debug build of src/Feedback (dotnet ef migrations script --no-build) and PostgreSQL from eng/infra.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=1000000
OTHER=100000
SECONDS_PER_QUERY=15
if [[ "${1:-}" == "--quick" ]]; then ROWS=200000; OTHER=20000; SECONDS_PER_QUERY=5; fi

export PGHOST="${CP_PG_HOST:-127.0.0.1}" PGPORT="${CP_PG_PORT:-5432}" PGUSER="${CP_PG_USER:-customerplatform}" PGPASSWORD="${CP_PG_PASSWORD:-customerplatform}"
DB="feedback_scores_bench_$$"
WORK="$(mktemp -d)"
cleanup() { psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet ef migrations script --project src/Feedback --no-build --configuration Debug -o "$WORK/schema.sql" >/dev/null
psql -X -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$WORK/schema.sql" >/dev/null

TENANT=11111111-1111-1111-1111-111111111111
# The survey_versions foreign key is dropped: the bench measures reads, and seeding versions adds nothing to them.
seed_start=$(date +%s.%N)
psql -X -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
ALTER TABLE survey_responses DROP CONSTRAINT fk_survey_responses_survey_versions_tenant_id_survey_id_survey;
-- Two years of answers over 20 branches and 5 surveys; every response answers NPS, CSAT and CES. The rollup
-- trigger runs once for this statement, as it would for an import.
INSERT INTO survey_responses (id, tenant_id, survey_id, survey_version, customer_id, branch, channel, language, answers, nps, csat, ces, answered_at, recorded_at)
SELECT gen_random_uuid(), '$TENANT', ('00000000-0000-0000-0000-00000000000' || abs(hashint4(i + 1) % 5))::uuid, 1, gen_random_uuid(),
       'BR-' || abs(hashint4(i) % 20), 'Web', 'en-GB', '[]', i % 11, 1 + i % 5, 1 + i % 7,
       now() - (i % 730) * interval '1 day' - (i % 86400) * interval '1 second', now()
FROM generate_series(1, $ROWS) i;
INSERT INTO survey_responses (id, tenant_id, survey_id, survey_version, customer_id, branch, channel, language, answers, nps, csat, ces, answered_at, recorded_at)
SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 1, NULL, 'BR-' || (i % 20), 'Web', 'en-GB', '[]', i % 11, NULL, NULL,
       now() - (i % 730) * interval '1 day', now()
FROM generate_series(1, $OTHER) i;
ANALYZE survey_responses;
ANALYZE survey_score_days;
SQL
seed_end=$(date +%s.%N)

# The last full quarter, compared with the one before: what GET /reports/scores?period=quarter&by=branch reads.
FIRST=$(psql -X -A -t -d "$DB" -c "SELECT (date_trunc('quarter', now()) - interval '3 months')::date")
START=$(psql -X -A -t -d "$DB" -c "SELECT ('$FIRST'::date - interval '3 months')::date")
END=$(psql -X -A -t -d "$DB" -c "SELECT ('$FIRST'::date + interval '3 months')::date")
ID=$(psql -X -A -t -d "$DB" -c "SELECT id FROM survey_responses WHERE tenant_id = '$TENANT' LIMIT 1 OFFSET 12345")

cat > "$WORK/by-id.sql" <<SQL
SELECT * FROM survey_responses WHERE tenant_id = '$TENANT' AND id = '$ID';
SQL
# The endpoint's statements (ScoresReport.ReadScoresAsync and ReadInvitationsAsync, by branch), parameters inlined.
cat > "$WORK/rollup.sql" <<SQL
SELECT date_trunc('quarter', day::timestamp)::date, branch, NULL::text,
       sum(responses)::bigint, sum(promoters)::bigint, sum(passives)::bigint, sum(detractors)::bigint,
       sum(csat_answers)::bigint, sum(csat_satisfied)::bigint, sum(csat_sum)::bigint, sum(ces_answers)::bigint, sum(ces_sum)::bigint
FROM survey_score_days
WHERE tenant_id = '$TENANT' AND day >= '$START' AND day < '$END'
GROUP BY 1, 2;
SELECT date_trunc('quarter', i.created_at AT TIME ZONE 'UTC')::date, i.branch, count(*)
FROM survey_invitations i
WHERE i.tenant_id = '$TENANT' AND i.created_at >= '$START' AND i.created_at < '$END'
GROUP BY 1, 2;
SQL
# The same figures straight from the responses: what the report would cost without the rollup.
cat > "$WORK/raw.sql" <<SQL
SELECT date_trunc('quarter', answered_at AT TIME ZONE 'UTC')::date, branch, count(*),
       count(*) FILTER (WHERE nps >= 9), count(*) FILTER (WHERE nps BETWEEN 7 AND 8), count(*) FILTER (WHERE nps <= 6),
       count(csat), count(*) FILTER (WHERE csat >= 4), sum(csat), count(ces), sum(ces)
FROM survey_responses
WHERE tenant_id = '$TENANT' AND answered_at >= '$START' AND answered_at < '$END'
GROUP BY 1, 2;
SQL

measure() { # file → "avg_ms tps"
  pgbench -n -c 1 -T "$SECONDS_PER_QUERY" -f "$1" "$DB" 2>/dev/null |
    awk '/latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%s %s", lat, tps}'
}
pgbench -n -c 1 -T 3 -f "$WORK/rollup.sql" "$DB" >/dev/null 2>&1 # warm-up
read -r base_ms base_tps <<<"$(measure "$WORK/by-id.sql")"
read -r rollup_ms rollup_tps <<<"$(measure "$WORK/rollup.sql")"
read -r raw_ms raw_tps <<<"$(measure "$WORK/raw.sql")"
rollup_rows=$(psql -X -A -t -d "$DB" -c "SELECT count(*) FROM survey_score_days WHERE tenant_id = '$TENANT' AND day >= '$START' AND day < '$END'")

echo
echo "$ROWS responses of one business (+$OTHER of others); seeded with the rollup trigger in $(awk "BEGIN {printf \"%.1f\", $seed_end - $seed_start}") s; quarter $FIRST (and the one before), $rollup_rows rollup rows read"
echo
echo "| query | 1 conn, closed loop | avg ms | /s | baseline (same run) | avg ms | ratio |"
echo "|---|---|--:|--:|---|--:|---|"
printf "| NPS/CSAT/CES by branch, quarter vs previous, rollup (the endpoint) | %s s | %s | %.0f | response by id | %s | %.1f× |\n" "$SECONDS_PER_QUERY" "$rollup_ms" "$rollup_tps" "$base_ms" "$(awk "BEGIN {print $rollup_ms / $base_ms}")"
printf "| same figures from survey_responses (no rollup) | %s s | %s | %.0f | response by id | %s | %.1f× |\n" "$SECONDS_PER_QUERY" "$raw_ms" "$raw_tps" "$base_ms" "$(awk "BEGIN {print $raw_ms / $base_ms}")"
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
