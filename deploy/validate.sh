#!/usr/bin/env bash
# Validates the deployment with the real tools, as a cluster would see it (run by deploy/test and CI):
#   1. renders every Kustomize overlay with `kubectl kustomize` (kubectl v1.34.4 built from source);
#   2. renders the upstream Temporal chart 1.6.0 with deploy/temporal/values.yaml (`helm template`);
#   3. starts etcd + a real kube-apiserver on loopback, applies the CloudNativePG and Prometheus
#      Operator CRDs, and runs `kubectl apply --dry-run=server` on everything rendered, plus each
#      workload's pod template as a bare Pod (some rules are only checked when a Pod is created);
#   4. lints the Dockerfile with hadolint.
# Exits non-zero on any refusal. Tools are built once per machine (deploy/tools/build-k8s-tools.sh).
# env: OUT (folder for the rendered files; a temporary one by default), APORT/EPORT/PPORT (loopback
#      ports of kube-apiserver and etcd), ELAR_VENDOR_DIR (see deploy/tools/vendor-dir.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/.." && pwd)
TOOLS=$HERE/tools
OUT=${OUT:-$(mktemp -d -t elar-deploy-validate.XXXXXX)}; mkdir -p "$OUT"
TEMPORAL_CHART_VERSION=1.6.0

BIN=$("$TOOLS/build-k8s-tools.sh"); export BIN
VENDOR=$("$TOOLS/vendor-dir.sh")

echo "=== rendering into $OUT"
for overlay in dev prod dev/migrations prod/migrations; do
  "$BIN/kubectl" kustomize "$HERE/k8s/overlays/$overlay" > "$OUT/overlay-${overlay//\//-}.yaml"
  echo "  overlays/$overlay: $(grep -c '^kind:' "$OUT/overlay-${overlay//\//-}.yaml") objects"
done
"$BIN/helm" template temporal "$VENDOR/helm/temporal-$TEMPORAL_CHART_VERSION.tgz" --namespace temporal \
  -f "$HERE/temporal/values.yaml" > "$OUT/temporal-chart.yaml"
echo "  temporal chart $TEMPORAL_CHART_VERSION: $(grep -c '^kind:' "$OUT/temporal-chart.yaml") objects"
# Objects applied beside the chart and the overlays (the database clusters, the frontend's network policy).
# (and the restore example, so the documented procedure stays valid).
for f in "$HERE"/temporal/*.yaml "$HERE"/postgres/*.yaml "$HERE"/postgres/restore/*.yaml; do
  case $f in */values.yaml) continue;; esac
  cp "$f" "$OUT/$(basename "$(dirname "$f")")-$(basename "$f")"
done

echo "=== kubectl apply --dry-run=server against kube-apiserver $("$BIN/kube-apiserver" --version | awk '{print $2}')"
CRDS="$VENDOR/crds" NAMESPACES="elar elar-dev temporal" "$TOOLS/dry-run.sh" "$OUT"/*.yaml

echo "=== hadolint Dockerfile"
"$TOOLS/hadolint.sh" "$ROOT/Dockerfile"
echo "deploy/validate.sh: everything admitted"
