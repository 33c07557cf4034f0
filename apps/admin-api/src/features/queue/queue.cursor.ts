import type { QueueSort, SortOrder } from "@frontline/core";
import type { QueuePosition } from "@frontline/db";
import { problems } from "../../platform/problems.ts";

/**
 * The opaque `cursor` of the queue: where the previous page ended, in
 * which order. base64url JSON, so it survives any URL unescaped.
 */
interface CursorBody {
  readonly s: QueueSort;
  readonly o: SortOrder;
  /** The last row's sort value (epoch ms), or null for "nothing due". */
  readonly k: number | null;
  readonly i: number;
}

export function encodeCursor(sort: QueueSort, order: SortOrder, position: QueuePosition): string {
  const body: CursorBody = { s: sort, o: order, k: position.key, i: position.id };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

const invalid = (detail: string) =>
  problems.validation([{ field: "cursor", message: detail, code: "invalid_cursor" }]);

/** The position a cursor points at; it only continues the order it was made for. */
export function decodeCursor(cursor: string, sort: QueueSort, order: SortOrder): QueuePosition {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid("This cursor is not one the queue handed out.");
  }
  const keyOk = body.k === null || Number.isSafeInteger(body.k);
  if (!body || typeof body !== "object" || !keyOk || !Number.isSafeInteger(body.i)) {
    throw invalid("This cursor is not one the queue handed out.");
  }
  if (body.s !== sort || body.o !== order) {
    throw invalid("This cursor belongs to another sort order; start again from the first page.");
  }
  return { key: body.k ?? null, id: body.i as number };
}
