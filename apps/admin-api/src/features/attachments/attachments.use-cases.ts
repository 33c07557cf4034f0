import {
  type AttachmentRow,
  AttachmentsRefusedError,
  getAttachment,
  listAttachments,
  type RequestRow,
} from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { hashUploadToken } from "./upload-file.ts";

/** The token hashes a message's `attachments` names, as the database claims them. */
export const uploadHashes = (tokens: readonly string[] | undefined) =>
  (tokens ?? []).map(hashUploadToken);

const MiB = 1024 * 1024;

const refusals: Record<AttachmentsRefusedError["reason"], (limit: number) => string> = {
  "unknown-upload": () =>
    "An attachment was not found: uploads wait 24 hours for their message and go with one message only. Upload the file again.",
  "message-files": (limit) => `A message may carry at most ${limit} files.`,
  "message-bytes": (limit) => `A message may carry at most ${limit / MiB} MiB of files.`,
  "request-files": (limit) => `A request may hold at most ${limit} files in all.`,
  "request-bytes": (limit) => `A request may hold at most ${limit / MiB} MiB of files in all.`,
};

/** The problem a refused set of attachments is answered with, or the error unchanged. */
export function asAttachmentProblem(error: unknown): unknown {
  if (!(error instanceof AttachmentsRefusedError)) return error;
  return problems.attachmentsRefused(error.reason, refusals[error.reason](error.limit ?? 0));
}

/** Runs a write that claims uploads; a refusal becomes its problem, with nothing written. */
export async function withAttachmentChecks<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asAttachmentProblem(error);
  }
}

/** A file as a timeline entry lists it. */
export const attachmentSummary = (row: AttachmentRow) => ({
  id: row.id,
  name: row.name,
  size: row.size,
  contentType: row.contentType,
});

/** The request's files grouped by the timeline entry they came with. */
export async function attachmentsByEvent(deps: AppDeps, requestId: number) {
  const byEvent = new Map<number, ReturnType<typeof attachmentSummary>[]>();
  for (const row of await listAttachments(deps.db, requestId)) {
    if (row.eventId === null) continue;
    const list = byEvent.get(row.eventId) ?? [];
    list.push(attachmentSummary(row));
    byEvent.set(row.eventId, list);
  }
  return byEvent;
}

/**
 * One file of a request for whoever asks: customers see only files of
 * public entries; the same 404 for a file that is not theirs as for none.
 */
export async function attachmentFor(
  deps: AppDeps,
  row: RequestRow,
  id: number,
  audience: "customer" | "staff",
) {
  const found = await getAttachment(deps.db, row.id, id);
  if (!found || (audience === "customer" && found.visibility !== "public")) {
    throw problems.notFound("This request has no such file.");
  }
  const body = await deps.files.read(found.attachment.sha256);
  if (!body) throw problems.notFound("This file is no longer kept.");
  return { attachment: found.attachment, body };
}
