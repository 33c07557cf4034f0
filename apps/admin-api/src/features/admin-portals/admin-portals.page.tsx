import { portalTemplateSchema } from "@frontline/core";
import type { StaffContext } from "../../platform/app-env.ts";
import { ButtonForm, PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  type FormErrors,
  type FormValues,
  formFields,
  keptValues,
  parseForm,
  pathId,
  readForm,
} from "../../platform/console/forms.ts";
import { ErrorSummary, Field } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import {
  openAdminPortal,
  portalTemplates,
  removePortalTemplate,
  setPortalTemplate,
} from "./admin-portals.use-cases.ts";

type Template = Awaited<ReturnType<typeof portalTemplates>>[number];
interface Refused {
  readonly key: string;
  readonly values: FormValues;
  readonly errors: FormErrors;
}

function PortalForm(props: { portal: Template; refused: Refused | undefined }) {
  const { portal } = props;
  const mine = props.refused?.key === portal.key ? props.refused : undefined;
  const values = mine?.values ?? { urlTemplate: portal.urlTemplate ?? "" };
  const field = formFields(values, mine?.errors ?? {}, (name) => `${name}-${portal.key}`);
  const title = `portal-${portal.key}`;
  return (
    <section aria-labelledby={title}>
      <h2 id={title}>{portal.label}</h2>
      {mine ? <ErrorSummary errors={mine.errors} labels={{ urlTemplate: "Address" }} /> : null}
      <PostForm action={`/admin/portals/${portal.key}`} labelledBy={title}>
        <Field
          label="Address"
          {...field("urlTemplate")}
          type="url"
          spellcheck={false}
          hint="https://…, with {tenant} for the customer's tenant domain and {subscription} for the operator's subscription id."
        />
        <Submit>Save {portal.label}</Submit>
      </PostForm>
      {portal.urlTemplate ? (
        <ButtonForm action={`/admin/portals/${portal.key}/remove`} tone="danger">
          Remove<span class="visually-hidden"> {portal.label}</span>
        </ButtonForm>
      ) : null}
    </section>
  );
}

async function render(c: StaffContext, deps: AppDeps, refused?: Refused) {
  const portals = await portalTemplates(deps);
  c.status(refused ? 422 : 200);
  return c.render(
    <>
      <h1>Admin portals</h1>
      <p>
        The operator's admin portal for each service. Customer and request pages link to it for the
        customer at hand, and every use is written to the audit log. Tenant users are managed in the
        operator's admin center, the last entry.
      </p>
      {portals.map((portal) => (
        <PortalForm portal={portal} refused={refused} />
      ))}
    </>,
    { title: "Admin portals" },
  );
}

export const showPortals = (deps: AppDeps) => (c: StaffContext) => render(c, deps);

export function submitPortal(deps: AppDeps) {
  return async (c: StaffContext) => {
    const key = c.req.param("key") ?? "";
    const values = keptValues(await readForm(c));
    const parsed = parseForm(portalTemplateSchema, { urlTemplate: values.urlTemplate ?? "" });
    if (!parsed.ok) return render(c, deps, { key, values, errors: parsed.errors });
    await setPortalTemplate(deps, c.var.actor, key, parsed.data);
    return c.redirect("/admin/portals?notice=portal-saved", 303);
  };
}

export function submitPortalRemoval(deps: AppDeps) {
  return async (c: StaffContext) => {
    await removePortalTemplate(deps, c.var.actor, c.req.param("key") ?? "");
    return c.redirect("/admin/portals?notice=portal-removed", 303);
  };
}

/**
 * Follows a portal link from a customer or request page: audited, then
 * sent on. Only from the console itself, so a link elsewhere cannot write
 * "opened" into the audit log on an agent's behalf.
 */
export function openPortal(deps: AppDeps) {
  return async (c: StaffContext) => {
    if (c.req.header("Sec-Fetch-Site") === "cross-site") {
      throw problems.forbidden("Open the portal from the customer's page in the console.");
    }
    const url = await openAdminPortal(deps, c.var.actor, pathId(c, "id"), c.req.param("key") ?? "");
    return c.redirect(url, 302);
  };
}
