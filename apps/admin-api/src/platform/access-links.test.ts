import { statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  ACCESS_LINK_DAYS,
  accessLinkValid,
  accessSecretBeside,
  signAccess,
} from "./access-links.ts";

const secret = "a-secret-of-at-least-thirty-two-characters";
const signedAt = new Date("2026-12-02T10:00:00Z");
const later = (days: number) => new Date(signedAt.getTime() + days * 86_400_000);
const link = signAccess(secret, "SR-2026-000042", "track", signedAt);

describe("an access link", () => {
  it("opens its own request until it expires", () => {
    expect(accessLinkValid(secret, "SR-2026-000042", "track", link, later(1))).toBe(true);
    expect(
      accessLinkValid(secret, "SR-2026-000042", "track", link, later(ACCESS_LINK_DAYS - 0.01)),
    ).toBe(true);
    expect(
      accessLinkValid(secret, "SR-2026-000042", "track", link, later(ACCESS_LINK_DAYS + 0.01)),
    ).toBe(false);
  });

  it("opens no other request, and nothing once the secret is rotated", () => {
    expect(accessLinkValid(secret, "SR-2026-000043", "track", link, signedAt)).toBe(false);
    expect(accessLinkValid(`${secret}-rotated`, "SR-2026-000042", "track", link, signedAt)).toBe(
      false,
    );
  });

  it("is refused when its expiry or signature was changed", () => {
    const [version, expiry = "", signature = ""] = link.split(".");
    const longer = (Number.parseInt(expiry, 36) + 86_400 * 365).toString(36);
    const flipped = `${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    for (const forged of [
      `${version}.${longer}.${signature}`,
      `${version}.${expiry}.${flipped}`,
      `${version}.${expiry}.`,
      `${version}.${expiry}`,
      "a1..",
    ]) {
      expect(accessLinkValid(secret, "SR-2026-000042", "track", forged, signedAt), forged).toBe(
        false,
      );
    }
  });
});

describe("the secret of a server on a SQLite file", () => {
  const folders: string[] = [];
  afterEach(async () => {
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });

  it("is made once beside the database, readable by its owner only, and kept across starts", async () => {
    const folder = await mkdtemp(join(tmpdir(), "frontline-secret-"));
    folders.push(folder);
    const database = join(folder, "frontline.db");
    const first = accessSecretBeside(database);
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(accessSecretBeside(database)).toBe(first);
    expect(statSync(join(folder, "access-link.secret")).mode & 0o777).toBe(0o600);
  });
});
