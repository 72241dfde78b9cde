// A real SMTP server (smtp-server + mailparser) on loopback for tests, with the test credentials.
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterEach } from "vitest";
import { resetEnvCache } from "@/lib/env";

export type Received = { mail: ParsedMail; rcptTo: string[]; user: unknown };

export function portOf(server: Server): number {
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server is not listening on TCP");
  return address.port;
}

/** Listens on `port` (0 = any free one) and keeps every accepted message. */
export async function startSmtp(options: { port?: number; onRcptTo?: (address: SMTPServerAddress) => Error | undefined } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === "s3cret") callback(null, { user: auth.username });
      else callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      callback(options.onRcptTo?.(address) ?? null);
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ mail, rcptTo: session.envelope.rcptTo.map((r) => r.address), user: session.user });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server.server, "listening");
  const port = portOf(server.server);
  return {
    received,
    url: `smtp://mailer:s3cret@127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (the SMTP server is "down"). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * For a test file whose tests send through a test SMTP server: returns `useSmtp(url)`, which points the
 * app's SMTP_URL at it, and puts the original back after each test.
 */
export function smtpUrlPerTest(): (url: string) => void {
  const original = process.env.SMTP_URL;
  afterEach(() => {
    if (original === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = original;
    resetEnvCache();
  });
  return (url) => {
    process.env.SMTP_URL = url;
    resetEnvCache();
  };
}
