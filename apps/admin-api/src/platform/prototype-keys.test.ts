import { describe, expect, it } from "vitest";
import { signedInBrowser } from "../../test/browser.ts";
import { testApp } from "../../test/test-app.ts";

/** Names every plain object answers to: a lookup table keyed by user input must not find them. */
const prototypeKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
];

describe("names of Object's prototype in addresses", () => {
  it("never reach a plain-object lookup: every route answers 4xx or 2xx for them, as a path parameter or a query key", async () => {
    const test = await testApp();
    const admin = await signedInBrowser(test.app, test.db, "admin");
    const routes = new Set<string>();
    for (const route of test.app.routes) {
      if (route.method === "ALL" || !/^\/(api|admin)\//.test(route.path)) continue;
      routes.add(`${route.method} ${route.path}`);
    }
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      const [method = "GET", pattern = ""] = route.split(" ");
      for (const key of prototypeKeys) {
        const path = pattern
          .replace(/:[A-Za-z]+(\{[^}]*\})?/g, encodeURIComponent(key))
          .replace("*", key);
        const url = `${path}?${encodeURIComponent(key)}=1&locale=${encodeURIComponent(key)}`;
        const isForm = pattern.startsWith("/admin/");
        const response = await admin.browser.request(url, {
          method,
          headers: {
            "X-CSRF-Token": admin.csrf,
            "Content-Type": isForm ? "application/x-www-form-urlencoded" : "application/json",
          },
          ...(method === "GET"
            ? {}
            : {
                body: isForm
                  ? new URLSearchParams({ _csrf: admin.csrf, [key]: key }).toString()
                  : JSON.stringify({ [key]: key }),
              }),
        });
        sent += 1;
        if (response.status >= 500) failures.push(`${method} ${url} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(200);
  });
});
