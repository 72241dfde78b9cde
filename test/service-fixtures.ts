// Builders shared by the optional-services integration tests: a dealer with two sites, staff sessions,
// and the service form as a browser posts it.
import { randomUUID } from "node:crypto";
import type { StaffSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { makeStaff, makeThemedDealer } from "@/test/fixtures";

export async function dealerWithSites(slug: string, defaultLocale: "en" | "fr" | "de" | "sv" | "nl" = "en") {
  const dealer = await makeThemedDealer(slug, { defaultLocale });
  const second = await db().site.create({
    data: {
      dealerId: dealer.id,
      slug: "second",
      name: `${slug} second site`,
      timeZone: "Europe/Stockholm",
      addressLine: "Gatan 1",
      postalCode: "41263",
      city: "Göteborg",
      country: "SE",
      phone: "+46 31 000 00 00",
      email: `${slug}-2@example.com`,
    },
    select: { id: true },
  });
  return { id: dealer.id, siteId: dealer.siteId, secondSiteId: second.id };
}

export async function sessionFor(
  dealerId: string,
  role: StaffSession["role"],
  email = `${role.toLowerCase()}-${randomUUID()}@example.test`,
) {
  const staff = await makeStaff(dealerId, email, role);
  return { sessionId: "s", staffUserId: staff.id, dealerId, role, name: email, email } satisfies StaffSession;
}

/** FormData as the service form posts it; a list posts the name once per value (ticked checkboxes). */
export function formData(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

export const washForm = (overrides: Record<string, string | string[]> = {}) => ({
  id: randomUUID(),
  "texts.en.title": "Car wash",
  "texts.en.description": "By hand, inside and out.",
  priceInclVat: "25.00",
  vatRate: "21",
  ...overrides,
});
