import { afterEach, describe, expect, it } from "vitest";
import { cutAt } from "@/lib/page-cache/cached-pages";
import {
  forgetDealerPages,
  getStoredPage,
  MAX_STORED_PAGE_BYTES,
  pageStoreSize,
  setPageStoreBudget,
  storePage,
  type StoredPage,
} from "@/lib/page-cache/page-store";

function page(bytes: number, input: { dealerId?: string; version?: string } = {}): StoredPage {
  return {
    dealerId: input.dealerId ?? "dealer-a",
    version: input.version ?? "1",
    validUntil: Date.now() + 30_000,
    status: 200,
    headers: [],
    nonce: "n",
    segments: [Buffer.alloc(bytes)],
    gzipPieces: [],
    bytes,
  };
}

afterEach(() => {
  forgetDealerPages("dealer-a");
  forgetDealerPages("dealer-b");
  setPageStoreBudget(0);
});

describe("the page store", () => {
  it("keeps nothing while its budget is 0 (development, PAGE_CACHE_MB=0)", () => {
    setPageStoreBudget(0);
    storePage("/c/a", page(10));
    expect(getStoredPage("/c/a")).toBeUndefined();
  });

  it("stays within its byte budget, dropping the page used least recently", () => {
    setPageStoreBudget(300);
    storePage("/c/a", page(100));
    storePage("/c/b", page(100));
    storePage("/c/c", page(100));
    getStoredPage("/c/a");
    storePage("/c/d", page(100));
    expect(getStoredPage("/c/b")).toBeUndefined();
    expect(getStoredPage("/c/a")).toBeDefined();
    expect(getStoredPage("/c/d")).toBeDefined();
    expect(pageStoreSize()).toEqual({ pages: 3, bytes: 300 });
  });

  it("does not keep a page larger than the budget or than MAX_STORED_PAGE_BYTES", () => {
    setPageStoreBudget(MAX_STORED_PAGE_BYTES * 4);
    storePage("/r/huge", page(MAX_STORED_PAGE_BYTES + 1));
    expect(getStoredPage("/r/huge")).toBeUndefined();
    setPageStoreBudget(50);
    storePage("/c/a", page(51));
    expect(pageStoreSize()).toEqual({ pages: 0, bytes: 0 });
  });

  it("keeps the render of the later version when two renders race", () => {
    setPageStoreBudget(1_000);
    storePage("/c/a", page(10, { version: "7" }));
    storePage("/c/a", page(20, { version: "6" }));
    expect(getStoredPage("/c/a")?.version).toBe("7");
    storePage("/c/a", page(30, { version: "8" }));
    expect(getStoredPage("/c/a")?.version).toBe("8");
    expect(pageStoreSize()).toEqual({ pages: 1, bytes: 30 });
  });

  it("forgets every page of a dealer whose settings changed, and only those", () => {
    setPageStoreBudget(1_000);
    storePage("/c/a", page(10, { dealerId: "dealer-a" }));
    storePage("/r/b", page(10, { dealerId: "dealer-a" }));
    storePage("/c/c", page(10, { dealerId: "dealer-b" }));
    forgetDealerPages("dealer-a");
    expect(getStoredPage("/c/a")).toBeUndefined();
    expect(getStoredPage("/r/b")).toBeUndefined();
    expect(getStoredPage("/c/c")).toBeDefined();
  });
});

describe("cutting a page at its nonce", () => {
  it("leaves the nonce out and keeps everything around it, joined again it is the page", () => {
    const nonce = Buffer.from("Tk9OQ0U=");
    const body = Buffer.from(`<script nonce="Tk9OQ0U=">a</script><style nonce="Tk9OQ0U=">b</style>Tk9OQ0U=`);
    const segments = cutAt(body, nonce);
    expect(segments.map(String)).toEqual(['<script nonce="', '">a</script><style nonce="', '">b</style>', ""]);
    expect(Buffer.concat(segments.flatMap((s, i) => (i ? [nonce, s] : [s]))).equals(body)).toBe(true);
    expect(cutAt(Buffer.from("no nonce here"), nonce).map(String)).toEqual(["no nonce here"]);
  });
});
