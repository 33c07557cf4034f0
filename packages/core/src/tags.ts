import { z } from "zod";

/**
 * Tags: the desk's own words for grouping requests ("vip", "migration",
 * "迁移"), filterable in the queue. One word each, in any script, compared
 * in lower case, so "VIP" and "vip" are one tag.
 */

export const MAX_TAGS_PER_REQUEST = 20;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,39}$/u,
    "A tag is one word of letters, digits, - or _, at most 40 characters.",
  );

export const tagChangeSchema = z.strictObject({
  add: z.array(tagSchema).max(MAX_TAGS_PER_REQUEST).default([]),
  remove: z.array(tagSchema).max(MAX_TAGS_PER_REQUEST).default([]),
});
export type TagChange = z.infer<typeof tagChangeSchema>;

/** Tags as people type them in one box: separated by commas or spaces. */
export const splitTags = (text: string) =>
  text
    .split(/[\s,，、]+/u)
    .map((t) => t.trim())
    .filter(Boolean);

/** The request's tags after a change, sorted; null when it would hold more than the limit. */
export function applyTagChange(current: readonly string[], change: TagChange): string[] | null {
  const next = new Set(current);
  for (const tag of change.add) next.add(tag);
  for (const tag of change.remove) next.delete(tag);
  if (next.size > MAX_TAGS_PER_REQUEST) return null;
  return [...next].sort();
}
