import { Time } from "../../platform/console/ui.tsx";

export interface ClockView {
  readonly state: string;
  readonly dueAt: string;
  readonly breached: boolean;
  readonly atRisk: boolean;
}

/** The badge says it in words, so the state never depends on colour. */
function badge(clock: ClockView): string | null {
  if (clock.breached) return "Breached";
  if (clock.atRisk) return "At risk";
  if (clock.state === "met") return "Met";
  if (clock.state === "paused") return "Paused";
  return null;
}

/** "Due 2026-11-21 10:30 UTC — Breached". */
export function SlaClock({ clock }: { clock: ClockView }) {
  const text = badge(clock);
  return (
    <span class="sla-clock">
      Due <Time value={new Date(clock.dueAt)} />
      {text ? (
        <>
          {" "}
          <strong class={`badge badge-${text.toLowerCase().replace(" ", "-")}`}>{text}</strong>
        </>
      ) : null}
    </span>
  );
}
