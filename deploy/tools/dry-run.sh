#!/usr/bin/env bash
# Starts etcd and a real kube-apiserver on loopback, applies CRDs, runs `kubectl apply --dry-run=server`
# on every file given (and on each workload's pod template as a bare Pod, which is where some rules
# bite, e.g. topologySpreadConstraints on 1.34), then tears everything down. Exits non-zero on any refusal.
# Copied from the team's k8s-tools; deploy/validate.sh drives it.
# Usage: deploy/tools/dry-run.sh rendered.yaml [more.yaml...]
# env: BIN (from build-k8s-tools.sh; built if unset), CRDS (file or folder of CRDs, see vendor-dir.sh),
#      NAMESPACES (default: every metadata.namespace in the files), APORT/EPORT/PPORT (16443/23790/23800),
#      APISERVER_EXTRA_FLAGS, KEEP=1 (keep the work folder).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${BIN:-$("$HERE/build-k8s-tools.sh")} || exit 2
W=$(mktemp -d -t k8s-dry-run.XXXXXX)
EPORT=${EPORT:-23790}; PPORT=${PPORT:-23800}; APORT=${APORT:-16443}
cleanup() {
  [ -n "${APID:-}" ] && kill "$APID" 2>/dev/null && wait "$APID" 2>/dev/null   # apiserver before etcd
  [ -n "${EPID:-}" ] && kill "$EPID" 2>/dev/null && wait "$EPID" 2>/dev/null
  [ -z "${KEEP:-}" ] && rm -rf "$W"
}
trap cleanup EXIT
"$BIN/etcd" --name ci --data-dir "$W/etcd" \
  --listen-client-urls "http://127.0.0.1:$EPORT" --advertise-client-urls "http://127.0.0.1:$EPORT" \
  --listen-peer-urls "http://127.0.0.1:$PPORT" --initial-advertise-peer-urls "http://127.0.0.1:$PPORT" \
  --initial-cluster "ci=http://127.0.0.1:$PPORT" --log-level error >"$W/etcd.log" 2>&1 & EPID=$!
openssl genrsa -out "$W/sa.key" 2048 2>/dev/null; openssl rsa -in "$W/sa.key" -pubout -out "$W/sa.pub" 2>/dev/null
TOKEN=$(openssl rand -hex 16); echo "$TOKEN,ci-admin,ci-admin,system:masters" > "$W/tokens.csv"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$EPORT/health" >/dev/null && break; sleep 0.1; done
# No controller-manager runs, so there is no default ServiceAccount: that admission plugin is off.
"$BIN/kube-apiserver" --etcd-servers="http://127.0.0.1:$EPORT" \
  --bind-address=127.0.0.1 --secure-port="$APORT" --cert-dir="$W/certs" \
  --service-account-issuer=https://kubernetes.default.svc.cluster.local \
  --service-account-key-file="$W/sa.pub" --service-account-signing-key-file="$W/sa.key" \
  --authorization-mode=AlwaysAllow --token-auth-file="$W/tokens.csv" --anonymous-auth=false \
  --service-cluster-ip-range=10.96.0.0/16 --advertise-address=127.0.0.1 \
  --disable-admission-plugins=ServiceAccount ${APISERVER_EXTRA_FLAGS:-} >"$W/apiserver.log" 2>&1 & APID=$!
cat >"$W/kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters: [{name: ci, cluster: {server: "https://127.0.0.1:$APORT", insecure-skip-tls-verify: true}}]
users: [{name: ci, user: {token: "$TOKEN"}}]
contexts: [{name: ci, context: {cluster: ci, user: ci}}]
current-context: ci
KC
export KUBECONFIG="$W/kubeconfig"
for _ in $(seq 600); do
  [ "$(curl -sk -H "Authorization: Bearer $TOKEN" "https://127.0.0.1:$APORT/readyz" -o /dev/null -w '%{http_code}')" = 200 ] && break
  kill -0 "$APID" 2>/dev/null || { echo "kube-apiserver died:"; tail -30 "$W/apiserver.log"; exit 2; }
  sleep 0.1
done
K="$BIN/kubectl"
NAMESPACES=${NAMESPACES:-$(grep -h "^  namespace:" "$@" 2>/dev/null | awk '{print $2}' | tr -d '"' | sort -u | grep -vx default)}
for ns in $NAMESPACES; do $K create namespace "$ns" >/dev/null; done
if [ -n "${CRDS:-}" ]; then
  $K apply --server-side -R -f "$CRDS" >/dev/null && $K wait --for condition=established --timeout=60s crd --all >/dev/null || { echo "CRDs failed"; exit 2; }
fi
rc=0
for f in "$@"; do
  echo "=== kubectl apply --dry-run=server -f $f"
  $K apply --dry-run=server -f "$f" 2>&1 | sed 's/^/  /'; r=${PIPESTATUS[0]}; [ "$r" -ne 0 ] && rc=$r
  if $K create --dry-run=client -o json -f "$f" 2>/dev/null | python3 "$HERE/pods-from-workloads.py" > "$W/pods.json"; then
    echo "=== the same file's pod templates as Pods"
    $K apply --dry-run=server -f "$W/pods.json" 2>&1 | sed 's/^/  /'; r=${PIPESTATUS[0]}; [ "$r" -ne 0 ] && rc=$r
  fi
done
exit "$rc"
