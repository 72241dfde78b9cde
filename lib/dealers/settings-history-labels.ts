import "server-only";
import type { SettingsChange } from "@/lib/dealers/settings-change";
import { db } from "@/lib/db";

type Ref = { entity: SettingsChange["entity"]; entityId: string };

const MAX_LABEL_CHARS = 80;

/**
 * The current name of each record a page of history mentions, keyed `entity:id`, so an update that
 * changed only a phone number still says which site. One query per kind of record on the page, each
 * scoped to the dealer; records since deleted simply have no label here.
 */
export async function entityLabels(dealerId: string, refs: readonly Ref[]): Promise<Map<string, string>> {
  const ids = (entity: Ref["entity"]) => [...new Set(refs.filter((ref) => ref.entity === entity).map((ref) => ref.entityId))];
  const where = (entity: Ref["entity"]) => ({ dealerId, id: { in: ids(entity) } });
  const none = Promise.resolve([]);
  const [sites, staff, keys, endpoints, services, terms] = await Promise.all([
    ids("site").length ? db().site.findMany({ where: where("site"), select: { id: true, name: true } }) : none,
    ids("staff").length ? db().staffUser.findMany({ where: where("staff"), select: { id: true, name: true } }) : none,
    ids("api_key").length ? db().apiKey.findMany({ where: where("api_key"), select: { id: true, name: true } }) : none,
    ids("webhook_endpoint").length
      ? db().webhookEndpoint.findMany({ where: where("webhook_endpoint"), select: { id: true, url: true } })
      : none,
    ids("service").length
      ? db().optionalService.findMany({
          where: where("service"),
          select: { id: true, texts: { select: { locale: true, title: true }, orderBy: { locale: "asc" } } },
        })
      : none,
    ids("terms").length
      ? db().termsVersion.findMany({ where: where("terms"), select: { id: true, title: true, locale: true, version: true } })
      : none,
  ]);
  const labels = new Map<string, string>();
  const add = (entity: Ref["entity"], id: string, label: string | undefined) => {
    if (label) labels.set(`${entity}:${id}`, Array.from(label).slice(0, MAX_LABEL_CHARS).join(""));
  };
  for (const row of sites) add("site", row.id, row.name);
  for (const row of staff) add("staff", row.id, row.name);
  for (const row of keys) add("api_key", row.id, row.name);
  for (const row of endpoints) add("webhook_endpoint", row.id, row.url);
  // A service is named in the dealer's own language, as its settings list names it.
  const defaultLocale = services.length
    ? (await db().dealer.findUnique({ where: { id: dealerId }, select: { defaultLocale: true } }))?.defaultLocale
    : undefined;
  for (const row of services) add("service", row.id, (row.texts.find((t) => t.locale === defaultLocale) ?? row.texts[0])?.title);
  for (const row of terms) add("terms", row.id, `${row.title} (${row.locale}, v${row.version})`);
  return labels;
}
