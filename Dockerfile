# syntax=docker/dockerfile:1
# Frontline: the help center and the server in one image. See docs/deploy.md.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY . .
RUN npm ci
# The help center: checked articles, Astro, Pagefind, precompressed copies.
RUN npx turbo run build --filter=@frontline/help-center
# What the server needs to run, nothing it needs to build or test.
RUN npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_URL=/app/data/frontline.db \
    HELP_CENTER_DIST=/app/apps/help-center/dist \
    TSX_TSCONFIG_PATH=apps/admin-api/tsconfig.json
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/packages/core ./packages/core
COPY --from=build /app/packages/db ./packages/db
COPY --from=build /app/apps/admin-api ./apps/admin-api
COPY --from=build /app/apps/help-center/dist ./apps/help-center/dist
COPY --from=build /app/apps/help-center/package.json ./apps/help-center/package.json
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The server itself, not npm: SIGTERM from `docker stop` reaches it and drains.
CMD ["node", "--import", "tsx", "apps/admin-api/src/main.ts"]
