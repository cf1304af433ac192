# syntax=docker/dockerfile:1.7
# One image recipe for every deployable. Build from the repository root:
#   docker build --build-arg SERVICE=gateway   -t elar/gateway .
#   docker build --build-arg SERVICE=identity  -t elar/identity .
#   docker build --build-arg SERVICE=licensing -t elar/licensing .
#   docker build --build-arg SERVICE=worker --target worker -t elar/worker .
# The port is the service's own default (env.ts; PORT in the Deployments): 8080, 4001, 4002, 4010.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

# Workspace manifests only, so the dependency layers are cached until a package.json changes.
FROM ${NODE_IMAGE} AS manifests
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
WORKDIR /src
COPY package.json package-lock.json ./
COPY tooling ./tooling
COPY packages ./packages
COPY workflows ./workflows
COPY activities ./activities
COPY services ./services
COPY apps ./apps
COPY e2e/package.json ./e2e/package.json
COPY deploy/package.json ./deploy/package.json
COPY bench/package.json ./bench/package.json
RUN mkdir /manifests && find . -name package.json -not -path '*/node_modules/*' | tar -cf - -T - package-lock.json | tar -xf - -C /manifests

# Production dependencies only. Install scripts stay off (Prisma's would download engines; see TOOLCHAIN.md).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY --from=manifests /manifests ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# Build-time outputs from the full dependency set: the generated Prisma clients (identity, licensing),
# then every deployable compiled to JavaScript by tsup (tsup.config.ts): dist/<service>.js.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY --from=manifests /manifests ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY --from=manifests /src ./
COPY tsup.config.ts ./
# Prisma reads DATABASE_URL even to generate (an unused address keeps it offline: TOOLCHAIN.md).
RUN for config in services/*/prisma.config.ts; do \
      DATABASE_URL=postgresql://unused:unused@127.0.0.1:1/unused node_modules/.bin/prisma generate --config "$config"; \
    done && node_modules/.bin/tsup

# The browser portal's static files (Vite); the gateway serves them at `/` (PORTAL_DIR).
FROM build AS portal
WORKDIR /app/apps/portal
RUN ../../node_modules/.bin/vite build --logLevel warn
WORKDIR /app

# The worker's prebuilt workflow bundle (workers start without webpack); only the `worker` target uses it.
FROM build AS workflow-bundle
RUN node_modules/.bin/tsx services/worker/src/build-bundle.ts services/worker/dist/workflow-bundle.js

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
# Paths inside the image for the defaults that point into the sources (read by the gateway and licensing).
ENV NODE_ENV=production HOST=0.0.0.0 CHECKPOINT_DISABLE=1 \
    PORTAL_DIR=/app/apps/portal/dist CATALOG_PATH=/app/services/licensing/catalog/catalog.json
WORKDIR /app
COPY --from=prod-deps /app ./
# Kept for `prisma migrate deploy` (the migrate initContainer and Job): its config imports @elar/db.
COPY --from=manifests /src/tooling ./tooling
COPY --from=manifests /src/packages ./packages
COPY --from=manifests /src/services/${SERVICE} ./services/${SERVICE}
COPY --from=build /app/dist/${SERVICE}.js /app/dist/${SERVICE}.js.map ./dist/
COPY --from=portal /app/apps/portal/dist ./apps/portal/dist
# A fixed entry point that loads the service's compiled main (a wrong SERVICE fails the build here).
RUN test -f dist/${SERVICE}.js && printf 'require("./dist/%s.js");\n' "${SERVICE}" > main.js
# The image's `node` user (uid 1000), numeric so runAsNonRoot can verify it.
USER 1000:1000
# node is PID 1 and gets SIGTERM directly (no npm or shell in between), running compiled JavaScript.
CMD ["node", "--enable-source-maps", "main.js"]

# `--target worker`: the runtime plus the prebuilt workflow bundle.
FROM runtime AS worker
ARG SERVICE
RUN test "${SERVICE}" = worker
ENV WORKFLOW_BUNDLE_PATH=/app/services/worker/dist/workflow-bundle.js
COPY --from=workflow-bundle /app/services/worker/dist/workflow-bundle.js ./services/worker/dist/workflow-bundle.js

# The default target: gateway, identity, licensing.
FROM runtime AS service
