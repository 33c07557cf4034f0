import type { StaffContext } from "../../platform/app-env.ts";
import { ButtonForm, PostForm, Submit } from "../../platform/console/form-layout.tsx";
import {
  errorsFromProblem,
  type FormErrors,
  parseForm,
  pathId,
  readForm,
} from "../../platform/console/forms.ts";
import { ErrorSummary, Field } from "../../platform/console/ui.tsx";
import type { AppDeps } from "../../platform/deps.ts";
import { queueHref, type RawQuery, rawFromSearch } from "../queue/queue.query.ts";
import { removeView, savedViewSchema, saveView, type viewsFor } from "./saved-views.use-cases.ts";

type View = Awaited<ReturnType<typeof viewsFor>>[number];

/** The query string of the filters shown, carried by the save form. */
const searchOf = (raw: RawQuery) => queueHref(raw).split("?")[1] ?? "";

/** Above the queue: the views with their counts, and saving the filters on show as one. */
export function SavedViews(props: { views: readonly View[]; raw: RawQuery; admin: boolean }) {
  return (
    <section aria-labelledby="views-title" class="saved-views">
      <h2 id="views-title">Views</h2>
      {props.views.length === 0 ? (
        <p>No saved views yet: filter the queue, then save the filters below.</p>
      ) : (
        <ul>
          {props.views.map((view) => (
            <li data-view={view.id}>
              <a href={view.href}>{view.name}</a> <span class="badge">{view.count ?? "—"}</span>
              {view.shared ? " (the desk's)" : ""}
              {!view.shared || props.admin ? (
                <ButtonForm action={`/admin/queue/views/${view.id}/delete`} tone="secondary">
                  Delete<span class="visually-hidden"> the view {view.name}</span>
                </ButtonForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <PostForm action="/admin/queue/views" label="Save these filters as a view">
        <input type="hidden" name="query" value={searchOf(props.raw)} />
        <Field
          label="Save these filters as a view named"
          name="name"
          id="view-name"
          maxlength={60}
        />
        {props.admin ? (
          <div class="field checkbox">
            <label>
              <input type="checkbox" name="shared" value="yes" /> Share it with the whole desk
            </label>
          </div>
        ) : null}
        <Submit tone="secondary">Save view</Submit>
      </PostForm>
    </section>
  );
}

function notSaved(c: StaffContext, errors: FormErrors, query: RawQuery) {
  c.status(422);
  return c.render(
    <>
      <h1>The view was not saved</h1>
      <ErrorSummary errors={errors} labels={{ name: "Name", query: "Filters" }} />
      <p>
        <a href={queueHref(query)}>Back to the queue with these filters</a>
      </p>
    </>,
    { title: "The view was not saved" },
  );
}

export function submitView(deps: AppDeps) {
  return async (c: StaffContext) => {
    const values = await readForm(c);
    const query = rawFromSearch(values.query ?? "");
    const parsed = parseForm(savedViewSchema, {
      name: values.name ?? "",
      query,
      shared: values.shared === "yes",
    });
    if (!parsed.ok) return notSaved(c, parsed.errors, query);
    try {
      const saved = await saveView(deps, c.var.actor, parsed.data);
      const mark = saved.href.includes("?") ? "&" : "?";
      return c.redirect(`${saved.href}${mark}notice=view-saved`, 303);
    } catch (error) {
      return notSaved(c, errorsFromProblem(error), query);
    }
  };
}

export function submitViewDelete(deps: AppDeps) {
  return async (c: StaffContext) => {
    await removeView(deps, c.var.actor, pathId(c, "id", "There is no such view."));
    return c.redirect("/admin/queue?notice=view-deleted", 303);
  };
}
