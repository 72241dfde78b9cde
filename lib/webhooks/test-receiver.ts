// Test helper (not shipped code): a real HTTP webhook receiver on 127.0.0.1 and a random port, recording
// every request it gets, raw body included, and answering with whatever status the test decides.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: string };

export type Responder = (request: ReceivedRequest, index: number) => number | { status: number; headers?: Record<string, string> };

export type Receiver = {
  url: string;
  requests: ReceivedRequest[];
  respond: (responder: Responder) => void;
  close: () => Promise<void>;
};

export async function startReceiver(responder: Responder = () => 200): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let respondWith = responder;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(received);
      const answer = respondWith(received, requests.length - 1);
      const { status, headers } = typeof answer === "number" ? { status: answer, headers: {} } : answer;
      res.writeHead(status, headers).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    respond: (next) => {
      respondWith = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
