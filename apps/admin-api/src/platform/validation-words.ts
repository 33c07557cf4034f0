import { z } from "zod";

/**
 * zod's own messages are written for programmers ("Too small: expected
 * string to have >=1 characters") and reach people through the console's
 * forms and the API's problem+json alike. These are the words for every
 * schema the server checks with; zod uses them only where a schema gave no
 * message of its own, so a schema's specific words still win.
 */
type Issue = Parameters<NonNullable<NonNullable<Parameters<typeof z.config>[0]>["customError"]>>[0];

const count = (n: unknown) => Number(n).toLocaleString("en");

const typeWords: Record<string, string> = {
  string: "a text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  date: "a date",
};

export function wordIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") {
        return Number(issue.minimum) <= 1 || issue.input === ""
          ? "Fill this in."
          : `Use at least ${count(issue.minimum)} characters.`;
      }
      if (issue.origin === "array" || issue.origin === "set") {
        return `Give at least ${count(issue.minimum)}.`;
      }
      return `Use ${count(issue.minimum)} or more.`;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${count(issue.maximum)} characters.`;
      if (issue.origin === "array" || issue.origin === "set") {
        return `Give at most ${count(issue.maximum)}.`;
      }
      return `Use ${count(issue.maximum)} or less.`;
    case "invalid_type":
      if (issue.input === undefined) return "This field is required.";
      return `Give ${typeWords[issue.expected] ?? issue.expected} here.`;
    case "invalid_format":
      if (issue.format === "email") return "Enter an email address like name@example.com.";
      if (issue.format === "url") return "Enter an address like https://example.com.";
      if (issue.format === "datetime" || issue.format === "date") {
        return "Enter a date and time like 2026-12-02T09:30:00Z.";
      }
      return "This is not in the expected format.";
    case "invalid_value":
      return `Choose one of: ${issue.values.map(String).join(", ")}.`;
    case "not_multiple_of":
      return `Use a multiple of ${count(issue.divisor)}.`;
    default:
      return undefined;
  }
}

z.config({ customError: wordIssue });
