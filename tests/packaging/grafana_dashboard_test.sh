#!/usr/bin/env bash
# The Grafana dashboard (deploy/grafana/genims-cdc.json) is valid JSON, every panel has a
# query, and every metric it references is one genims-cdc exports (names as they appear in
# connector/capture_metrics.cc; histograms add _bucket, _sum and _count).
set -u
root="$(cd "$(dirname "$0")/../.." && pwd)"
dashboard="$root/deploy/grafana/genims-cdc.json"
checks=0
failures=0
check() {
  checks=$((checks + 1))
  if "${@:2}"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
check "the dashboard is valid JSON" jq -e . "$dashboard" >/dev/null
panels=$(jq '.panels | length' "$dashboard")
check "it has panels ($panels)" test "$panels" -ge 8
check "every panel has a query" test "$(jq '[.panels[] | select((.targets | length) == 0)] | length' "$dashboard")" = 0
exported=$(grep -ho '"genims_cdc_[a-z_]*"' "$root"/connector/*.cc | tr -d '"' | sort -u)
used=$(jq -r '.panels[].targets[].expr' "$dashboard" | grep -o 'genims_cdc_[a-z_]*' |
  sed -E 's/_(bucket|sum|count)$//' | sort -u)
check "it references metrics ($(echo "$used" | wc -l))" test -n "$used"
for metric in $used; do
  check "$metric is exported" grep -qx "$metric" <<<"$exported"
done
echo "grafana_dashboard_test.sh: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
