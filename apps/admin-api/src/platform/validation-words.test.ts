import { describe, expect, it } from "vitest";
import { postJson, readJson, testApp, validRequest } from "../../test/test-app.ts";

/** The messages a refused filing lists, by field. */
async function refused(body: object) {
  const { app } = await testApp();
  const response = await postJson(app, "/api/v1/requests", body);
  expect(response.status).toBe(422);
  const problem = await readJson(response);
  return Object.fromEntries(
    problem.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
  );
}

// What zod says by default, written for programmers: none of it may reach a person.
const programmerWords = /Too (small|big)|expected |Invalid (input|option)|>=|<=/;

describe("validation messages", () => {
  it("are written for people, with numbers formatted", async () => {
    const messages = await refused({
      ...validRequest,
      subject: "",
      description: "x".repeat(10_001),
      severity: "Z",
      email: "not an address",
      name: undefined,
      organisation: 42,
    });
    expect(messages).toEqual({
      subject: "Fill this in.",
      description: "Use at most 10,000 characters.",
      severity: expect.stringMatching(/^Choose one of: A, B, C/),
      email: "Enter an email address like name@example.com.",
      name: "This field is required.",
      organisation: "Give a text here.",
    });
    for (const message of Object.values(messages)) {
      expect(message).not.toMatch(programmerWords);
    }
  });

  it("keep a schema's own words where it has them", async () => {
    const messages = await refused({ ...validRequest, subject: "Mail\u0000down" });
    expect(messages.subject).toBe("Control characters are not allowed.");
  });
});
