import { staffWithToken } from "./staff.ts";
import { postJson, readJson, type TestApp, validRequest } from "./test-app.ts";

let agents = 0;

/**
 * A filed request escalated through the JSON API with a complete packet, as
 * the desk would; returns the escalation's id and the request number.
 */
export async function escalatedRequest(test: TestApp, overrides: Record<string, unknown> = {}) {
  const agent = await staffWithToken(
    test.db,
    "agent",
    `escalating.agent.${++agents}@partner.example`,
  );
  const filed = await readJson(
    await postJson(test.app, "/api/v1/requests", { ...validRequest, severity: "A", ...overrides }),
  );
  const number = filed.number as string;
  const draft = await readJson(
    await test.app.request(`/api/v1/desk/requests/${number}/escalation-draft`, {
      headers: agent.headers,
    }),
  );
  const response = await test.app.request(`/api/v1/desk/requests/${number}/escalations`, {
    method: "POST",
    headers: agent.headers,
    body: JSON.stringify({
      version: draft.version,
      packet: {
        ...draft.packet,
        stepsTried: ["Reset the password and cleared stored credentials on two desktops"],
        selfHelpOffered: true,
      },
    }),
  });
  if (response.status !== 201) throw new Error(`Escalating failed with ${response.status}.`);
  const escalation = await readJson(response);
  return { id: escalation.id as number, number, version: escalation.version as number };
}
