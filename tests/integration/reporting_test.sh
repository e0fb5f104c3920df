#!/usr/bin/env bash
# The reporting aggregator end to end: `setup` loads the 35 tables from snapshots consistent
# with the slots; the workload then runs over the 13 databases (inserts, updates, deletes)
# with scripted cases on top: an update that moves a row to another group, a dimension
# attribute change (a product's category), a TRUNCATE of a fact table, a transaction rolled
# back; with kill -9 of the connector and a MariaDB restart in the middle. At a quiescent
# point `verify reporting` must find zero differences from a full recompute on every table.
# Then `setup --rebuild-reporting` under the running daemon loads the tables again, and they
# are still equal.
source "$(dirname "$0")/lib.sh"
: "${GENIMS_BUILD_DIR:?the test fixture sets GENIMS_BUILD_DIR}"
cdc="$GENIMS_BUILD_DIR/connector/genims-cdc"
stack="$GENIMS_ROOT/deploy/local-stack"
work=$(mktemp -d)
export CDC_STATE_DIR="$work/state" DATA_SYNC_RETRY_DELAY=1 CDC_HEARTBEAT_INTERVAL=1
export MYSQL_AUDIT_HOST=  # the reporting sink alone (integration.audit_* have the other)
export PGOPTIONS="-c client_min_messages=warning"
metrics_port=$(( ${CDC_METRICS_LISTEN##*:} + 303 ))
export CDC_METRICS_LISTEN="127.0.0.1:$metrics_port"
daemon_pid=""
cleanup() {
  [ -z "$daemon_pid" ] || { kill -9 "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null; }
  "$stack" start-mariadb >/dev/null 2>&1
  "$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1
  if [ -n "${REPORTING_TEST_KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
"$cdc" --env-file "$STACK_ENV" slots drop --all >/dev/null 2>&1

start_daemon() {
  "$cdc" --env-file "$STACK_ENV" run 2>>"$work/daemon.log" &
  daemon_pid=$!
}
metric() { curl -s "http://127.0.0.1:$metrics_port/metrics" | awk -v m="$1" '$1 == m {print $2}'; }
rdb() { mysql_admin --database=genims_reporting_db "$@"; }
# Polls verify reporting until it finds no difference (the sink catching up) or time is up.
verify_until_equal() {
  local i
  for i in $(seq 1 "${1:-60}"); do
    "$cdc" --env-file "$STACK_ENV" verify reporting >"$work/verify.txt" 2>&1 && return 0
    sleep 1
  done
  return 1
}

check "setup loads the reporting tables" bash -c "'$cdc' --env-file '$STACK_ENV' setup >'$work/setup.txt' 2>&1"
check "setup says 35 tables" grep -q "35 active report tables in place" "$work/setup.txt"
check "setup loaded them from snapshots" grep -q "reporting load: 35 tables from" "$work/setup.txt"
check "the loaded tables equal a recompute" \
  bash -c "'$cdc' --env-file '$STACK_ENV' verify reporting >'$work/verify-load.txt' 2>&1"
check "product_sales has rows" test "$(rdb -e 'SELECT COUNT(*) FROM product_sales')" -gt 0

start_daemon
"$GENIMS_ROOT/deploy/workload" --env-file "$STACK_ENV" --seconds 30 --rate 60 --seed 41 \
  >"$work/workload.log" 2>&1 &
workload_pid=$!

# A dimension attribute change: the product with the most order lines changes category.
product=$(pg genims_erp_db "SELECT product_id FROM sales_order_lines GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
old_category=$(pg genims_master_db "SELECT category_id FROM products WHERE product_id = $product")
new_category=$(pg genims_master_db "SELECT min(category_id) FROM product_categories WHERE category_id <> $old_category")
check "product $product moves from category $old_category to $new_category" \
  pg genims_master_db "UPDATE products SET category_id = $new_category WHERE product_id = $product"
sleep 4
kill -9 "$daemon_pid"; wait "$daemon_pid" 2>/dev/null
start_daemon
# An update that moves rows between groups: orders to another factory (and back a few later).
order=$(pg genims_erp_db "SELECT sales_order_id FROM sales_orders WHERE status <> 'cancelled' ORDER BY sales_order_id LIMIT 1")
check "sales order $order moves to another factory" pg genims_erp_db \
  "UPDATE sales_orders SET factory_id = (SELECT min(factory_id) FROM sales_orders WHERE factory_id <> (SELECT factory_id FROM sales_orders WHERE sales_order_id = $order)) WHERE sales_order_id = $order"
check "MariaDB restarts under the connector" "$stack" restart-mariadb
# A rolled-back transaction changes nothing.
pg genims_erp_db "BEGIN; UPDATE sales_order_lines SET quantity = quantity * 1000; ROLLBACK" >/dev/null
sleep 4
kill -9 "$daemon_pid"; wait "$daemon_pid" 2>/dev/null
start_daemon
wait "$workload_pid"
check_eq "the workload ran without failed transactions" 0 $?
grep "transactions in" "$work/workload.log"
# TRUNCATE of a fact table (service_revenue_daily's source), once the workload is done.
check "service_revenue_daily has rows before the TRUNCATE" \
  test "$(rdb -e 'SELECT COUNT(*) FROM service_revenue_daily')" -gt 0
check "TRUNCATE service_charges" pg genims_service_db "TRUNCATE service_charges"

check "after kill -9, a MariaDB restart and the workload: zero differences on all tables" verify_until_equal 90
sed 's/^/  /' "$work/verify.txt" | grep -v "equal to the recompute"
check_eq "service_revenue_daily is empty after the TRUNCATE" 0 \
  "$(rdb -e 'SELECT COUNT(*) FROM service_revenue_daily')"
check_eq "product $product's sales are all under its new category" 0 \
  "$(rdb -e "SELECT COUNT(*) FROM product_sales WHERE product_id = $product AND category_id <> $new_category")"
check "product $product has sales rows" test \
  "$(rdb -e "SELECT COUNT(*) FROM product_sales WHERE product_id = $product")" -gt 0
rows=$(metric 'genims_cdc_sink_rows_total{sink="reporting"}')
check "the sink applied row changes (${rows:-none})" test "${rows%.*}" -gt 100
check_eq "genims_cdc_sink_healthy{sink=\"reporting\"} is 1" 1 "$(metric 'genims_cdc_sink_healthy{sink="reporting"}')"

# Rebuild under the running daemon: it loads again and the tables stay equal.
loads_before=$(metric 'genims_cdc_reporting_loads_total{sink="reporting"}')
check "setup --rebuild-reporting under the running daemon" \
  bash -c "'$cdc' --env-file '$STACK_ENV' setup --rebuild-reporting >'$work/rebuild.txt' 2>&1"
for _ in $(seq 1 60); do
  [ "$(metric 'genims_cdc_reporting_loads_total{sink="reporting"}')" != "$loads_before" ] && break
  sleep 0.5
done
check "the daemon loaded the tables again" test \
  "$(metric 'genims_cdc_reporting_loads_total{sink="reporting"}')" != "$loads_before"
check "after the rebuild: zero differences" verify_until_equal 30
kill -TERM "$daemon_pid"
wait "$daemon_pid"
check_eq "SIGTERM: exit 0" 0 $?
daemon_pid=""
check "no data loss or gap in the log" bash -c "! grep -Eq 'gap|data loss|out of sequence' '$work/daemon.log'"
finish
