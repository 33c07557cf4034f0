import type { AddressInfo } from "node:net";
import { attachmentLimits } from "@frontline/core";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerDataStream } from "smtp-server";
import { type InboundMail, receiveMail } from "../features/requests/receive-mail.ts";
import type { AppDeps } from "./deps.ts";
import { readRecipient } from "./reply-address.ts";

export interface InboundSmtp {
  readonly port: number;
  close(): Promise<void>;
}

/** An SMTP answer with its code: 550 refuses the mailbox or the message, 552 the size. */
const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

/** The largest email taken: one message's files, encoded (base64 grows them by a third), and the text. */
const MAX_BYTES = Math.ceil(attachmentLimits.messageBytes * 1.4) + 1024 * 1024;

function firstAddress(from: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  const entry = list.flatMap((a) => a.value).find((v) => v.address);
  return entry?.address ? { address: entry.address.toLowerCase(), name: entry.name ?? "" } : null;
}

async function parse(stream: SMTPServerDataStream, envelope: { from: string; to: string[] }) {
  const parsed = await simpleParser(stream);
  const mail: InboundMail = {
    envelopeFrom: envelope.from,
    recipients: envelope.to,
    from: firstAddress(parsed.from),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    messageId: parsed.messageId ?? null,
    header: (name) => {
      const value = parsed.headers.get(name);
      if (value === undefined) return undefined;
      return typeof value === "string" ? value : JSON.stringify(value);
    },
    // Small images embedded in the HTML are logos and signatures, not what the customer sends.
    attachments: parsed.attachments
      .filter((a) => !(a.related && a.size < 10_000))
      .map((a, i) => ({ name: a.filename ?? `attachment-${i + 1}`, content: a.content })),
  };
  return mail;
}

/**
 * Reads customers' email: replies to a request's own address land on its
 * timeline, new mail to the support address opens a request. Mailboxes
 * that are neither are refused at RCPT TO, so nothing is taken that would
 * go nowhere; a message that cannot be used is refused after DATA with the
 * reason, which the sender's mail system returns to them as a bounce. No
 * TLS or AUTH here: it listens behind the domain's MX, which relays to it.
 */
export async function startInboundSmtp(
  deps: AppDeps,
  options: { port: number; host: string },
): Promise<InboundSmtp> {
  const support = deps.config.supportAddress;
  if (!support) throw new Error("Inbound SMTP needs the support address (INBOUND_ADDRESS).");
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_BYTES,
    banner: "Frontline desk",
    logger: false,
    onRcptTo(address, _session, callback) {
      const target = readRecipient(deps.config.accessLinkSecret, support, address.address);
      if (target.kind === "unknown") return callback(smtpError(550, "No such mailbox here."));
      callback();
    },
    onData(stream, session, callback) {
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
      };
      parse(stream, envelope)
        .then(async (mail) => {
          if (stream.sizeExceeded) {
            return callback(smtpError(552, `The email is larger than ${MAX_BYTES} bytes.`));
          }
          const outcome = await receiveMail(deps, mail);
          if (outcome.kind === "refused") return callback(smtpError(550, outcome.reason));
          callback();
        })
        .catch((error) => {
          console.error("Reading an inbound email failed:", error);
          callback(smtpError(451, "Try again later."));
        });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.on("error", (error) => console.error("Inbound SMTP:", error));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
