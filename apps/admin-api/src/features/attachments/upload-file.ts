import { createHash, randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { acceptedFileEndings, attachmentLimits, cleanFileName, judgeFile } from "@frontline/core";
import { createUpload } from "@frontline/db";
import type { AppDeps } from "../../platform/deps.ts";
import { Problem } from "../../platform/problem.ts";
import { problems } from "../../platform/problems.ts";
import { receiveFile, sniffFileType } from "./receive-file.ts";

/** How long an upload waits for the message that sends it before it is swept away. */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60_000;

export const hashUploadToken = (token: string) =>
  createHash("sha256").update(token, "utf8").digest("hex");

/**
 * Takes one file from anyone who may write a message (a customer on the
 * contact form or tracking page, staff in the desk): stored once its bytes
 * are checked, and answered with a token the message then names. The
 * token is a secret: only its hash is kept.
 */
export async function uploadFile(
  deps: AppDeps,
  file: { name: string; body: ReadableStream<Uint8Array> | null; uploadedBy: "customer" | "staff" },
) {
  const name = cleanFileName(file.name);
  if (!name || name.length > attachmentLimits.nameLength) {
    throw problems.validation([
      {
        field: "filename",
        message: `Give the file's name, at most ${attachmentLimits.nameLength} characters.`,
        code: "invalid_file_name",
      },
    ]);
  }
  if (!file.body) throw problems.badRequest("Send the file's bytes as the request body.");
  const received = await receiveFile(deps.files, file.body, attachmentLimits.fileBytes);
  let contentType: string;
  try {
    if (received.size === 0) throw problems.badRequest("The file is empty.", "This file is empty");
    const verdict = judgeFile(name, await sniffFileType(received.path));
    if (!verdict.ok) {
      throw verdict.reason === "type-mismatch"
        ? problems.fileTypeMismatch(name)
        : problems.fileTypeRefused(acceptedFileEndings);
    }
    contentType = verdict.type;
    await deps.files.put(received.sha256, received.path);
  } finally {
    await rm(received.path, { force: true });
  }
  const token = `up_${randomBytes(24).toString("base64url")}`;
  const at = deps.clock.now();
  const row = await createUpload(deps.db, {
    tokenHash: hashUploadToken(token),
    name,
    contentType,
    size: received.size,
    sha256: received.sha256,
    uploadedBy: file.uploadedBy,
    at,
    expiresAt: new Date(at.getTime() + UPLOAD_LIFETIME_MS),
  });
  return {
    token,
    name: row.name,
    size: row.size,
    contentType: row.contentType,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * A console form's files, uploaded one by one as the API would take them;
 * the first refused file stops the rest with its problem, naming the file.
 */
export async function uploadFormFiles(deps: AppDeps, files: readonly File[]): Promise<string[]> {
  const tokens: string[] = [];
  for (const file of files) {
    try {
      const uploaded = await uploadFile(deps, {
        name: file.name,
        body: file.stream(),
        uploadedBy: "staff",
      });
      tokens.push(uploaded.token);
    } catch (error) {
      if (error instanceof Problem && error.status < 500) {
        throw new Problem(
          error.status,
          error.slug,
          error.title,
          `${file.name}: ${error.detail ?? error.title}`,
        );
      }
      throw error;
    }
  }
  return tokens;
}
