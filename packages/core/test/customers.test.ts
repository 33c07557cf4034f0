import { describe, expect, it } from "vitest";
import { candidateTenantDomains, customerSchema } from "../src/index.ts";

describe("customers", () => {
  it("match requests by the organisation typed as a domain and by the email's domain", () => {
    expect(candidateTenantDomains("Contoso.Example", "li@mail.contoso.example")).toEqual([
      "contoso.example",
      "mail.contoso.example",
    ]);
    expect(candidateTenantDomains("Contoso Ltd", "li@contoso.example")).toEqual([
      "contoso.example",
    ]);
  });

  it("keep tenant domains in lower case and refuse what is not a domain", () => {
    expect(
      customerSchema.parse({ organisation: "Contoso", tenantDomain: "Contoso.Example" })
        .tenantDomain,
    ).toBe("contoso.example");
    expect(
      customerSchema.safeParse({ organisation: "Contoso", tenantDomain: "not a domain" }).success,
    ).toBe(false);
  });
});
