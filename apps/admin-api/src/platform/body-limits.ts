import { attachmentLimits } from "@frontline/core";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { UPLOADS_PATH } from "../features/attachments/attachments.routes.ts";
import type { AppEnv } from "./app-env.ts";
import { problems } from "./problems.ts";

/**
 * The largest body each class of caller may send. Anyone on the internet
 * reaches the public API and the sign-in form: a support request, a reply
 * or a vote is text, and 64 KiB is far above the longest valid one. Signed-in
 * staff fill in console forms and partner API calls (an escalation packet
 * with its steps and notes): 1 MiB.
 */
export const BODY_LIMITS = {
  public: 64 * 1024,
  staff: 1024 * 1024,
  /** A console form with files: one message's files and the form around them. */
  staffWithFiles: attachmentLimits.messageBytes + 1024 * 1024,
} as const;

const refuse = (maxBytes: number) =>
  bodyLimit({
    maxSize: maxBytes,
    // Thrown, not answered, so the console shows it as a page and the API as problem+json.
    onError: () => {
      throw problems.payloadTooLarge(maxBytes);
    },
  });

/**
 * One body limit for the whole app, by who is calling. It counts bytes as
 * they stream in (a missing or false Content-Length does not get past it)
 * and stops reading at the limit, before any parsing. Runs after
 * authentication, which reads only headers.
 */
export function limitBodies(): MiddlewareHandler<AppEnv> {
  const publicLimit = refuse(BODY_LIMITS.public);
  const staffLimit = refuse(BODY_LIMITS.staff);
  const staffFilesLimit = refuse(BODY_LIMITS.staffWithFiles);
  return (c, next) => {
    // An upload is counted as it is written to disk, against the per-file limit (receive-file.ts).
    if (c.req.path === UPLOADS_PATH) return next();
    if (!c.var.staff) return publicLimit(c, next);
    const multipart = c.req.header("Content-Type")?.startsWith("multipart/form-data");
    return (multipart ? staffFilesLimit : staffLimit)(c, next);
  };
}
