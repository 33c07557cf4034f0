import type { AddressInfo } from "node:net";
import { createTransport } from "nodemailer";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  /** Where the recipient's answer goes, if the mail says. */
  readonly replyTo: string;
  /** The one-click unsubscribe headers (RFC 8058), empty when the mail has none. */
  readonly listUnsubscribe: string;
  readonly listUnsubscribePost: string;
}

/** =?UTF-8?Q?...?= and =?UTF-8?B?...?= words, as mail clients decode them. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9a-f]{2})/gi, (_h, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            "latin1",
          ).toString("utf8"),
    );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === "base64")
    return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** Reads the headers and text body of a single-part message. */
export function parseMessage(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*)$`, "im").exec(head)?.[1]?.trim() ?? "";
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  return {
    to,
    subject: decodeHeader(header("Subject")),
    messageId: header("Message-ID"),
    replyTo: header("Reply-To"),
    listUnsubscribe: header("List-Unsubscribe"),
    listUnsubscribePost: header("List-Unsubscribe-Post"),
    text: decodeBody(raw.slice(split + 4), encoding).replace(/\r\n/g, "\n"),
  };
}

export interface TestSmtpServer {
  readonly port: number;
  readonly received: ReceivedMail[];
  close(): Promise<void>;
}

export interface SmtpServerOptions {
  /** Shut down on its own after accepting this many messages. */
  readonly dieAfter?: number;
  /**
   * Asked about each message once its data has arrived, before the server
   * answers: false refuses it (451) and it is not kept. A test can hold
   * the answer to crash the sender mid-delivery.
   */
  readonly beforeAccept?: (mail: ReceivedMail) => Promise<boolean>;
}

/**
 * A real SMTP server on loopback that keeps every message it accepts
 * (answered 250, so the sender knows it was delivered).
 */
export async function startSmtpServer(
  port = 0,
  received: ReceivedMail[] = [],
  options: SmtpServerOptions = {},
): Promise<TestSmtpServer> {
  let accepted = 0;
  let closing: Promise<void> | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const mail = parseMessage(Buffer.concat(chunks).toString("latin1"), to);
        if (options.beforeAccept && !(await options.beforeAccept(mail))) {
          callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          return;
        }
        received.push(mail);
        callback();
        accepted += 1;
        if (accepted === options.dieAfter) void close();
      });
    },
  });
  const close = () => {
    closing ??= new Promise((resolve) => server.close(() => resolve()));
    return closing;
  };
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return { port: address.port, received, close };
}

/** A nodemailer transport to a test server on loopback: plain SMTP, short timeouts. */
export const smtpTransport = (port: number) =>
  createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 2_000,
    greetingTimeout: 2_000,
  });
