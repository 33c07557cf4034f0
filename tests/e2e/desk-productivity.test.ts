import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStaff, escalateByApi, fileByApi, signIn } from "./desk-fixtures.ts";
import { type Harness, startHarness } from "./harness.ts";

const AGENT = "bulk.agent@partner.example";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await addStaff(harness.databasePath, [{ email: AGENT, role: "agent" }]);
});
afterAll(async () => {
  await harness?.stop();
});

describe("the desk's productivity tools", () => {
  it("an agent tags a request, saves a view of the tag, and bulk-closes it with one the operator holds", async () => {
    const origin = harness.server.url;
    const duplicate = await fileByApi(origin, "Duplicate of the mail outage");
    const withOperator = await fileByApi(origin, "Mailbox cannot be restored");
    const context = await harness.browser.newContext();
    const page = await signIn(context, origin, AGENT);
    await escalateByApi(page, origin, withOperator.number);

    for (const number of [duplicate.number, withOperator.number]) {
      await page.goto(`${origin}/admin/requests/${number}`);
      await page.getByLabel("Tags", { exact: true }).fill("outage, Mail");
      await page.getByRole("button", { name: "Save tags" }).click();
      await page.waitForURL(/notice=tags-changed/);
    }

    await page.goto(`${origin}/admin/queue`);
    await page.locator("#field-tag").selectOption("outage");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/tag=outage/);
    await page.getByLabel("Save these filters as a view named").fill("Mail outage");
    await page.getByRole("button", { name: "Save view" }).click();
    await page.waitForURL(/notice=view-saved/);
    expect(await page.locator("[data-view] .badge").first().textContent()).toBe("2");

    await page.getByLabel(`Select ${duplicate.number}`).check();
    await page.getByLabel(`Select ${withOperator.number}`).check();
    await page.getByLabel("Action", { exact: true }).selectOption("close");
    await page.getByRole("button", { name: "Apply to the ticked requests" }).click();
    await page.getByText("1 changed, 1 left as they were.").waitFor();
    const refused = page.locator('[data-bulk-result="refused"]');
    expect(await refused.textContent()).toContain(withOperator.number);
    expect(await refused.textContent()).toContain("Not changed:");
    expect(await page.locator('[data-bulk-result="changed"]').textContent()).toContain(
      "Done: now Closed.",
    );
    await context.close();
  });
});
