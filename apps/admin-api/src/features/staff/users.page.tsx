import { listStaffUsers, type StaffUserRow } from "@frontline/db";
import type { StaffContext } from "../../platform/app-env.ts";
import { ButtonForm, PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  errorsFromProblem,
  type FormErrors,
  type FormValues,
  formFields,
  keptValues,
  parseForm,
  pathId,
  readForm,
} from "../../platform/console/forms.ts";
import { roleName } from "../../platform/console/layout.tsx";
import { CardTable } from "../../platform/console/table.tsx";
import {
  CsrfInput,
  ErrorSummary,
  Field,
  SecretBox,
  SelectField,
  Time,
} from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { Problem } from "../../platform/problem.ts";
import { newUserSchema, staffRoles } from "./accounts.ts";
import { changeUser } from "./change-user.ts";
import { createUser } from "./create-user.ts";
import { resetPassword } from "./reset-password.ts";

const roleOptions = staffRoles.map((role) => ({ value: role, label: roleName(role) }));
const createLabels = { email: "Email", name: "Name", role: "Role", password: "Password" };

interface UsersState {
  readonly users: StaffUserRow[];
  readonly meId: number;
  readonly now: Date;
  readonly create?: { values: FormValues; errors: FormErrors };
  readonly rowError?: { id: number; message: string };
  readonly secret?: { email: string; password: string; revokedTokens?: number };
}

function status(user: StaffUserRow, now: Date) {
  if (user.disabled) return "Disabled";
  if (user.lockedUntil && user.lockedUntil > now) {
    return (
      <>
        Locked after failed sign-ins until <Time value={user.lockedUntil} />
      </>
    );
  }
  return user.mustChangePassword ? "Active, must change password" : "Active";
}

function UserRow({ user, state }: { user: StaffUserRow; state: UsersState }) {
  const error = state.rowError?.id === user.id ? state.rowError.message : undefined;
  const self = user.id === state.meId;
  return (
    <tr>
      <td data-label="Name">
        {user.name}
        {self ? " (you)" : null}
      </td>
      <td data-label="Email" class="mono">
        {user.email}
      </td>
      <td data-label="Role">
        <form method="post" action={`/admin/users/${user.id}/role`} class="inline-form">
          <CsrfInput />
          <label for={`role-${user.id}`} class="visually-hidden">
            Role of {user.name}
          </label>
          <select
            id={`role-${user.id}`}
            name="role"
            aria-invalid={error ? "true" : undefined}
            aria-describedby={error ? `row-${user.id}-error` : undefined}
          >
            {roleOptions.map((o) => (
              <option value={o.value} selected={o.value === user.role}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary">
            Change role<span class="visually-hidden"> of {user.name}</span>
          </button>
        </form>
        {error ? (
          <p class="field-error" id={`row-${user.id}-error`}>
            {error}
          </p>
        ) : null}
      </td>
      <td data-label="Status">{status(user, state.now)}</td>
      <td data-label="Actions">
        <div class="inline-form">
          {self ? null : (
            <ButtonForm
              action={`/admin/users/${user.id}/${user.disabled ? "enable" : "disable"}`}
              tone={user.disabled ? "secondary" : "danger"}
            >
              {user.disabled ? "Enable" : "Disable"}
              <span class="visually-hidden"> {user.name}</span>
            </ButtonForm>
          )}
          <ButtonForm action={`/admin/users/${user.id}/reset-password`} tone="secondary">
            Reset password<span class="visually-hidden"> of {user.name}</span>
          </ButtonForm>
        </div>
      </td>
    </tr>
  );
}

/** After a reset: what else stopped working for the user. */
function revokedNote(revokedTokens: number | undefined): string {
  if (revokedTokens === undefined) return "";
  const tokens =
    revokedTokens === 0
      ? "They had no API tokens."
      : `Their ${revokedTokens === 1 ? "API token is" : `${revokedTokens} API tokens are`} revoked.`;
  return ` They are signed out everywhere. ${tokens}`;
}

function UsersPage(state: UsersState) {
  const values = state.create?.values ?? {};
  const errors = state.create?.errors ?? {};
  const field = formFields(values, errors);
  const rowSummary = state.rowError ? { [`row-${state.rowError.id}`]: state.rowError.message } : {};
  return (
    <>
      <h1>Users</h1>
      {state.secret ? (
        <SecretBox
          name="password"
          label={`One-time password for ${state.secret.email}`}
          value={state.secret.password}
          hint={`Give it to them privately. It is shown only now, and they must change it at first sign-in.${revokedNote(state.secret.revokedTokens)}`}
        />
      ) : null}
      <ErrorSummary
        errors={{ ...errors, ...rowSummary }}
        labels={createLabels}
        ids={state.rowError ? { [`row-${state.rowError.id}`]: `role-${state.rowError.id}` } : {}}
      />
      <CardTable
        caption="Staff who can sign in to the desk"
        columns={["Name", "Email", "Role", "Status", "Actions"]}
      >
        {state.users.map((user) => (
          <UserRow user={user} state={state} />
        ))}
      </CardTable>
      <h2 id="add-user">Add a user</h2>
      <PostForm action="/admin/users" labelledBy="add-user">
        <Field
          label="Email"
          {...field("email")}
          type="email"
          autocomplete="off"
          spellcheck={false}
          required
        />
        <Field label="Name" {...field("name")} autocomplete="off" required />
        <SelectField
          label="Role"
          {...field("role")}
          value={values.role ?? "agent"}
          options={roleOptions}
          hint="Agents work requests; operators see only escalations and incidents; admins also manage users."
        />
        <Field
          label="Password (optional)"
          {...field("password")}
          type="password"
          autocomplete="new-password"
          hint="Leave empty to generate one. Either way they must change it at first sign-in."
        />
        <Submit>Add user</Submit>
      </PostForm>
    </>
  );
}

async function render(
  c: StaffContext,
  deps: AppDeps,
  extra: Partial<UsersState> = {},
  status = 200,
) {
  const state: UsersState = {
    users: await listStaffUsers(deps.db),
    meId: c.var.staff.id,
    now: deps.clock.now(),
    ...extra,
  };
  c.status(status as 200);
  return c.render(<UsersPage {...state} />, { title: "Users" });
}

const userId = (c: StaffContext) => pathId(c, "id", "There is no user with this id.");

export const showUsers = (deps: AppDeps) => (c: StaffContext) => render(c, deps);

export function submitNewUser(deps: AppDeps) {
  return async (c: StaffContext) => {
    const values = await readForm(c);
    const input = {
      email: values.email ?? "",
      name: values.name ?? "",
      role: values.role ?? "",
      password: values.password ? values.password : undefined,
    };
    const kept = keptValues(values, "password");
    const parsed = parseForm(newUserSchema, input);
    if (!parsed.ok)
      return render(c, deps, { create: { values: kept, errors: parsed.errors } }, 422);
    try {
      const { user, oneTimePassword } = await createUser(deps, c.var.actor, parsed.data);
      if (!oneTimePassword) return c.redirect("/admin/users?notice=user-created", 303);
      return render(c, deps, { secret: { email: user.email, password: oneTimePassword } }, 201);
    } catch (error) {
      const errors = errorsFromProblem(error);
      return render(c, deps, { create: { values: kept, errors } }, 409);
    }
  };
}

/** Role changes, disabling and enabling: redirect on success, the row's error on failure. */
export function submitUserChange(deps: AppDeps, change: "role" | "disable" | "enable") {
  return async (c: StaffContext) => {
    const id = userId(c);
    const values = await readForm(c);
    const role = roleOptions.find((o) => o.value === values.role)?.value;
    if (change === "role" && !role) {
      return render(
        c,
        deps,
        { rowError: { id, message: "Choose admin, agent or operator." } },
        422,
      );
    }
    const changes = change === "role" ? { role } : { disabled: change === "disable" };
    try {
      await changeUser(deps, c.var.actor, id, changes);
    } catch (error) {
      if (error instanceof Problem && error.status === 404) throw error;
      const message = errorsFromProblem(error)._form ?? "This change is not possible.";
      return render(c, deps, { rowError: { id, message } }, 409);
    }
    const notice = { role: "role-changed", disable: "user-disabled", enable: "user-enabled" }[
      change
    ];
    return c.redirect(`/admin/users?notice=${notice}`, 303);
  };
}

export function submitPasswordReset(deps: AppDeps) {
  return async (c: StaffContext) => {
    const { user, oneTimePassword, revokedTokens } = await resetPassword(
      deps,
      c.var.actor,
      userId(c),
    );
    return render(c, deps, {
      secret: { email: user.email, password: oneTimePassword, revokedTokens },
    });
  };
}
