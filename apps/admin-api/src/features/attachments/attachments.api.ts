import type { AppDeps } from "../../platform/deps.ts";
import { createRouter } from "../../platform/openapi.ts";
import { requestForDesk } from "../desk/desk.use-cases.ts";
import { findEscalation } from "../escalations/escalations.use-cases.ts";
import { authorizeCustomer } from "../requests/requests.use-cases.ts";
import {
  customerFileRoute,
  escalationFileRoute,
  staffFileRoute,
  uploadRoute,
} from "./attachments.routes.ts";
import { attachmentFor } from "./attachments.use-cases.ts";
import { fileResponse } from "./file-response.ts";
import { uploadFile } from "./upload-file.ts";

/** Uploading a file for a message, and downloading a request's files by who may see them. */
export function attachmentsApi(deps: AppDeps) {
  const router = createRouter();

  router.openapi(uploadRoute, async (c) => {
    const uploaded = await uploadFile(deps, {
      name: c.req.valid("query").filename,
      body: c.req.raw.body,
      uploadedBy: c.var.staff ? "staff" : "customer",
    });
    return c.json(uploaded, 201);
  });

  router.openapi(customerFileRoute, async (c) => {
    const { number, id } = c.req.valid("param");
    const row = await authorizeCustomer(deps, number, c.req.valid("header")["x-tracking-token"]);
    const file = await attachmentFor(deps, row, id, "customer");
    return fileResponse(file.attachment, file.body);
  });

  router.openapi(staffFileRoute, async (c) => {
    const { number, id } = c.req.valid("param");
    const row = await requestForDesk(deps, number);
    const file = await attachmentFor(deps, row, id, "staff");
    return fileResponse(file.attachment, file.body);
  });

  router.openapi(escalationFileRoute, async (c) => {
    const { id, fileId } = c.req.valid("param");
    const { request } = await findEscalation(deps, id);
    const file = await attachmentFor(deps, request, fileId, "staff");
    return fileResponse(file.attachment, file.body);
  });

  return router;
}
