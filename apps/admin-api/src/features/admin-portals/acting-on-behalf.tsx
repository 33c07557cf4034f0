import { Notice, Time } from "../../platform/console/ui.tsx";
import type { actingOnBehalf, PortalLink } from "./admin-portals.use-cases.ts";

export type ActingOnBehalf = Awaited<ReturnType<typeof actingOnBehalf>>;

const at = (iso: string | null) => (iso ? new Date(iso) : null);

/** The delegated admin relationship in words, flagged unless it is granted for a while yet. */
export function DelegatedAccessLine(props: { organisation: string; acting: ActingOnBehalf }) {
  const access = props.acting.delegatedAccess;
  switch (access.state) {
    case "granted":
      return (
        <p data-delegated-access="granted">
          Delegated admin access: granted until <Time value={at(access.until)} />.
        </p>
      );
    case "expiring":
      return (
        <Notice tone="warning">
          <span data-delegated-access="expiring">
            Delegated admin access ends in {access.daysLeft} days (
            <Time value={at(access.until)} />
            ): ask {props.organisation} to renew it before you promise work in its tenant.
          </span>
        </Notice>
      );
    case "expired":
      return (
        <Notice tone="warning">
          <span data-delegated-access="expired">
            Delegated admin access expired on <Time value={at(access.until)} />: you cannot act in{" "}
            {props.organisation}'s tenant until the customer grants it again.
          </span>
        </Notice>
      );
    default:
      return (
        <Notice tone="warning">
          <span data-delegated-access="none">
            {props.organisation} has not granted delegated admin access: you cannot act in its
            tenant. Ask the customer before you promise a fix.
          </span>
        </Notice>
      );
  }
}

function PortalItem(props: { link: PortalLink; organisation: string; text: string }) {
  if (props.link.openPath) {
    return (
      <li>
        <a href={props.link.openPath} target="_blank" rel="noopener">
          {props.text}
        </a>
      </li>
    );
  }
  return (
    <li>
      {props.text}:{" "}
      {props.link.missing === "tenant"
        ? `set ${props.organisation}'s tenant domain first.`
        : "add the operator's subscription id to the subscription first."}
    </li>
  );
}

/**
 * Acting for the customer: the relationship that allows it, and the
 * operator's portals to do it in. Users are managed in the operator's
 * admin center, never here.
 */
export function ActingOnBehalfSection(props: {
  organisation: string;
  acting: ActingOnBehalf;
  headingLevel?: "h2" | "h3";
}) {
  const Heading = props.headingLevel ?? "h2";
  const { portals, userAdmin } = props.acting;
  return (
    <section aria-labelledby="acting-title">
      <Heading id="acting-title">Act on the customer's behalf</Heading>
      <DelegatedAccessLine organisation={props.organisation} acting={props.acting} />
      {portals.length === 0 ? (
        <p>No admin portal is set for the services {props.organisation} has.</p>
      ) : (
        <ul>
          {portals.map((link) => (
            <PortalItem
              link={link}
              organisation={props.organisation}
              text={`Open the ${link.label} admin portal for ${props.organisation}`}
            />
          ))}
        </ul>
      )}
      <p>
        {props.organisation}'s users are managed in the operator's admin center, not in Frontline.
      </p>
      {userAdmin ? (
        <ul>
          <PortalItem
            link={userAdmin}
            organisation={props.organisation}
            text={`Open the admin center for ${props.organisation}`}
          />
        </ul>
      ) : null}
    </section>
  );
}
