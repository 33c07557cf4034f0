import { languageName } from "../../platform/console/words.ts";
import type { cannedRepliesFor } from "./canned-replies.use-cases.ts";

export type CannedForRequest = Awaited<ReturnType<typeof cannedRepliesFor>>[number];

/**
 * Picks a canned reply for the reply box: a plain GET form, so it works
 * without JavaScript; the page comes back with the text filled in and its
 * status chosen. The customer's language is offered first.
 */
export function CannedPicker(props: {
  number: string;
  locale: string;
  canned: readonly CannedForRequest[];
  chosenId?: number | undefined;
}) {
  if (props.canned.length === 0) {
    return (
      <p class="hint">
        No canned replies yet. <a href="/admin/canned-replies">Write one</a>.
      </p>
    );
  }
  const theirs = props.canned.filter((c) => c.locale === props.locale);
  const others = props.canned.filter((c) => c.locale !== props.locale);
  const option = (c: CannedForRequest) => (
    <option value={String(c.id)} selected={c.id === props.chosenId}>
      {c.title}
      {c.locale === props.locale ? "" : ` (${languageName(c.locale)})`}
      {c.shared ? "" : " · yours"}
    </option>
  );
  return (
    <form
      method="get"
      action={`/admin/requests/${props.number}#action-reply`}
      class="inline-form"
      aria-label="Insert a canned reply"
    >
      <label for="canned">Start from a canned reply</label>
      <select id="canned" name="canned">
        {theirs.length ? (
          <optgroup label={`In ${languageName(props.locale)}, the customer's language`}>
            {theirs.map(option)}
          </optgroup>
        ) : null}
        {others.length ? <optgroup label="Other languages">{others.map(option)}</optgroup> : null}
      </select>{" "}
      <button type="submit" class="secondary">
        Insert
      </button>{" "}
      <a href="/admin/canned-replies">Manage</a>
    </form>
  );
}
