import type { ContactRole } from "@/lib/db/generated/client";

/** Seed 003: who is contacted, in order — the driver, else the owner, else the contractor. */
export const ROLE_ORDER: readonly ContactRole[] = ["DRIVER", "OWNER", "CONTRACTOR"];

export function byRole(a: { role: ContactRole }, b: { role: ContactRole }): number {
  return ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role);
}

type Reachable = { role: ContactRole; email: string | null; phone: string | null };

/** The first contact, in role order, with an address on the channel — and that address. */
export function firstReachable<C extends Reachable>(
  contacts: readonly C[],
  channel: "EMAIL" | "SMS",
): { contact: C; address: string } | null {
  for (const contact of [...contacts].sort(byRole)) {
    const address = channel === "EMAIL" ? contact.email : contact.phone;
    if (address) return { contact, address };
  }
  return null;
}
