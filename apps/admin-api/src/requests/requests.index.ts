import { createSupportRequestSchema } from "@frontline/core";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps } from "../platform/deps.ts";
import { createRouter } from "../platform/openapi.ts";
import { Problem } from "../platform/problem.ts";
import { fileRequest, trackRequest } from "./requests.handlers.ts";
import { fileRequestRoute, trackRequestRoute } from "./requests.routes.ts";

/** A support request is text: 64 KiB is far above the longest valid one. */
const MAX_BODY_BYTES = 64 * 1024;

export function requestsRouter(deps: AppDeps) {
  const router = createRouter();
  const fileRoute = fileRequestRoute(createSupportRequestSchema(deps.config.services));

  router.use(
    "/api/v1/requests",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new Problem(
          413,
          "payload-too-large",
          "The request body is too large",
          `Send at most ${MAX_BODY_BYTES} bytes.`,
        );
      },
    }),
  );

  router.openapi(fileRoute, async (c) => {
    const filed = await fileRequest(deps, c.req.valid("json"));
    c.header("Location", `/api/v1/requests/${filed.number}`);
    return c.json(filed, 201);
  });

  router.openapi(trackRequestRoute, async (c) => {
    const { number } = c.req.valid("param");
    const { "x-tracking-token": token } = c.req.valid("header");
    c.header("Cache-Control", "no-store");
    return c.json(await trackRequest(deps, number, token), 200);
  });

  return router;
}
