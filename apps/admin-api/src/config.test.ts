import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("configuration from the environment", () => {
  it("defaults to port 3000 and ./data/frontline.db", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe("./data/frontline.db");
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" }).port).toBe(3000);
  });

  it("reads PORT and DATABASE_URL", () => {
    const config = loadConfig({ PORT: "8080", DATABASE_URL: "/var/lib/frontline/db.sqlite" });
    expect(config).toMatchObject({ port: 8080, databaseUrl: "/var/lib/frontline/db.sqlite" });
  });

  it("stops with a message naming each bad variable and its value", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(
      'Invalid configuration:\n  PORT="eighty": must be a whole number',
    );
    expect(() => loadConfig({ PORT: "70000" })).toThrow(
      'PORT="70000": must be between 0 and 65535',
    );
  });

  it("serves the API alone when the help center is not built", () => {
    expect(loadConfig({ HELP_CENTER_DIST: "/nonexistent/dist" }).helpCenterDist).toBeNull();
  });
});
