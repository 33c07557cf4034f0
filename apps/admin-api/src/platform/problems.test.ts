import { describe, expect, it } from "vitest";
import { Problem } from "./problem.ts";
import { problems } from "./problems.ts";

/** One sample of each entry, with whatever arguments it needs. */
const samples = Object.entries(problems).map(([name, make]) => {
  const args: Record<string, unknown[]> = {
    tokenExpired: [new Date("2026-12-01T00:00:00Z")],
    payloadTooLarge: [65_536],
    fileTooLarge: [10_485_760],
    fileTypeRefused: [["png", "pdf"]],
    rateLimited: ["Try again in 5 seconds.", 5],
    duplicateTenant: [[]],
    escalationNotReady: ["missing", []],
    validation: [[{ field: "x", message: "Wrong.", code: "invalid" }]],
  };
  const problem = (make as (...a: unknown[]) => Problem)(...(args[name] ?? ["detail"]));
  return { name, problem };
});

describe("the problem catalogue", () => {
  it("gives every kind of error a status, a type and a title", () => {
    for (const { name, problem } of samples) {
      expect(problem, name).toBeInstanceOf(Problem);
      expect(problem.status, name).toBeGreaterThanOrEqual(400);
      expect(problem.slug, name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(problem.title.length, name).toBeGreaterThan(5);
    }
  });

  it("keeps each type to one status, so a client can rely on either", () => {
    const statusOf = new Map<string, number>();
    for (const { name, problem } of samples) {
      const known = statusOf.get(problem.slug);
      if (known !== undefined) expect(problem.status, name).toBe(known);
      statusOf.set(problem.slug, problem.status);
    }
    expect(statusOf.size).toBeGreaterThan(20);
  });
});
