#!/usr/bin/env bash
# Generates what the suite must be given when it runs on a real MongoDB (compose, Kubernetes): per
# service the personal-data keys, identity-service's signing key, the services' client secret, and the
# Grafana and Keycloak admin passwords. Nothing here is committed (see .gitignore).
#
#   deploy/compose/generate-secrets.sh [DIR]     # DIR defaults to deploy/compose/secrets
#
# Writes DIR/common.env, DIR/<service>.env (one KEY=value a line, as docker compose's env_file and
# kubectl create secret generic --from-env-file read them) and, for compose, deploy/compose/.env.
# Refuses to overwrite: the personal-data keys of an existing store must never be regenerated (what
# they sealed would be lost); rotate them as docs/operations.md says instead.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-$here/secrets}"
command -v openssl >/dev/null || { echo "generate-secrets.sh: openssl is needed" >&2; exit 1; }
if [[ -e $dir/common.env ]]; then
  echo "generate-secrets.sh: $dir already holds secrets; not overwriting them" >&2
  exit 1
fi
umask 077
mkdir -p "$dir"

random() { openssl rand -base64 32 | tr -d '\n'; }
password() { openssl rand -base64 24 | tr -d '/+=\n'; }

printf 'FENGQIAO_SERVICE_CLIENT_SECRET=%s\n' "$(password)" >"$dir/common.env"

for service in identity-service grid-service mediation-service public-service overseas-service; do
  {
    # fengqiao.personal-data.*: AES-256 key k1 (active) and the HMAC key of the blind index
    printf 'FENGQIAO_PERSONALDATA_ACTIVEKEYID=k1\n'
    printf 'FENGQIAO_PERSONALDATA_KEYS_K1=%s\n' "$(random)"
    printf 'FENGQIAO_PERSONALDATA_BLINDINDEXKEY=%s\n' "$(random)"
  } >"$dir/$service.env"
done

# identity-service's token signing key: RSA 2048, PKCS#8 PEM on one line (the service ignores line breaks)
pem="$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null | tr -d '\n')"
printf 'FENGQIAO_IDENTITY_SIGNING_KEY_PEM=%s\n' "$pem" >>"$dir/identity-service.env"

if [[ $dir == "$here/secrets" && ! -e $here/.env ]]; then
  printf 'GRAFANA_ADMIN_PASSWORD=%s\nKEYCLOAK_ADMIN_PASSWORD=%s\n' "$(password)" "$(password)" >"$here/.env"
fi
echo "secrets written to $dir (owner-only); keep a copy in your secret store: losing the personal-data keys loses the data they protect"
