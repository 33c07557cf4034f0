import type { Child } from "hono/jsx";
import { CsrfInput } from "./ui.tsx";

/** How a submit button looks: the page's main action, a secondary one, or one that destroys. */
export type ButtonTone = "secondary" | "danger";

/**
 * A form's submit button on its own row. `name` and `value` tell the
 * handler which of a form's buttons was pressed.
 */
export function Submit(props: {
  tone?: ButtonTone | undefined;
  name?: string;
  value?: string;
  children: Child;
}) {
  return (
    <div>
      <button type="submit" name={props.name} value={props.value} class={props.tone}>
        {props.children}
      </button>
    </div>
  );
}

/**
 * A console form that changes something: posted with the session's CSRF
 * token, fields stacked, the browser's own validation off (the server's
 * messages are the ones people read). Name it by a heading (`labelledBy`)
 * or, without one, by `label`. Before sign-in there is no session: the
 * sign-in form brings its own `csrfToken`.
 */
export function PostForm(props: {
  action: string;
  id?: string;
  labelledBy?: string;
  label?: string;
  csrfToken?: string;
  children: Child;
}) {
  return (
    <form
      id={props.id}
      method="post"
      action={props.action}
      class="stack"
      novalidate
      aria-labelledby={props.labelledBy}
      aria-label={props.label}
    >
      <CsrfInput token={props.csrfToken} />
      {props.children}
    </form>
  );
}

/** A single button that posts (revoke, disable, reset): a form of its own with the CSRF token. */
export function ButtonForm(props: { action: string; tone?: ButtonTone; children: Child }) {
  return (
    <form method="post" action={props.action}>
      <CsrfInput />
      <button type="submit" class={props.tone}>
        {props.children}
      </button>
    </form>
  );
}

/** Filters are a GET form, so a filtered list is a link people can share. */
export function FilterForm(props: { action: string; label: string; id?: string; children: Child }) {
  return (
    <form method="get" action={props.action} class="filters" id={props.id} aria-label={props.label}>
      {props.children}
    </form>
  );
}
