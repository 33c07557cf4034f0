import {
  claimDueMail,
  type Db,
  forgetPurgedContent,
  markMailFailed,
  markMailSent,
  type OutboxRow,
  releaseMail,
} from "@frontline/db";
import type { Transporter } from "nodemailer";
import type { Clock } from "./deps.ts";

export interface OutboxWorkerOptions {
  readonly db: Db;
  readonly transport: Pick<Transporter, "sendMail">;
  readonly from: string;
  readonly clock: Clock;
  /** How often to look for due mail. */
  readonly pollMs?: number;
  /**
   * How long a claimed mail stays this instance's to send. Another instance
   * (or this one, restarted) takes it after that, so a crash mid-round delays
   * a mail by at most this much and never loses it.
   */
  readonly leaseMs?: number;
  /** First retry delay; it doubles per failed attempt up to `maxDelayMs`. */
  readonly retryBaseMs?: number;
  readonly maxDelayMs?: number;
}

export interface OutboxWorker {
  /** Sends what is due now; resolves when this round is done. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Mails claimed at a time; a round claims again while batches come back full. */
const BATCH = 10;

/** 5 s, 10 s, 20 s … capped: a mail server that is down is not hammered. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts));
}

/**
 * One Message-ID per outbox row, the same on every attempt. A crash after
 * the mail server said 250 but before the row was marked sent means the
 * mail goes out again on restart (at least once, never lost); with the same
 * Message-ID, mail systems and clients see it as the same message.
 */
export function outboxMessageId(mail: { id: number; createdAt: Date }, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "frontline.invalid";
  return `<outbox-${mail.id}.${mail.createdAt.getTime()}@${domain}>`;
}

/**
 * The extra headers a mail may carry: an outbox row names them, the
 * worker sends only these, so a stored row can never set From, To or
 * anything else the worker decides.
 */
const ALLOWED_HEADERS = new Set(["list-unsubscribe", "list-unsubscribe-post"]);

export function extraHeaders(headers: Readonly<Record<string, string>> | null | undefined) {
  return Object.fromEntries(
    Object.entries(headers ?? {}).filter(
      ([name, value]) => ALLOWED_HEADERS.has(name.toLowerCase()) && !/[\r\n]/.test(value),
    ),
  );
}

/** What sending one mail needs: the connection, the server, the sender's address and the retry delays. */
interface Sender {
  readonly db: Db;
  readonly transport: Pick<Transporter, "sendMail">;
  readonly from: string;
  readonly clock: Clock;
  readonly baseMs: number;
  readonly maxMs: number;
}

/** True when the mail server took it; a failure schedules the next attempt. */
async function deliver(sender: Sender, mail: OutboxRow): Promise<boolean> {
  const { db, transport, from, clock, baseMs, maxMs } = sender;
  try {
    await transport.sendMail({
      from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.body ?? "",
      ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
      headers: extraHeaders(mail.headers),
      messageId: outboxMessageId(mail, from),
    });
    await markMailSent(db, mail.id, clock.now());
    return true;
  } catch (error) {
    const retryAt = new Date(clock.now().getTime() + retryDelay(mail.attempts, baseMs, maxMs));
    await markMailFailed(
      db,
      mail.id,
      error instanceof Error ? error.message : String(error),
      retryAt,
    );
    return false;
  }
}

/**
 * Sends the outbox. Mail is marked sent only after the SMTP server accepted
 * it; a failure leaves it pending with a later attempt time, so nothing is
 * lost and a broken mail server never fails a request.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { db, transport, from, clock } = options;
  const pollMs = options.pollMs ?? 2_000;
  const baseMs = options.retryBaseMs ?? 5_000;
  const maxMs = options.maxDelayMs ?? 60 * 60_000;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const sender: Sender = { db, transport, from, clock, baseMs, maxMs };
  let running: Promise<number> | null = null;
  let stopped = false;

  /** Sends one claimed batch; returns how many were sent and whether the batch was full. */
  async function batch(): Promise<{ sent: number; full: boolean }> {
    let sent = 0;
    // Claimed, not just read: with several instances on one database each mail has one sender.
    const claimed = await claimDueMail(db, clock.now(), { leaseMs, limit: BATCH });
    for (const [index, mail] of claimed.entries()) {
      if (stopped) {
        // Stopping: what this round did not send is due again at once, not after the lease.
        await releaseMail(
          db,
          claimed.slice(index).map((m) => m.id),
        );
        break;
      }
      if (await deliver(sender, mail)) sent += 1;
    }
    return { sent, full: claimed.length === BATCH };
  }

  /** Batches until the due mail is sent: a backlog (after an outage, a burst) drains at once. */
  async function round(): Promise<number> {
    let sent = 0;
    for (;;) {
      const done = await batch();
      sent += done.sent;
      if (!done.full || stopped) break;
    }
    if (sent > 0) await forgetPurgedContent(db);
    return sent;
  }

  // One round at a time: a slow mail server must not get the same email twice.
  const runOnce = () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void runOnce(), pollMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
