#!/usr/bin/env bash
# A throwaway OpenLDAP (Debian's slapd) for the LDAP sign-in tests (issue 7 item 1), like pg15.sh.
#   eval "$(bash scripts/slapd.sh start)"   # prints `export LDAP_TEST_URL=… LDAPS_TEST_URL=… LDAP_TEST_CA=… SLAPD_DIR=…`
#   bash scripts/slapd.sh stop              # stops it and removes the folder (uses $SLAPD_DIR)
# Installs slapd and ldap-utils with apt-get when they are missing (needs root). The directory is
# test/ldap/directory.ldif under dc=jobcenter,dc=test; the root DN is cn=admin,dc=jobcenter,dc=test
# with the password slapd-root-test (the tests change groups with it). Only the root DN and the
# service account may read entries; everybody may bind (ACL below), as in the Jobcenter's AD.
# TLS as in production: a throwaway CA signs a certificate for 127.0.0.1, slapd offers StartTLS on
# the ldap:// port and TLS from the first byte on the ldaps:// port; LDAP_TEST_CA is the CA's PEM.
set -euo pipefail
SLAPD=/usr/sbin/slapd
ROOT=$(cd "$(dirname "$0")/.." && pwd)

case "${1:-}" in
  start)
    if [ ! -x "$SLAPD" ] || ! command -v ldapsearch >/dev/null || ! command -v openssl >/dev/null; then
      if [ "$(id -u)" != 0 ]; then echo "slapd.sh: slapd fehlt und ohne root kann ich es nicht installieren." >&2; exit 1; fi
      echo "slapd.sh: installiere slapd, ldap-utils und openssl …" >&2
      apt-get update >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slapd ldap-utils openssl >&2
    fi
    dir=$(mktemp -d /tmp/slapd.XXXXXX)
    mkdir "$dir/slapd.d" "$dir/data"
    # Two free ports (ldap://, ldaps://): ask the kernel while both are held, then hand them to slapd.
    read -r port tlsport < <(node -e 'const net=require("net");const a=net.createServer().listen(0,"127.0.0.1",()=>{const b=net.createServer().listen(0,"127.0.0.1",()=>{console.log(a.address().port,b.address().port);a.close();b.close()})})')
    { openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
        -subj "/CN=Anlaufstelle Test-CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" \
      && openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
        -subj "/CN=localhost" -keyout "$dir/server.key" -out "$dir/server.csr" \
      && printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$dir/san.ext" \
      && openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial \
        -days 2 -extfile "$dir/san.ext" -out "$dir/server.pem"; } >"$dir/openssl.log" 2>&1 \
      || { cat "$dir/openssl.log" >&2; rm -rf "$dir"; exit 1; }
    # cn=config for one mdb database. The ACL: userPassword may only be used to bind (anonymous
    # auth), entries are readable by the service account alone; the root DN bypasses ACLs anyway.
    cat >"$dir/config.ldif" <<LDIF
dn: cn=config
objectClass: olcGlobal
cn: config
olcTLSCACertificateFile: $dir/ca.pem
olcTLSCertificateFile: $dir/server.pem
olcTLSCertificateKeyFile: $dir/server.key

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: back_mdb

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file:///etc/ldap/schema/core.ldif
include: file:///etc/ldap/schema/cosine.ldif
include: file:///etc/ldap/schema/inetorgperson.ldif

dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcSizeLimit: 500

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: dc=jobcenter,dc=test
olcRootDN: cn=admin,dc=jobcenter,dc=test
olcRootPW: slapd-root-test
olcDbDirectory: $dir/data
olcDbMaxSize: 67108864
olcDbNoSync: TRUE
olcDbIndex: objectClass eq
olcDbIndex: uid eq
olcDbIndex: member eq
olcAccess: {0}to attrs=userPassword by anonymous auth by * none
olcAccess: {1}to * by dn.exact="cn=anlaufstelle-svc,ou=service,dc=jobcenter,dc=test" read by * none
LDIF
    { slapadd -n0 -F "$dir/slapd.d" -l "$dir/config.ldif" \
        && slapadd -n1 -F "$dir/slapd.d" -l "$ROOT/test/ldap/directory.ldif"; } >"$dir/slapadd.log" 2>&1 \
      || { cat "$dir/slapadd.log" >&2; rm -rf "$dir"; exit 1; }
    # Foreground (-d 0) in the background, so its complaints land in slapd.log rather than in a syslog
    # this machine may not have; stdout is not ours, or `eval "$(…)"` would wait for slapd to end.
    "$SLAPD" -d 0 -h "ldap://127.0.0.1:$port/ ldaps://127.0.0.1:$tlsport/" -F "$dir/slapd.d" </dev/null >"$dir/slapd.log" 2>&1 &
    echo $! >"$dir/slapd.pid"
    for _ in $(seq 1 100); do
      if ldapsearch -x -LLL -H "ldap://127.0.0.1:$port" -s base -b "" 1.1 >/dev/null 2>&1; then
        echo "export LDAP_TEST_URL=ldap://127.0.0.1:$port LDAPS_TEST_URL=ldaps://127.0.0.1:$tlsport LDAP_TEST_CA=$dir/ca.pem SLAPD_DIR=$dir"
        exit 0
      fi
      kill -0 "$(cat "$dir/slapd.pid")" 2>/dev/null || break
      sleep 0.1
    done
    echo "slapd.sh: slapd antwortet nicht." >&2
    cat "$dir/slapd.log" >&2
    kill "$(cat "$dir/slapd.pid")" 2>/dev/null || true
    rm -rf "$dir"
    exit 1
    ;;
  stop)
    dir=${2:-${SLAPD_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir" ] || { echo "slapd.sh stop: kein SLAPD_DIR" >&2; exit 0; }
    if [ -f "$dir/slapd.pid" ]; then
      pid=$(cat "$dir/slapd.pid")
      kill "$pid" 2>/dev/null || true
      # Wait until it is gone, so the folder is not removed under a running slapd.
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
