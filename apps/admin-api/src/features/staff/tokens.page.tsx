import type { ApiTokenListing } from "@frontline/db";
import type { StaffContext } from "../../platform/app-env.ts";
import { ButtonForm, PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  errorsFromProblem,
  type FormErrors,
  formFields,
  parseForm,
  readForm,
} from "../../platform/console/forms.ts";
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, Field, SecretBox, SelectField, Time } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import { createToken, newTokenSchema, revokeToken, tokensFor } from "./tokens.ts";

interface TokensState {
  readonly own: ApiTokenListing[];
  /** Other people's tokens, for admins only. */
  readonly others: ApiTokenListing[] | null;
  readonly values?: Readonly<Record<string, string | undefined>>;
  readonly errors?: FormErrors;
  readonly now: Date;
  readonly created?: { name: string; token: string };
}

const scopeOptions = [
  { value: "full", label: "Full: everything your role may do" },
  { value: "read", label: "Read only: GET and HEAD" },
];

const expiryOptions = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "366", label: "In a year" },
  { value: "", label: "Never (until revoked)" },
];

function Expiry(props: { token: ApiTokenListing; now: Date }) {
  const { expiresAt } = props.token;
  if (!expiresAt) return <>never</>;
  return (
    <>
      {expiresAt <= props.now ? "expired " : null}
      <Time value={expiresAt} />
    </>
  );
}

function TokenTable(props: {
  tokens: ApiTokenListing[];
  caption: string;
  showOwner: boolean;
  now: Date;
}) {
  if (props.tokens.length === 0) return <p>{props.caption}: none.</p>;
  const columns = [
    "Name",
    ...(props.showOwner ? ["Owner"] : []),
    "Starts with",
    "Scope",
    "Created",
    "Expires",
    "Last used",
    "Action",
  ];
  return (
    <CardTable caption={props.caption} columns={columns}>
      {props.tokens.map((token) => (
        <tr>
          <td data-label="Name">{token.name}</td>
          {props.showOwner ? (
            <td data-label="Owner" class="mono">
              {token.userEmail}
            </td>
          ) : null}
          <td data-label="Starts with" class="mono">
            {token.prefix}…
          </td>
          <td data-label="Scope">{token.scope === "read" ? "read only" : "full"}</td>
          <td data-label="Created">
            <Time value={token.createdAt} />
          </td>
          <td data-label="Expires">
            <Expiry token={token} now={props.now} />
          </td>
          <td data-label="Last used">
            {token.lastUsedAt ? <Time value={token.lastUsedAt} /> : "never"}
          </td>
          <td data-label="Action">
            <ButtonForm action={`/admin/tokens/${token.id}/revoke`} tone="danger">
              Revoke<span class="visually-hidden"> token {token.name}</span>
            </ButtonForm>
          </td>
        </tr>
      ))}
    </CardTable>
  );
}

function TokensPage(state: TokensState) {
  const errors = state.errors ?? {};
  const field = formFields(state.values ?? {}, errors);
  return (
    <>
      <h1>API tokens</h1>
      <p>
        A personal token lets a script call the API as you, with your role: send it as{" "}
        <code>Authorization: Bearer &lt;token&gt;</code>. Revoke a token as soon as it is no longer
        needed or may have leaked.
      </p>
      {state.created ? (
        <SecretBox
          name="token"
          label={`Your new token "${state.created.name}"`}
          value={state.created.token}
          hint="Copy it now and keep it somewhere safe. Only a hash is stored, so it cannot be shown again."
        />
      ) : null}
      <ErrorSummary
        errors={errors}
        labels={{ name: "Token name", scope: "What it may do", expiresInDays: "Expires" }}
      />
      <h2 id="new-token">Create a token</h2>
      <PostForm action="/admin/tokens" labelledBy="new-token">
        <Field
          label="Token name"
          {...field("name")}
          autocomplete="off"
          hint="What it is for, e.g. the script or machine that uses it."
          maxlength={100}
          required
        />
        <SelectField
          label="What it may do"
          {...field("scope")}
          value={state.values?.scope ?? "full"}
          options={scopeOptions}
          hint="A read-only token suits reports and dashboards: if it leaks, nothing can be changed with it."
        />
        <SelectField
          label="Expires"
          {...field("expiresInDays")}
          value={state.values?.expiresInDays ?? "90"}
          options={expiryOptions}
        />
        <Submit>Create token</Submit>
      </PostForm>
      <h2>Your tokens</h2>
      <TokenTable tokens={state.own} caption="Your live tokens" showOwner={false} now={state.now} />
      {state.others ? (
        <>
          <h2>Everyone else's tokens</h2>
          <TokenTable
            tokens={state.others}
            caption="Other staff's live tokens"
            showOwner
            now={state.now}
          />
        </>
      ) : null}
    </>
  );
}

async function render(
  c: StaffContext,
  deps: AppDeps,
  extra: Partial<Omit<TokensState, "now">> = {},
  status = 200,
) {
  const me = c.var.staff;
  const own = await tokensFor(deps, me, "own");
  const others =
    me.role === "admin"
      ? (await tokensFor(deps, me, "all")).filter((t) => t.userId !== me.id)
      : null;
  c.status(status as 200);
  return c.render(<TokensPage own={own} others={others} now={deps.clock.now()} {...extra} />, {
    title: "API tokens",
  });
}

export const showTokens = (deps: AppDeps) => (c: StaffContext) => render(c, deps);

export function submitNewToken(deps: AppDeps) {
  return async (c: StaffContext) => {
    const values = await readForm(c);
    const parsed = parseForm(newTokenSchema, {
      name: values.name ?? "",
      scope: values.scope || undefined,
      // The select's "never" option is an empty value.
      expiresInDays: values.expiresInDays ? values.expiresInDays : null,
    });
    if (!parsed.ok) return render(c, deps, { values, errors: parsed.errors }, 422);
    const { token } = await createToken(deps, c.var.actor, c.var.staff, parsed.data);
    // Rendered, not redirected: the token exists only in this response.
    return render(c, deps, { created: { name: parsed.data.name, token } }, 201);
  };
}

export function submitRevokeToken(deps: AppDeps) {
  return async (c: StaffContext) => {
    const id = Number(c.req.param("id"));
    try {
      if (!Number.isSafeInteger(id))
        throw problems.notFound("There is no live token with this id.");
      await revokeToken(deps, c.var.actor, c.var.staff, id);
    } catch (error) {
      return render(c, deps, { errors: errorsFromProblem(error) }, 404);
    }
    return c.redirect("/admin/tokens?notice=token-revoked", 303);
  };
}
