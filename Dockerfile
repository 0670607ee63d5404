# syntax=docker/dockerfile:1
#
# newsgate image: one image for every role; the command picks it.
#   docker run -p 4000:4000 newsgate            -> serve (API on :4000 plus the scheduler)
#   docker run newsgate worker                  -> scheduler only
#   docker run --rm newsgate ingest --all       -> one ingest pass, then exit (for cron)
# Without DATABASE_URL it uses SQLite in /app/data (mount a volume there to keep it).

# ---- build: compile TypeScript and better-sqlite3, then drop dev dependencies ----
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# Dependencies first, so this layer is reused while only the sources change. `npm ci` would
# run `prepare` (the tsc build) before the sources are copied, hence --ignore-scripts here and
# an explicit rebuild of the one native module (prebuilt binary, else compiled with g++).
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
  npm ci --ignore-scripts \
  && npm rebuild better-sqlite3

COPY . .
RUN npm run build \
  && npm prune --omit=dev

# ---- runtime: compiled output and production dependencies only, as the unprivileged node user ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=4000
WORKDIR /app

# Code stays owned by root (read-only for the service); only data/ (default SQLite) is writable.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/examples ./examples
RUN mkdir -p /app/data && chown node:node /app/data

USER node
EXPOSE 4000

# Liveness only (/healthz); readiness (/readyz, store reachable) is checked by the orchestrator.
# `worker` and `ingest` serve no HTTP: override or disable this check for them.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

ENTRYPOINT ["node", "bin/newsgate.js"]
CMD ["serve"]
