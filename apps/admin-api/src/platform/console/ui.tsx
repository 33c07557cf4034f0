import type { Child } from "hono/jsx";
import { useRequestContext } from "hono/jsx-renderer";
import type { AppEnv } from "../app-env.ts";
import type { FormErrors } from "./forms.ts";

/**
 * The hidden CSRF field every console form carries. Without a `token` it
 * takes the signed-in session's, so pages need not pass it around.
 */
export function CsrfInput({ token }: { token?: string }) {
  const value = token ?? useRequestContext<AppEnv>().var.staff?.csrfToken ?? "";
  return <input type="hidden" name="_csrf" value={value} />;
}

/** The id a field gets when the page does not choose one; error summaries link to it. */
export const fieldId = (name: string) => `field-${name}`;

interface FieldBase {
  readonly label: string;
  readonly name: string;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  /** Needed when the same name appears in several forms on one page. */
  readonly id?: string;
  readonly required?: boolean;
}

/** Ties hint and error to the control so screen readers read them with the label. */
function described(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids || undefined;
}

function FieldFrame(props: FieldBase & { id: string; children: Child }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <span class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${props.id}-error`}>
          <span class="visually-hidden">Error: </span>
          {props.error}
        </span>
      ) : null}
      {props.children}
    </div>
  );
}

export interface FieldProps extends FieldBase {
  readonly value?: string | undefined;
  readonly type?: "text" | "email" | "password" | "date" | "search" | "number" | "url";
  readonly autocomplete?: string;
  readonly maxlength?: number;
  readonly spellcheck?: boolean;
}

/** A labelled input with its hint and error next to it, keeping what was typed. */
export function Field(props: FieldProps) {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldFrame {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        value={props.type === "password" ? undefined : props.value}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        spellcheck={props.spellcheck}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={described(id, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

/** Files to send with a form (it must post multipart/form-data); several at once. */
export function FileField(props: FieldBase & { readonly accept: string }) {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldFrame {...props} id={id}>
      <input
        id={id}
        name={props.name}
        type="file"
        multiple
        accept={props.accept}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={described(id, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

export interface SelectFieldProps extends FieldBase {
  readonly value?: string | undefined;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

export function SelectField(props: SelectFieldProps) {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={described(id, props.hint, props.error)}
      >
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface TextAreaFieldProps extends FieldBase {
  readonly value?: string | undefined;
  readonly rows?: number;
  readonly maxlength?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  const id = props.id ?? fieldId(props.name);
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        maxlength={props.maxlength}
        required={props.required}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={described(id, props.hint, props.error)}
      >
        {props.value ?? ""}
      </textarea>
    </FieldFrame>
  );
}

/**
 * Lists a form's errors at the top, each linking to its field. It takes the
 * focus on load (autofocus), so keyboard and screen-reader users land on it.
 * `labels` names the fields as the form does; `ids` overrides link targets.
 */
export function ErrorSummary(props: {
  errors: FormErrors;
  labels?: Record<string, string>;
  ids?: Record<string, string>;
}) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      tabindex={-1}
      autofocus
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([field, message]) => {
          const label = props.labels?.[field];
          const text = label ? `${label}: ${message}` : message;
          const target = props.ids?.[field] ?? fieldId(field);
          return <li>{field === "_form" ? text : <a href={`#${target}`}>{text}</a>}</li>;
        })}
      </ul>
    </div>
  );
}

/** A short confirmation after a change ("Saved."), announced politely. */
export function Notice({ children, tone }: { children?: Child; tone?: "success" | "warning" }) {
  return (
    <div class={tone === "warning" ? "notice warning" : "notice"} role="status">
      {children}
    </div>
  );
}

/**
 * A secret shown exactly once (a new API token or one-time password), in a
 * read-only field so it can be selected and copied without JavaScript.
 */
export function SecretBox(props: { label: string; value: string; name: string; hint: string }) {
  const id = `secret-${props.name}`;
  return (
    <div class="secret">
      <label for={id} class="label">
        {props.label}
      </label>
      <input
        id={id}
        type="text"
        readonly
        value={props.value}
        autocomplete="off"
        spellcheck={false}
        aria-describedby={`${id}-hint`}
      />
      <span class="hint" id={`${id}-hint`}>
        {props.hint}
      </span>
    </div>
  );
}

/** A date-time people can read, with the exact value for machines. */
export function Time({ value }: { value: Date | null | undefined }) {
  if (!value) return <span>—</span>;
  const iso = value.toISOString();
  return <time datetime={iso}>{`${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`}</time>;
}
