import "server-only";

/**
 * Rendered customer pages kept in this process's memory, least recently used first out, within a byte
 * budget. A page is kept with what it was rendered from (its appointment's view version, its dealer) and
 * until when it may be served; its body is kept cut at its CSP nonce, so every response gets a fresh one.
 */
export type StoredPage = {
  dealerId: string;
  version: string;
  validUntil: number;
  status: number;
  /** Response headers as rendered, the nonce still in them (CSP, Link preloads). */
  headers: [string, string | string[]][];
  nonce: string;
  /** The body cut at each occurrence of the nonce. */
  segments: Buffer[];
  /** The same segments deflated once each, for a gzip response (lib/page-cache/gzip-pieces.ts). */
  gzipPieces: Buffer[];
  /** What the page holds in memory. */
  bytes: number;
};

/** Pages larger than this are served but not kept (a report with hundreds of items). */
export const MAX_STORED_PAGE_BYTES = 2 * 2 ** 20;

type Store = { pages: Map<string, StoredPage>; bytes: number; budget: number };

const key = Symbol.for("greenlight.pageStore");
type Holder = { [key]?: Store };

/** On globalThis: the custom server fills it, Next's bundled code (dealer settings) empties it. */
function store(): Store {
  const holder = globalThis as Holder;
  holder[key] ??= { pages: new Map(), bytes: 0, budget: 0 };
  return holder[key];
}

/** Sets the byte budget (0 keeps nothing); pages beyond it go, oldest use first. */
export function setPageStoreBudget(bytes: number): void {
  store().budget = bytes;
  evict();
}

export function pageStoreEnabled(): boolean {
  return store().budget > 0;
}

/** The stored page, marked as just used. */
export function getStoredPage(pageKey: string): StoredPage | undefined {
  const { pages } = store();
  const page = pages.get(pageKey);
  if (page) {
    pages.delete(pageKey);
    pages.set(pageKey, page);
  }
  return page;
}

/**
 * Keeps a page unless a newer render of it is kept already (two renders racing: the one made from the
 * later version wins, whichever finishes last).
 */
export function storePage(pageKey: string, page: StoredPage): void {
  const state = store();
  if (page.bytes > MAX_STORED_PAGE_BYTES || page.bytes > state.budget) return;
  const existing = state.pages.get(pageKey);
  if (existing && BigInt(existing.version) > BigInt(page.version)) return;
  forgetPage(pageKey);
  state.pages.set(pageKey, page);
  state.bytes += page.bytes;
  evict();
}

export function forgetPage(pageKey: string): void {
  const state = store();
  const page = state.pages.get(pageKey);
  if (!page) return;
  state.pages.delete(pageKey);
  state.bytes -= page.bytes;
}

/** Drops every page of a dealer: its brand, services or terms changed. */
export function forgetDealerPages(dealerId: string): void {
  for (const [pageKey, page] of store().pages) if (page.dealerId === dealerId) forgetPage(pageKey);
}

export function pageStoreSize(): { pages: number; bytes: number } {
  const { pages, bytes } = store();
  return { pages: pages.size, bytes };
}

function evict(): void {
  const state = store();
  for (const pageKey of state.pages.keys()) {
    if (state.bytes <= state.budget) return;
    forgetPage(pageKey);
  }
}
