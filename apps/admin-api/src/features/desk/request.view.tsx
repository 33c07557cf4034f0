import { Time } from "../../platform/console/ui.tsx";
import {
  categoryName,
  languageName,
  serviceName,
  severityName,
  slaWord,
  statusName,
} from "../../platform/console/words.ts";
import type { AppDeps } from "../../platform/deps.ts";
import { ActingOnBehalfSection } from "../admin-portals/acting-on-behalf.tsx";
import { AttachmentList } from "../attachments/attachment-list.tsx";
import type { escalationView } from "../escalations/escalations.use-cases.ts";
import type { deskView } from "./desk.use-cases.ts";

// The read-only parts of a request's page: what the desk knows about it.

export type DeskView = Awaited<ReturnType<typeof deskView>>;
export type EscalationView = ReturnType<typeof escalationView>;
type TimelineEntry = DeskView["timeline"][number];

const at = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

export function Summary({ deps, view }: { deps: AppDeps; view: DeskView }) {
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">The request</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd data-status={view.status}>{statusName(view.status)}</dd>
        <dt>Severity</dt>
        <dd>{severityName(view.severity)}</dd>
        <dt>Category</dt>
        <dd>{categoryName(view.category)}</dd>
        <dt>Service</dt>
        <dd>{serviceName(deps.config.services, view.service)}</dd>
        <dt>Customer's language</dt>
        <dd data-language={view.locale}>
          {languageName(view.locale)}: replies and the resolution go to the customer as written, so
          write them in this language
        </dd>
        {view.customerTime ? (
          <>
            <dt>Customer's local time</dt>
            <dd data-customer-time={view.customerTime.timeZone}>
              {view.customerTime.local} ({view.customerTime.timeZone})
            </dd>
          </>
        ) : null}
        <dt>Assignee</dt>
        <dd data-assignee>{view.assignee?.name ?? "Nobody"}</dd>
        <dt>Filed</dt>
        <dd>
          <Time value={at(view.createdAt)} />
        </dd>
        {view.satisfaction ? (
          <>
            <dt>Customer rating</dt>
            <dd data-satisfaction={view.satisfaction.rating}>
              {view.satisfaction.rating === "good" ? "Good" : "Bad"}
              {view.satisfaction.comment ? `: “${view.satisfaction.comment}”` : ""}
            </dd>
          </>
        ) : null}
        {view.mergedInto ? (
          <>
            <dt>Merged into</dt>
            <dd>
              <a href={`/admin/requests/${view.mergedInto}`}>{view.mergedInto}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <h3>Description</h3>
      <p class="message-body">{view.description}</p>
      {view.duplicates.length > 0 ? (
        <>
          <h3>Duplicates merged into this request</h3>
          <ul>
            {view.duplicates.map((d) => (
              <li>
                <a href={`/admin/requests/${d.number}`}>{d.number}</a>: {d.subject}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function Customer({ deps, view }: { deps: AppDeps; view: DeskView }) {
  const customer = view.customer;
  return (
    <section aria-labelledby="customer-title">
      <h2 id="customer-title">Customer</h2>
      <p>
        {view.contact.name} (<span class="mono">{view.contact.email}</span>) for{" "}
        {customer?.organisation ?? view.organisation}
        {customer ? null : (
          <>
            {" "}
            <span class="badge" data-unknown-organisation>
              Unknown organisation
            </span>
          </>
        )}
      </p>
      {customer ? (
        <>
          <h3>Contacts</h3>
          <ul>
            {customer.contacts.map((contact) => (
              <li>
                {contact.name}, <span class="mono">{contact.email}</span>
                {contact.phone ? `, ${contact.phone}` : null}
              </li>
            ))}
          </ul>
          <h3>Subscriptions</h3>
          {customer.subscriptions.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul>
              {customer.subscriptions.map((s) => (
                <li>
                  {serviceName(deps.config.services, s.service)}: {s.seats} seats, {s.status},
                  renews <Time value={at(s.renewalDate)} />
                </li>
              ))}
            </ul>
          )}
          <ActingOnBehalfSection
            organisation={customer.organisation}
            acting={customer.actingOnBehalf}
            headingLevel="h3"
          />
        </>
      ) : (
        <p>No customer matched this organisation: check who they are before promising anything.</p>
      )}
    </section>
  );
}

type Clock = { state: string; dueAt: string; breached: boolean; atRisk: boolean };

function ClockLine({ name, clock }: { name: string; clock: Clock }) {
  const state = clock.breached ? "breached" : clock.atRisk ? "at-risk" : clock.state;
  return (
    <li data-clock={name}>
      {name}: due <Time value={at(clock.dueAt)} />{" "}
      <span class={`badge badge-${state}`} data-sla={state}>
        {slaWord(state)}
      </span>
    </li>
  );
}

export function Sla({ view, escalation }: { view: DeskView; escalation: EscalationView | null }) {
  return (
    <section aria-labelledby="sla-title">
      <h2 id="sla-title">Service levels</h2>
      <h3>The partner's SLA</h3>
      <ul>
        <ClockLine name="First response" clock={view.sla.firstResponse} />
        <ClockLine name="Resolution" clock={view.sla.resolution} />
      </ul>
      {escalation ? (
        <>
          <h3>The operator's SLA</h3>
          <p>
            Escalation status: <span data-escalation-status>{escalation.status}</span>
            {escalation.operatorReference
              ? `, operator reference ${escalation.operatorReference}`
              : null}
            .
          </p>
          <ul>
            <ClockLine
              name="Operator first response"
              clock={escalation.operatorSla.firstResponse}
            />
            <ClockLine name="Operator resolution" clock={escalation.operatorSla.resolution} />
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Articles by title, each linked in the customer's language, with what readers thought of it. */
function ArticleList(props: { view: DeskView; slugs: readonly string[]; label: string }) {
  const { titles, feedback } = props.view.helpCenter;
  const votes = new Map(feedback.map((f) => [f.article, f]));
  return (
    <>
      <h3>{props.label}</h3>
      <ul data-articles={props.label}>
        {props.slugs.map((slug) => {
          const vote = votes.get(slug);
          return (
            <li>
              <a href={`/${props.view.locale}/articles/${slug}/`}>{titles[slug] ?? slug}</a>
              {vote
                ? ` (readers found it helpful ${vote.helpful}, not helpful ${vote.notHelpful})`
                : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function HelpCenterTrail({ view }: { view: DeskView }) {
  const { suggestedArticles, openedArticles } = view.helpCenter;
  const opened = [...new Set(openedArticles)];
  const onlySuggested = [...new Set(suggestedArticles)].filter((s) => !opened.includes(s));
  return (
    <section aria-labelledby="trail-title">
      <h2 id="trail-title">What the customer saw in the help center</h2>
      {opened.length === 0 && onlySuggested.length === 0 ? (
        <p>No articles were suggested or opened before filing.</p>
      ) : null}
      {opened.length ? <ArticleList view={view} slugs={opened} label="Opened" /> : null}
      {onlySuggested.length ? (
        <ArticleList view={view} slugs={onlySuggested} label="Suggested, not opened" />
      ) : null}
    </section>
  );
}

export function Incidents({ view }: { view: DeskView }) {
  return (
    <section aria-labelledby="incidents-title">
      <h2 id="incidents-title">Incidents</h2>
      {view.incident ? (
        <p>
          Linked to incident #{view.incident.id} ({view.incident.impact}, {view.incident.status}):{" "}
          {view.incident.message.en ?? ""}
        </p>
      ) : null}
      {view.activeIncidents.length === 0 ? (
        <p>No incident is going on for this service.</p>
      ) : (
        <ul>
          {view.activeIncidents.map((i) => (
            <li>
              Incident #{i.id}: {i.impact}, {i.status} since <Time value={at(i.startedAt)} />.{" "}
              {i.message.en ?? Object.values(i.message)[0] ?? ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Says who sees an entry in words, so internal ones are never told apart by colour alone. */
function entryLabel(entry: TimelineEntry): string {
  const internal = "internal, not shown to the customer";
  switch (entry.type) {
    case "created":
      return "Request filed by the customer";
    case "customer-message":
      return "Message from the customer";
    case "reply":
      return entry.kind === "reply" ? "Reply to the customer — emailed" : "Message to the customer";
    case "internal-note":
      if (entry.kind === "satisfaction") return `Rating from the customer — ${internal}`;
      return entry.kind === "note"
        ? "Internal note — not shown to the customer"
        : `Desk change — ${internal}`;
    case "escalation":
      return `Escalation to the operator — ${internal}`;
    case "operator-update":
      return `Operator update — ${internal}`;
    case "assignment":
      return `Assignment — ${internal}`;
    case "status-change":
      return entry.internal
        ? `Status change — ${internal}`
        : "Status change — the customer sees it";
    default:
      return entry.internal ? `Internal — not shown to the customer` : "Public";
  }
}

export function Timeline({ view }: { view: DeskView }) {
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol class="timeline">
        {view.timeline.map((entry) => (
          <li
            class={entry.internal ? "entry internal" : "entry"}
            data-event={entry.type}
            data-internal={entry.internal ? "true" : "false"}
          >
            <p class="entry-head">
              <strong>{entryLabel(entry)}</strong>
              <span>
                {entry.by ?? entry.actor}, <Time value={at(entry.createdAt)} />
              </span>
            </p>
            {entry.summary ? <p>{entry.summary}</p> : null}
            {entry.body ? <p class="message-body">{entry.body}</p> : null}
            <AttachmentList
              files={entry.attachments}
              hrefOf={(id) => `/api/v1/desk/requests/${view.number}/attachments/${id}`}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
