#!/usr/bin/env bash
# Builds (once per machine, then cached) a real kube-apiserver and kubectl from the Go module
# k8s.io/kubernetes, etcd from Debian's etcd-server package (unpacked, not installed) and helm from
# helm.sh/helm/v3, and prints the folder that holds them. Copied from the team's k8s-tools (a lock
# and a Go check added), so a clean clone of the project can build them itself.
# Usage: BIN=$(deploy/tools/build-k8s-tools.sh)   env: K8S_VERSION (v1.34.4), HELM_VERSION (v3.22.0),
#        ELAR_K8S_TOOLS (cache root, default ~/.cache/elar-k8s-tools), OFFLINE=1 (modules from the cache only)
# Needs: Go >= 1.24 (PATH or /usr/local/go/bin), apt-get (for etcd-server), network to the Go module
# proxy and Debian's mirror when cold. Cold: about 7 minutes on 2 cores; warm: well under a second.
set -euo pipefail
K8S_VERSION=${K8S_VERSION:-v1.34.4}; HELM_VERSION=${HELM_VERSION:-v3.22.0}
ROOT=${ELAR_K8S_TOOLS:-$HOME/.cache/elar-k8s-tools}; BIN=$ROOT/bin-$K8S_VERSION
log() { echo "k8s-tools: $*" >&2; }
if [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/kubectl" ] && [ -x "$BIN/etcd" ] && [ -x "$BIN/helm" ]; then echo "$BIN"; exit 0; fi

mkdir -p "$BIN" "$ROOT/debs"
# One build at a time per machine (two test runs starting cold would otherwise race on the same folders).
exec 9>"$ROOT/.build.lock"; flock 9
command -v go >/dev/null 2>&1 || export PATH="$PATH:/usr/local/go/bin"
command -v go >/dev/null 2>&1 || { log "Go >= 1.24 is needed to build kube-apiserver, kubectl and helm (https://go.dev/doc/install)"; exit 2; }
export GOTOOLCHAIN=${GOTOOLCHAIN:-local} GOWORK=off GOFLAGS="-mod=mod -buildvcs=false"
[ -n "${OFFLINE:-}" ] && export GOPROXY="file://$(go env GOMODCACHE)/cache/download" GOSUMDB=off
mm=${K8S_VERSION#v}; MAJ=${mm%%.*}; MIN=${mm#*.}; MIN=${MIN%%.*}; STAGING=v0.${mm#*.}

# kube-apiserver + kubectl. The module zip has no staging/ folder, so `go install ...@version` fails
# on the ./staging replace directives: point each at the published k8s.io/<name> module instead.
if [ ! -x "$BIN/kube-apiserver" ] || [ ! -x "$BIN/kubectl" ]; then
  SRC=$ROOT/src-$K8S_VERSION
  if [ ! -f "$SRC/.patched" ]; then
    log "fetching k8s.io/kubernetes@$K8S_VERSION"
    MODDIR=$(go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
    rm -rf "$SRC"; cp -r "$MODDIR" "$SRC"; chmod -R u+w "$SRC"; rm -f "$SRC/go.work" "$SRC/go.work.sum"
    ( cd "$SRC" && for m in $(sed -n 's#^\t\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' go.mod); do
        go mod edit -dropreplace="$m" -replace="$m=$m@$STAGING"; done ) && touch "$SRC/.patched"
  fi
  LDF="-s -w -X k8s.io/component-base/version.gitVersion=$K8S_VERSION -X k8s.io/component-base/version.gitMajor=$MAJ \
-X k8s.io/component-base/version.gitMinor=$MIN -X k8s.io/component-base/version.gitTreeState=clean \
-X k8s.io/client-go/pkg/version.gitVersion=$K8S_VERSION"
  log "building kube-apiserver and kubectl $K8S_VERSION (minutes when cold)"
  ( cd "$SRC" && go build -ldflags "$LDF" -o "$BIN/kube-apiserver.tmp" ./cmd/kube-apiserver \
              && go build -ldflags "$LDF" -o "$BIN/kubectl.tmp" ./cmd/kubectl )
  mv "$BIN/kube-apiserver.tmp" "$BIN/kube-apiserver"; mv "$BIN/kubectl.tmp" "$BIN/kubectl"
fi
if [ ! -x "$BIN/etcd" ]; then
  log "unpacking Debian's etcd-server"
  ls "$ROOT"/debs/etcd-server_*.deb >/dev/null 2>&1 || ( cd "$ROOT/debs" && (apt-get download etcd-server >/dev/null 2>&1 || { apt-get update -qq && apt-get download etcd-server >/dev/null; }) )
  dpkg-deb -x "$(ls "$ROOT"/debs/etcd-server_*.deb | head -1)" "$ROOT/etcd-root"; cp "$ROOT/etcd-root/usr/bin/etcd" "$BIN/etcd.tmp"; mv "$BIN/etcd.tmp" "$BIN/etcd"
fi
if [ ! -x "$BIN/helm" ]; then
  log "building helm $HELM_VERSION"
  mkdir -p "$ROOT/helm-tmp"
  GOBIN=$ROOT/helm-tmp go install -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION \
-X helm.sh/helm/v3/pkg/chartutil.k8sVersionMajor=$MAJ -X helm.sh/helm/v3/pkg/chartutil.k8sVersionMinor=$MIN \
-X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMajor=$MAJ -X helm.sh/helm/v3/pkg/lint/rules.k8sVersionMinor=$MIN" \
    "helm.sh/helm/v3/cmd/helm@$HELM_VERSION"
  mv "$ROOT/helm-tmp/helm" "$BIN/helm"
fi
echo "$BIN"
