#!/usr/bin/env bash
# `cpack -G DEB` on the build tree makes a package that installs the binary, the systemd unit,
# the default configuration (a conffile), the SQL, the report definitions, the alert rules
# and the dashboard; depends on the libraries it links; creates its service account.
set -u
build=${1:?usage: deb_test.sh BUILD_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checks=0
failures=0
check() {
  checks=$((checks + 1))
  if "${@:2}"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
check "cpack -G DEB builds the package" \
  bash -c "cpack --config '$build/CPackConfig.cmake' -G DEB -B '$work' >'$work/cpack.log' 2>&1"
deb=$(ls "$work"/genims-cdc_*.deb 2>/dev/null | head -1)
check "a .deb was written (${deb##*/})" test -n "$deb"
if [ -n "$deb" ]; then
  dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' >"$work/contents"
  for path in /usr/bin/genims-cdc /lib/systemd/system/genims-cdc.service \
    /etc/genims-cdc/genims-cdc.env /usr/share/genims-cdc/sql/audit/genims_audit_db.sql \
    /usr/share/genims-cdc/sql/audit/grants.sql /usr/share/genims-cdc/reporting/views.sql \
    /usr/share/genims-cdc/reporting/reports/oee_summary_daily.report \
    /usr/share/genims-cdc/prometheus/genims-cdc.rules.yml \
    /usr/share/genims-cdc/grafana/genims-cdc.json /usr/share/doc/genims-cdc/README.md; do
    check "contains $path" grep -qx "$path" "$work/contents"
  done
  check "all 35 report definitions" test "$(grep -c '/reporting/reports/.*\.report$' "$work/contents")" -eq 35
  dpkg-deb -f "$deb" Depends >"$work/depends"
  for library in libpq5 libmariadb3 libabsl20220623 libprometheus-cpp-core libssl3 adduser; do
    check "depends on $library" grep -q "$library" "$work/depends"
  done
  dpkg-deb -e "$deb" "$work/control"
  check "the configuration is a conffile" grep -qx /etc/genims-cdc/genims-cdc.env "$work/control/conffiles"
  check "postinst creates the genims-cdc account" grep -q "adduser --system" "$work/control/postinst"
  dpkg-deb -x "$deb" "$work/root"
  check "the packaged binary runs" "$work/root/usr/bin/genims-cdc" --version
  if command -v systemd-analyze >/dev/null; then
    check "the unit passes systemd-analyze verify" bash -c \
      "systemd-analyze verify '$work/root/lib/systemd/system/genims-cdc.service' 2>&1 |
       grep -v -e 'genims-cdc.env' -e '/usr/bin/genims-cdc' -e 'Failed to' -e '^$' | (! grep .)"
  fi
  check "the unit is hardened" bash -c "grep -q '^NoNewPrivileges=true' '$work/root/lib/systemd/system/genims-cdc.service' &&
    grep -q '^ProtectSystem=strict' '$work/root/lib/systemd/system/genims-cdc.service' &&
    grep -q '^User=genims-cdc' '$work/root/lib/systemd/system/genims-cdc.service' &&
    grep -q '^Restart=on-failure' '$work/root/lib/systemd/system/genims-cdc.service'"
fi
echo "deb_test.sh: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
