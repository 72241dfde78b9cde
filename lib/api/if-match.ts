import "server-only";
import { AppError } from "@/lib/errors";

/** A parsed `If-Match` header: `*` (any current version) or the versions the client holds. */
export type IfMatch = { any: true } | { any: false; versions: number[] };

const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7E]*)"$/;

/**
 * `If-Match: "3"` (a list is allowed, RFC 9110). Weak tags never match: the comparison is strong. A
 * header that is not a list of entity tags is a client error (400), not a silent mismatch.
 */
export function parseIfMatch(header: string | null): IfMatch | null {
  if (header === null) return null;
  const value = header.trim();
  if (value === "*") return { any: true };
  const versions: number[] = [];
  for (const part of value.split(",")) {
    const match = ENTITY_TAG.exec(part.trim());
    if (!match) throw new AppError("bad_request", 'If-Match must be an entity tag like "3" (the appointment\'s version).');
    const tag = match[2] ?? "";
    if (!match[1] && /^[1-9]\d{0,8}$/.test(tag)) versions.push(Number(tag));
  }
  return { any: false, versions };
}

/** Whether the precondition holds for the current version (null: the resource does not exist). */
export function matchesIfMatch(ifMatch: IfMatch, current: number | null): boolean {
  if (current === null) return false;
  return ifMatch.any || ifMatch.versions.includes(current);
}
