import { acceptedFileEndings, attachmentLimits } from "@frontline/core";
import { createRoute, z } from "@hono/zod-openapi";
import { requireStaff } from "../../platform/auth.ts";
import { idParam, jsonResponse, numberParam, problemResponses } from "../../platform/openapi.ts";
import { tracking } from "../requests/requests.routes.ts";

export const UPLOADS_PATH = "/api/v1/uploads";

const binary = z.string().openapi({ format: "binary" });

export const uploadSchema = z
  .object({
    token: z.string().openapi({
      description:
        "Name it in the message's `attachments` within 24 hours; it sends the file once. Secret: shown only here.",
      example: "up_Zk3q9X1r5m0Jw2yB7cVtQe8uHnPa",
    }),
    name: z.string(),
    size: z.number().int(),
    contentType: z.string().openapi({ description: "What the bytes are, as the server found." }),
    expiresAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Upload");

export const uploadRoute = createRoute({
  method: "post",
  path: UPLOADS_PATH,
  tags: ["Attachments"],
  summary: "Upload a file to send with a message",
  description: `The file's bytes are the body (any Content-Type); its name is the \`filename\` query parameter. At most ${attachmentLimits.fileBytes / (1024 * 1024)} MiB. What is accepted is decided from the bytes, not the name, and a name that claims another kind of file is refused: ${acceptedFileEndings.join(", ")}. Then send the token in the \`attachments\` of a request, a reply or a note: at most ${attachmentLimits.messageFiles} files and ${attachmentLimits.messageBytes / (1024 * 1024)} MiB per message, ${attachmentLimits.requestFiles} files and ${attachmentLimits.requestBytes / (1024 * 1024)} MiB per request.`,
  request: {
    query: z.object({
      filename: z.string().max(1000).openapi({ example: "screenshot.png" }),
    }),
    body: { required: true, content: { "application/octet-stream": { schema: binary } } },
  },
  responses: {
    201: jsonResponse(uploadSchema, "Kept for 24 hours, waiting for its message"),
    ...problemResponses(400, 413, 415, 422, 429),
  },
});

const fileParams = numberParam.extend({ id: z.coerce.number().int().positive() });
const fileResponses = {
  200: {
    description:
      "The file, always as a download (Content-Disposition: attachment), in the type its bytes were found to be",
    content: { "application/octet-stream": { schema: binary } },
  },
};

export const customerFileRoute = createRoute({
  method: "get",
  path: "/api/v1/requests/{number}/attachments/{id}",
  tags: ["Requests"],
  summary: "Download a file of your request",
  description:
    "Files of the request's public timeline only. 404 alike for a wrong token, an unknown file and a staff-only one.",
  request: { params: fileParams, headers: tracking.headers },
  responses: { ...fileResponses, ...problemResponses(404, 429) },
});

export const escalationFileRoute = createRoute({
  method: "get",
  path: "/api/v1/escalations/{id}/attachments/{fileId}",
  tags: ["Escalations"],
  summary: "Download a file of the escalated request",
  description: "How the operator reaches the files the escalation lists.",
  middleware: requireStaff("operator", "agent", "admin"),
  request: { params: idParam.extend({ fileId: z.coerce.number().int().positive() }) },
  responses: { ...fileResponses, ...problemResponses(401, 403, 404) },
});

export const staffFileRoute = createRoute({
  method: "get",
  path: "/api/v1/desk/requests/{number}/attachments/{id}",
  tags: ["Desk"],
  summary: "Download a file of a request, internal notes' too",
  middleware: requireStaff("admin", "agent"),
  request: { params: fileParams },
  responses: { ...fileResponses, ...problemResponses(401, 403, 404) },
});
