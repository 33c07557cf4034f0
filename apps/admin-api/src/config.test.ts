import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("configuration from the environment", () => {
  it("defaults to port 3000 and ./data/frontline.db", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe("./data/frontline.db");
  });

  it("reads no email unless INBOUND_SMTP_PORT is set, and then answers at the sender's address", () => {
    expect(loadConfig({})).toMatchObject({ inboundSmtp: null, supportAddress: null });
    expect(
      loadConfig({
        INBOUND_SMTP_PORT: "2525",
        MAIL_FROM: "Contoso Support <Help@Contoso.example>",
      }),
    ).toMatchObject({
      inboundSmtp: { port: 2525, host: "0.0.0.0" },
      supportAddress: "help@contoso.example",
    });
    expect(() => loadConfig({ INBOUND_SMTP_PORT: "25", INBOUND_ADDRESS: "support" })).toThrow(
      'INBOUND_ADDRESS="support": must be an email address',
    );
  });

  it("keeps attachments in S3 only with every S3 setting, and never prints the secret key", () => {
    expect(loadConfig({}).s3).toBeNull();
    const s3 = {
      S3_ENDPOINT: "https://s3.eu-central-1.amazonaws.com",
      S3_BUCKET: "frontline-files",
      S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
      S3_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG",
    };
    expect(loadConfig(s3).s3).toMatchObject({ bucket: "frontline-files", region: "us-east-1" });
    expect(() => loadConfig({ S3_BUCKET: "frontline-files" })).toThrow(
      "S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: must be set too",
    );
    expect(() => loadConfig({ ...s3, S3_SECRET_ACCESS_KEY: " ", S3_ENDPOINT: "nope" })).toThrow(
      /S3_ENDPOINT="nope"/,
    );
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

  it("takes a postgres:// URL as PostgreSQL, with a pool size, and refuses any other engine's URL", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://frontline:s3cret@db.internal:5432/frontline",
      DATABASE_POOL_SIZE: "25",
    });
    expect(config).toMatchObject({
      databaseUrl: "postgres://frontline:s3cret@db.internal:5432/frontline",
      databasePoolSize: 25,
    });
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(() => loadConfig({ DATABASE_URL: "mysql://root:s3cret@db/frontline" })).toThrow(
      "DATABASE_URL=…: must be a SQLite file path or a postgres:// URL",
    );
    expect(() => loadConfig({ DATABASE_POOL_SIZE: "0" })).toThrow(
      'DATABASE_POOL_SIZE="0": must be between 1 and 200',
    );
  });

  it("never repeats a refused database URL, which may hold a password", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://root:s3cret@db/frontline" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("s3cret") }),
    );
  });

  it("reads TRUST_PROXY as no proxy, one proxy, or a count of chained proxies", () => {
    expect(loadConfig({}).trustedProxies).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustedProxies).toBe(0);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustedProxies).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "2" }).trustedProxies).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: "yes" })).toThrow(
      'TRUST_PROXY="yes": must be "true", "false" or a number of proxies',
    );
  });

  it("reads the shutdown grace period in seconds", () => {
    expect(loadConfig({}).shutdownGraceMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_GRACE_SECONDS: "2.5" }).shutdownGraceMs).toBe(2_500);
    expect(() => loadConfig({ SHUTDOWN_GRACE_SECONDS: "forever" })).toThrow(
      "SHUTDOWN_GRACE_SECONDS",
    );
  });

  it("serves the API alone when the help center is not built", () => {
    expect(loadConfig({ HELP_CENTER_DIST: "/nonexistent/dist" }).helpCenterDist).toBeNull();
  });
});
