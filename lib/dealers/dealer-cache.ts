import "server-only";
import {
  offeredTo,
  activeServicesQuery,
  type OfferedService,
  type OfferedServiceInput,
  type ServiceWithTexts,
} from "@/lib/checkin/offered-services";
import { db } from "@/lib/db";
import { forgetDealerPages } from "@/lib/page-cache/page-store";
import { brandDealerSelect, brandSiteSelect, toBrand, type Brand } from "@/lib/dealers/get-brand";

/**
 * What every check-in page view shows of its dealer and staff change rarely — the brand of each site,
 * the active optional services with their texts, the latest terms per locale — kept in this process's
 * memory for a short while. Loading it costs five statements; a page view otherwise costs one (see
 * get-checkin-by-token.ts), and with the embedded database every query is CPU on the one thread that
 * also renders pages (bench/README.md).
 *
 * Staleness is bounded twice:
 * - every write of these settings must call `invalidateDealerCache(dealerId)` after its transaction
 *   commits (today: none after `createDealer`/`seedDemo`, which write before anything is cached; the
 *   dealer settings pages, when they land, must call it from their server actions);
 * - other instances of the app (PostgreSQL scale-out) do not hear of that call, so an entry also
 *   expires after TTL_MS.
 * A stale copy is never trusted for a write: choosing a service re-reads the offer (answer-checkin.ts)
 * and confirming re-reads the current terms (submit-checkin.ts), so the worst a stale page can do is show
 * a service or terms version that the server then refuses, asking the customer to reload.
 *
 * Only per-dealer data lives here — never anything of one customer or appointment.
 */
const TTL_MS = 30_000;
/** Enough for every dealer of an instance; beyond it the oldest entry goes first. */
const MAX_DEALERS = 1_000;

export type DealerTerms = { id: string; version: number; title: string; body: string; locale: string };

type DealerSettings = {
  /** Brand per site id. */
  brands: Map<string, Brand>;
  /** Active services in the dealer's order, with the texts of every locale. */
  services: ServiceWithTexts[];
  /** The latest terms version per locale. */
  terms: Map<string, DealerTerms>;
};

type Entry = { expiresAt: number; settings: Promise<DealerSettings | null> };

const key = Symbol.for("greenlight.dealerCache");
type Holder = { [key]?: Map<string, Entry> };

/** On globalThis, like the Prisma client: Next's bundles and the custom server share one process. */
function entries(): Map<string, Entry> {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  return holder[key];
}

/**
 * Forgets what is cached for a dealer, and the customer pages rendered with it (lib/page-cache); call it
 * after any committed change to its brand, sites, services or terms.
 */
export function invalidateDealerCache(dealerId: string): void {
  entries().delete(dealerId);
  forgetDealerPages(dealerId);
}

async function loadDealerSettings(dealerId: string): Promise<DealerSettings | null> {
  const [dealer, services, terms] = await Promise.all([
    db().dealer.findUnique({
      where: { id: dealerId },
      select: { ...brandDealerSelect, sites: { select: { id: true, ...brandSiteSelect } } },
    }),
    db().optionalService.findMany(activeServicesQuery(dealerId)),
    db().termsVersion.findMany({
      where: { dealerId },
      distinct: ["locale"],
      orderBy: [{ locale: "asc" }, { version: "desc" }],
      select: { id: true, version: true, title: true, body: true, locale: true },
    }),
  ]);
  if (!dealer) return null;
  const { sites, ...brandDealer } = dealer;
  return {
    brands: new Map(sites.map(({ id, ...site }) => [id, toBrand(brandDealer, site)])),
    services,
    terms: new Map(terms.map((version) => [version.locale, version])),
  };
}

function dealerSettings(dealerId: string): Promise<DealerSettings | null> {
  const cache = entries();
  const now = Date.now();
  const cached = cache.get(dealerId);
  if (cached && cached.expiresAt > now) return cached.settings;
  // The promise is cached, so concurrent page views of a dealer share one load.
  const settings = loadDealerSettings(dealerId);
  const entry: Entry = { expiresAt: now + TTL_MS, settings };
  cache.delete(dealerId);
  cache.set(dealerId, entry);
  if (cache.size > MAX_DEALERS) cache.delete(cache.keys().next().value!);
  // A failed load is not remembered (the next view retries); an invalidation in the meantime wins.
  settings.catch(() => {
    if (cache.get(dealerId) === entry) cache.delete(dealerId);
  });
  return settings;
}

/** The brand of a dealer's site, as getBrand returns it, at most TTL_MS old. */
export async function cachedBrand({ dealerId, siteId }: { dealerId: string; siteId: string }): Promise<Brand | null> {
  return (await dealerSettings(dealerId))?.brands.get(siteId) ?? null;
}

/** The services offered to this customer, as listOfferedServices returns them, at most TTL_MS old. */
export async function cachedOfferedServices(input: OfferedServiceInput): Promise<OfferedService[]> {
  return offeredTo((await dealerSettings(input.dealerId))?.services ?? [], input);
}

/** The terms to accept, as currentTerms returns them (page locale, else the dealer's), at most TTL_MS old. */
export async function cachedCurrentTerms(input: { dealerId: string; locale: string; defaultLocale: string }): Promise<DealerTerms | null> {
  const terms = (await dealerSettings(input.dealerId))?.terms;
  return terms?.get(input.locale) ?? terms?.get(input.defaultLocale) ?? null;
}
