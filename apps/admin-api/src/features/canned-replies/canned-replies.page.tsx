import { cannedReplySchema, cannedReplyStatuses, locales } from "@frontline/core";
import { getCannedReply } from "@frontline/db";
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
import { CardTable } from "../../platform/console/table.tsx";
import { ErrorSummary, Field, SelectField, TextAreaField } from "../../platform/console/ui.tsx";
import { languageName, statusName } from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { problems } from "../../platform/problems.ts";
import {
  addCannedReply,
  cannedRepliesFor,
  cannedReplyView,
  changeCannedReply,
  removeCannedReply,
} from "./canned-replies.use-cases.ts";

type View = ReturnType<typeof cannedReplyView>;

const labels = {
  title: "Title",
  locale: "Language",
  body: "Text",
  status: "Then set the status to",
};

/** The form of one text, new or to change; admins also choose whether the desk shares it. */
function CannedForm(props: {
  action: string;
  values: FormValues;
  errors: FormErrors;
  admin: boolean;
  submit: string;
}) {
  const field = formFields(props.values, props.errors);
  return (
    <PostForm action={props.action} labelledBy="canned-form-title">
      <Field label={labels.title} {...field("title")} maxlength={120} required />
      <SelectField
        label={labels.locale}
        {...field("locale")}
        options={locales.map((l) => ({ value: l, label: languageName(l) }))}
        hint="Write each text in the language of the customers it is for; the desk offers it first to them."
      />
      <TextAreaField
        label={labels.body}
        {...field("body")}
        rows={8}
        maxlength={10_000}
        hint="Placeholders: {customer.name}, {request.number}, {request.subject}, and {article:reset-your-password} for a link to that help-center article in the customer's language."
      />
      <SelectField
        label={labels.status}
        {...field("status")}
        options={[
          { value: "", label: "Keep the request's status" },
          ...cannedReplyStatuses.map((s) => ({ value: s, label: statusName(s) })),
        ]}
      />
      {props.admin ? (
        <SelectField
          label="Who uses it"
          {...field("shared")}
          options={[
            { value: "", label: "Only me" },
            { value: "yes", label: "The whole desk" },
          ]}
        />
      ) : null}
      <Submit>{props.submit}</Submit>
    </PostForm>
  );
}

function List(props: { items: readonly View[] }) {
  if (props.items.length === 0) return <p>No canned replies yet.</p>;
  return (
    <CardTable caption="Canned replies" columns={["Title", "Language", "Status", "Who", "Action"]}>
      {props.items.map((item) => (
        <tr>
          <td data-label="Title">
            <a href={`/admin/canned-replies/${item.id}`}>{item.title}</a>
          </td>
          <td data-label="Language">{languageName(item.locale)}</td>
          <td data-label="Status">{item.status ? statusName(item.status) : "kept"}</td>
          <td data-label="Who">{item.shared ? "the desk" : "you"}</td>
          <td data-label="Action">
            <ButtonForm action={`/admin/canned-replies/${item.id}/delete`} tone="danger">
              Delete<span class="visually-hidden"> {item.title}</span>
            </ButtonForm>
          </td>
        </tr>
      ))}
    </CardTable>
  );
}

/** The form's text back to the schema's input. */
const inputOf = (values: FormValues) => ({
  title: values.title ?? "",
  locale: values.locale ?? "",
  body: values.body ?? "",
  status: values.status ? values.status : null,
  shared: values.shared === "yes",
});

const valuesOf = (item: View): FormValues => ({
  title: item.title,
  locale: item.locale,
  body: item.body,
  status: item.status ?? "",
  shared: item.shared ? "yes" : "",
});

async function renderList(
  c: StaffContext,
  deps: AppDeps,
  form: { values?: FormValues; errors?: FormErrors } = {},
  status = 200,
) {
  const items = await cannedRepliesFor(deps, c.var.actor);
  c.status(status as 200);
  return c.render(
    <>
      <h1>Canned replies</h1>
      <p>
        Start a reply from one of these on any request: the desk fills in the placeholders and
        offers the texts in the customer's language first. Shared ones are the desk's (admins manage
        them); the others are yours alone.
      </p>
      <List items={items} />
      <h2 id="canned-form-title">Write a canned reply</h2>
      <ErrorSummary errors={form.errors ?? {}} labels={labels} />
      <CannedForm
        action="/admin/canned-replies"
        values={form.values ?? { locale: "en" }}
        errors={form.errors ?? {}}
        admin={c.var.staff.role === "admin"}
        submit="Save canned reply"
      />
    </>,
    { title: "Canned replies" },
  );
}

async function renderOne(
  c: StaffContext,
  deps: AppDeps,
  id: number,
  form: { values?: FormValues; errors?: FormErrors } = {},
  status = 200,
) {
  const row = await getCannedReply(deps.db, id);
  const staff = c.var.staff;
  if (!row || (row.ownerId !== null && row.ownerId !== staff.id)) {
    throw problems.notFound("There is no such canned reply.");
  }
  const item = cannedReplyView(row);
  const mayChange = !item.shared || staff.role === "admin";
  c.status(status as 200);
  return c.render(
    <>
      <p>
        <a href="/admin/canned-replies">All canned replies</a>
      </p>
      <h1 id="canned-form-title">{item.title}</h1>
      <ErrorSummary errors={form.errors ?? {}} labels={labels} />
      {mayChange ? (
        <CannedForm
          action={`/admin/canned-replies/${id}`}
          values={form.values ?? valuesOf(item)}
          errors={form.errors ?? {}}
          admin={staff.role === "admin"}
          submit="Save changes"
        />
      ) : (
        <>
          <p>The desk shares this text; only admins change it.</p>
          <p class="message-body">{item.body}</p>
        </>
      )}
    </>,
    { title: item.title },
  );
}

export const showCannedReplies = (deps: AppDeps) => (c: StaffContext) => renderList(c, deps);
export const showCannedReply = (deps: AppDeps) => (c: StaffContext) =>
  renderOne(c, deps, pathId(c, "id", "There is no such canned reply."));

export function submitCannedReply(deps: AppDeps) {
  return async (c: StaffContext) => {
    const values = keptValues(await readForm(c));
    const parsed = parseForm(cannedReplySchema, inputOf(values));
    if (!parsed.ok) return renderList(c, deps, { values, errors: parsed.errors }, 422);
    try {
      await addCannedReply(deps, c.var.actor, parsed.data);
    } catch (error) {
      return renderList(c, deps, { values, errors: errorsFromProblem(error) }, 403);
    }
    return c.redirect("/admin/canned-replies?notice=canned-saved", 303);
  };
}

export function submitCannedChange(deps: AppDeps) {
  return async (c: StaffContext) => {
    const id = pathId(c, "id", "There is no such canned reply.");
    const values = keptValues(await readForm(c));
    const parsed = parseForm(cannedReplySchema, inputOf(values));
    if (!parsed.ok) return renderOne(c, deps, id, { values, errors: parsed.errors }, 422);
    await changeCannedReply(deps, c.var.actor, id, parsed.data);
    return c.redirect("/admin/canned-replies?notice=canned-saved", 303);
  };
}

export function submitCannedDelete(deps: AppDeps) {
  return async (c: StaffContext) => {
    await removeCannedReply(deps, c.var.actor, pathId(c, "id", "There is no such canned reply."));
    return c.redirect("/admin/canned-replies?notice=canned-deleted", 303);
  };
}
