import { expect, it } from "vitest";

it("fails on purpose, so the run around it must fail", () => {
  expect("the truth").toBe("not the truth");
});
