// Part of `npm run bench:report`: what a phone downloads before the report's first photo can paint.
// Two ways: from the served bytes (the HTML up to and including the first photo's <img>, plus that
// thumbnail), and for real in Chromium on a phone-sized viewport, counting the bytes every request had
// received (CDP network events) when the first photo's request finished.
import { request } from "node:http";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const gzipSize = (data: string | Buffer) => gzipSync(data, { level: 6 }).length;

/** The body as the server sends it to a browser that accepts gzip and brotli, undecoded. */
function rawGet(url: string): Promise<{ status: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { "accept-encoding": "gzip, deflate, br" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers["content-encoding"] ?? "identity"),
          body: Buffer.concat(chunks),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export type ReportWeight = {
  /** How the server compressed the HTML (content-encoding). */
  encoding: string;
  html: { bytes: number; sent: number; gzip: number };
  /** The flight data (inline `self.__next_f.push` scripts): the React Server Components payload. */
  flight: { bytes: number; gzip: number; shareOfHtml: number };
  /** The HTML up to and including the first photo's <img> tag; gzip as one stream of that prefix. */
  beforeFirstPhoto: { htmlBytes: number; htmlGzip: number; thumbnailBytes: number; totalGzip: number };
  thumbnails: { count: number; bytes: number; largest: number };
};

/** The served HTML and thumbnails of one report page. */
export async function measureReportWeight(base: string, pagePath: string): Promise<ReportWeight> {
  const served = await rawGet(`${base}${pagePath}`);
  if (served.status !== 200) throw new Error(`${pagePath} answered ${served.status}`);
  const html = await fetch(`${base}${pagePath}`).then((r) => r.text());
  const flight = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  const photos = [...html.matchAll(/<img\b[^>]*\bsrc="(\/files\/[^"]+)"[^>]*>/g)];
  const first = photos[0];
  if (!first || first.index === undefined) throw new Error(`${pagePath} has no photo`);
  const prefix = html.slice(0, first.index + first[0].length);
  const thumbnails = await Promise.all(
    photos.map(async (m) => {
      const response = await fetch(new URL(m[1]!.replace(/&amp;/g, "&"), base));
      if (response.status !== 200) throw new Error(`${m[1]} answered ${response.status}`);
      return (await response.arrayBuffer()).byteLength;
    }),
  );
  const htmlGzip = gzipSize(prefix);
  return {
    encoding: served.encoding,
    html: { bytes: Buffer.byteLength(html), sent: served.body.length, gzip: gzipSize(html) },
    flight: { bytes: Buffer.byteLength(flight), gzip: gzipSize(flight), shareOfHtml: Buffer.byteLength(flight) / Buffer.byteLength(html) },
    beforeFirstPhoto: {
      htmlBytes: Buffer.byteLength(prefix),
      htmlGzip,
      thumbnailBytes: thumbnails[0]!,
      totalGzip: htmlGzip + thumbnails[0]!,
    },
    thumbnails: { count: thumbnails.length, bytes: thumbnails.reduce((a, b) => a + b, 0), largest: Math.max(...thumbnails) },
  };
}

export type FirstPhotoInBrowser = {
  network: string;
  /** Bytes on the wire (headers and compressed bodies) received before the first photo finished loading. */
  bytesBeforeFirstPhoto: number;
  /** The same, by resource type (Document, Script, Stylesheet, Font, Image…). */
  byType: Record<string, number>;
  /** Milliseconds from navigation start until the first photo's request finished. */
  msToFirstPhoto: number;
  /** Photo requests started by then (lazy loading starts the ones near the viewport too). */
  photosRequestedBefore: number;
  /** After the page settled without scrolling: every byte, and how many photos were fetched. */
  totalBytesWithoutScrolling: number;
  photosLoadedWithoutScrolling: number;
};

type Transfer = {
  type: string;
  url: string;
  start: number;
  chunks: { at: number; bytes: number }[];
  finished?: { at: number; bytes: number };
};

/**
 * Chromium at a phone's viewport (390×844, 3× pixels), with the network throttled like a weak mobile link
 * (so the order of arrival is the browser's priorities, not localhost's instant answers).
 */
export async function measureFirstPhotoInBrowser(base: string, pagePath: string): Promise<FirstPhotoInBrowser> {
  const network = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
    const transfers = new Map<string, Transfer>();
    cdp.on("Network.requestWillBeSent", (e) => {
      transfers.set(e.requestId, { type: e.type ?? "Other", url: e.request.url, start: e.timestamp, chunks: [] });
    });
    cdp.on("Network.dataReceived", (e) => transfers.get(e.requestId)?.chunks.push({ at: e.timestamp, bytes: e.encodedDataLength }));
    cdp.on("Network.loadingFinished", (e) => {
      const transfer = transfers.get(e.requestId);
      if (transfer) transfer.finished = { at: e.timestamp, bytes: e.encodedDataLength };
    });

    await page.goto(`${base}${pagePath}`, { waitUntil: "commit" });
    const firstSrc = await page.waitForFunction(
      () => {
        const img = document.querySelector<HTMLImageElement>('img[src^="/files/"]');
        return img && img.complete && img.naturalWidth > 0 ? img.currentSrc : null;
      },
      undefined,
      { timeout: 60_000, polling: 50 },
    );
    const firstUrl = (await firstSrc.jsonValue()) as string;
    await page.waitForLoadState("networkidle");

    const all = [...transfers.values()];
    const navigation = all.find((t) => t.type === "Document");
    const photo = all.find((t) => t.url === firstUrl && t.finished);
    if (!navigation || !photo?.finished) throw new Error("the first photo's request was not seen");
    const until = photo.finished.at;
    const receivedBy = (t: Transfer, at: number) =>
      t.finished && t.finished.at <= at ? t.finished.bytes : t.chunks.filter((c) => c.at <= at).reduce((sum, c) => sum + c.bytes, 0);
    const byType: Record<string, number> = {};
    for (const t of all) byType[t.type] = (byType[t.type] ?? 0) + receivedBy(t, until);
    const photos = all.filter((t) => t.url.includes("/files/"));
    return {
      network: `${network.latency} ms RTT, ${((network.downloadThroughput * 8) / 1024 / 1024).toFixed(1)} Mbit/s down`,
      bytesBeforeFirstPhoto: Object.values(byType).reduce((a, b) => a + b, 0),
      byType,
      msToFirstPhoto: Math.round((until - navigation.start) * 1000),
      photosRequestedBefore: photos.filter((t) => t.start <= until).length,
      totalBytesWithoutScrolling: all.reduce((sum, t) => sum + receivedBy(t, Infinity), 0),
      photosLoadedWithoutScrolling: photos.filter((t) => t.finished).length,
    };
  } finally {
    await browser.close();
  }
}
