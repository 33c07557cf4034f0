import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ConfigData, HtmlValidate } from "html-validate";
import { repositoryRoot } from "./server-process.ts";

/** The project's one conformance configuration, shared with anyone running html-validate by hand. */
const configPath = join(repositoryRoot, ".htmlvalidate.json");
const config: ConfigData = existsSync(configPath)
  ? (JSON.parse(readFileSync(configPath, "utf8")) as ConfigData)
  : { extends: ["html-validate:standard"] };

const validator = new HtmlValidate(config);

/** The conformance errors of one HTML document, one line each: `line:column rule: message`. */
export async function htmlErrors(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((result) =>
    result.messages
      .filter((message) => message.severity === 2)
      .map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}
