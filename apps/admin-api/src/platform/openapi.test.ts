import { describe, expect, it } from "vitest";
import { readJson, testApp } from "../../test/test-app.ts";

type Schema = { $ref?: string; type?: string; properties?: object; items?: Schema };

describe("the OpenAPI document", () => {
  it("describes the shape of every successful JSON answer, not just 'an object'", async () => {
    const { app } = await testApp();
    const doc = await readJson(await app.request("/api/v1/openapi.json"));
    const resolve = (schema: Schema): Schema =>
      schema.$ref ? resolve(doc.components.schemas[schema.$ref.split("/").pop() ?? ""]) : schema;
    const vague: string[] = [];
    for (const [path, operations] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const responses = (operation as { responses: Record<string, unknown> }).responses;
        for (const [status, response] of Object.entries(responses)) {
          if (!status.startsWith("2")) continue;
          const content = (response as { content?: Record<string, { schema: Schema }> }).content;
          const schema = content?.["application/json"]?.schema;
          if (!schema) continue;
          const shape = resolve(schema);
          if (shape.type === "object" && !shape.properties)
            vague.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(vague).toEqual([]);
  });
});
