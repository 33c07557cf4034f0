import type { StaffContext } from "../../platform/app-env.ts";
import { PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  errorsFromProblem,
  type FormErrors,
  type FormValues,
  parseForm,
  readForm,
  safeNext,
} from "../../platform/console/forms.ts";
import { ErrorSummary, Field, Notice } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { passwordChangeSchema } from "./accounts.ts";
import { changeOwnPassword } from "./change-own-password.ts";

const labels = {
  current: "Current password",
  password: "New password",
  confirm: "Repeat new password",
};

/** Passwords are never echoed back into the form; only their errors are. */
function PasswordField(props: {
  name: keyof typeof labels;
  errors: FormErrors;
  autocomplete: string;
  hint?: string;
}) {
  return (
    <Field
      label={labels[props.name]}
      name={props.name}
      type="password"
      autocomplete={props.autocomplete}
      hint={props.hint}
      error={props.errors[props.name]}
      required
    />
  );
}

function PasswordPage(props: {
  next: string;
  email: string;
  errors?: FormErrors | undefined;
  mustChange: boolean;
}) {
  const errors = props.errors ?? {};
  return (
    <>
      <h1>Change your password</h1>
      {props.mustChange ? (
        <Notice tone="warning">
          You signed in with a one-time password. Choose your own password to continue.
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} />
      <PostForm action="/admin/password">
        <input type="hidden" name="next" value={props.next} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" autocomplete="username" value={props.email} hidden readonly />
        <PasswordField name="current" errors={errors} autocomplete="current-password" />
        <PasswordField
          name="password"
          errors={errors}
          autocomplete="new-password"
          hint="At least 12 characters. A few unrelated words make a strong one."
        />
        <PasswordField name="confirm" errors={errors} autocomplete="new-password" />
        <Submit>Change password</Submit>
      </PostForm>
    </>
  );
}

function render(c: StaffContext, next: string, errors?: FormErrors) {
  const staff = c.var.staff;
  if (errors) c.status(422);
  return c.render(
    <PasswordPage
      next={next}
      email={staff.email}
      errors={errors}
      mustChange={Boolean(staff.mustChangePassword)}
    />,
    { title: "Change your password" },
  );
}

export function showPasswordPage() {
  return (c: StaffContext) => render(c, safeNext(c.req.query("next"), ""));
}

export function submitPasswordPage(deps: AppDeps) {
  return async (c: StaffContext) => {
    const values: FormValues = await readForm(c);
    const next = safeNext(values.next, "");
    // Passwords are never echoed back into the form; the errors say what to fix.
    const parsed = parseForm(passwordChangeSchema, values);
    if (!parsed.ok) return render(c, next, parsed.errors);
    try {
      await changeOwnPassword(deps, c.var.actor, parsed.data, c.var.staff.sessionId ?? null);
    } catch (error) {
      return render(c, next, errorsFromProblem(error));
    }
    return c.redirect(next || "/admin?notice=password-changed", 303);
  };
}
