import { createApiToken, createStaffUser, type Db } from "@frontline/db";
import { newApiToken } from "../apps/admin-api/src/platform/auth.ts";
import { systemClock } from "../apps/admin-api/src/platform/deps.ts";

/** An agent with a read-only API token, for benchmarks that call the queue; returns the bearer token. */
export async function addBenchAgent(db: Db): Promise<string> {
  const now = systemClock.now();
  const user = await createStaffUser(
    db,
    { email: "bench@partner.example", name: "Bench", role: "agent", passwordHash: "scrypt$unused" },
    now,
  );
  const token = newApiToken();
  await createApiToken(
    db,
    {
      userId: user.id,
      name: "bench",
      tokenHash: token.hash,
      prefix: token.prefix,
      scope: "read",
      expiresAt: null,
    },
    now,
  );
  return token.token;
}
