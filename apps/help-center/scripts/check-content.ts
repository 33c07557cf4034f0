/**
 * Checks every article before the site is built, so an author's mistake
 * fails with file and line instead of shipping. Usage:
 *   npm run check:content [-- <content folder>]
 */
import { resolve } from "node:path";
import { checkContent, formatIssue } from "../src/content-check/checks.ts";
import { readContentDir } from "../src/content-check/source.ts";

const dir = resolve(process.argv[2] ?? process.env.FRONTLINE_CONTENT_DIR ?? "../../content");
const { articles, strayFiles } = readContentDir(dir);
const issues = checkContent(articles, { strayFiles });
for (const issue of issues) console.error(formatIssue(issue));
const errors = issues.filter((i) => i.severity === "error").length;
const warnings = issues.length - errors;
console.error(
  `Checked ${articles.length} articles in ${dir}: ${errors} errors, ${warnings} warnings.`,
);
process.exit(errors > 0 ? 1 : 0);
