import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { problems } from "./problems.ts";

/**
 * Hashes running at once, and how many may wait. Each scrypt takes one of
 * libuv's four threads, which file reads (the help center) need too: with at
 * most two hashing, a sign-in flood cannot starve static pages, and past
 * the queue it is told to come back instead of piling up.
 */
const MAX_HASHING = 2;
const MAX_WAITING = 16;
let hashing = 0;
const waiting: (() => void)[] = [];

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing < MAX_HASHING) hashing++;
  else if (waiting.length >= MAX_WAITING) {
    throw problems.busy();
  } else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or give it back.
    const next = waiting.shift();
    if (next) next();
    else hashing--;
  }
}

/**
 * Takes every hash slot until the returned function is called, as hashes
 * that run long would: a test then sees exactly what a flood meets, with
 * no race against how fast the database answers. Nothing in the server
 * calls this.
 */
export function holdHashSlotsForTests(): () => void {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  for (let slot = 0; slot < MAX_HASHING; slot++) void inHashSlot(() => held);
  return release;
}

/** How many may wait for a hash slot before the rest are told to come back. */
export const hashQueueLength = MAX_WAITING;

/**
 * scrypt is memory-hard: each guess costs 64 MiB, which is what makes a
 * stolen hash expensive to attack. Parameters travel in the stored string,
 * so they can be raised later without breaking old hashes.
 */
let defaults = { N: 2 ** 16, r: 8, p: 1, keylen: 32 };

/**
 * Test suites hash hundreds of passwords on a shared two-core machine; a
 * vitest setup file lowers the cost there (N=2^10, 1 MiB). Stored hashes
 * carry their own parameters, so verification follows whatever made them.
 * Nothing in the server calls this.
 */
export function lowerPasswordCostForTests(): void {
  defaults = { ...defaults, N: 2 ** 10 };
}

function derive(
  password: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  keylen: number,
): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return inHashSlot(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize("NFKC"), salt, keylen, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p, keylen } = defaults;
  const key = await derive(password, salt, N, r, p, keylen);
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(
    password,
    Buffer.from(salt, "base64url"),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/** A password people can read out and type: 20 characters from an unambiguous alphabet. */
export function generatePassword(length = 20): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join("");
}
