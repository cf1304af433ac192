#!/usr/bin/env bash
# Prints the folder holding the upstream Temporal chart (1.6.0) and the CloudNativePG and Prometheus
# Operator CRDs, after checking every file against vendor.sha256 (exactly the upstream files we
# validate against). The team keeps them outside the repository, in `shared/vendor` next to the main
# checkout, and asks that they not be copied in. Looked for, in order:
#   $ELAR_VENDOR_DIR; <checkout>/../shared/vendor; <main checkout of a git worktree>/../shared/vendor;
#   <origin, when it is a local path (a CI clone)>/../shared/vendor.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
candidates=("${ELAR_VENDOR_DIR:-}" "$REPO/../shared/vendor")
common=$(git -C "$REPO" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
[ -n "$common" ] && candidates+=("$(dirname "$common")/../shared/vendor")
origin=$(git -C "$REPO" remote get-url origin 2>/dev/null || true)
origin=${origin#file://}
[ -n "$origin" ] && [ -d "$origin" ] && candidates+=("$origin/../shared/vendor" "$(git -C "$origin" rev-parse --path-format=absolute --git-common-dir 2>/dev/null | xargs -r dirname)/../shared/vendor")
for dir in "${candidates[@]}"; do
  [ -n "$dir" ] && [ -f "$dir/helm/temporal-1.6.0.tgz" ] || continue
  dir=$(cd "$dir" && pwd)
  (cd "$dir" && sha256sum --quiet -c "$HERE/vendor.sha256") >&2 || { echo "vendor-dir: $dir differs from deploy/tools/vendor.sha256" >&2; exit 2; }
  echo "$dir"; exit 0
done
echo "vendor-dir: no shared/vendor folder found (set ELAR_VENDOR_DIR to the folder with helm/temporal-1.6.0.tgz and crds/)" >&2
exit 2
