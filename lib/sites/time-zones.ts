import "server-only";

/**
 * The time zones a site may be in: real IANA zones ("Europe/Brussels"), plus "UTC". Narrower than
 * `isValidTimeZone` on purpose: Intl also accepts "EST", "GMT+1", "US/Eastern" and "europe/brussels",
 * which work but mean little to the next admin reading the form. Intl's own list still uses some older
 * names (Europe/Kiev, Asia/Calcutta), so a current name that Intl maps onto a listed zone (Europe/Kyiv,
 * Asia/Kolkata) is accepted as written too.
 */
let zones: readonly string[] | undefined;
let listed: ReadonlySet<string> | undefined;

/** The runtime's canonical zones and UTC, sorted: what the form suggests. */
export function selectableTimeZones(): readonly string[] {
  zones ??= [...Intl.supportedValuesOf("timeZone"), "UTC"].sort();
  return zones;
}

const REGION_ZONE = /^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)(\/[A-Z][A-Za-z0-9_+-]*){1,2}$/;

function resolved(timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export function isSelectableTimeZone(value: string): boolean {
  listed ??= new Set(selectableTimeZones());
  if (listed.has(value)) return true;
  if (!REGION_ZONE.test(value)) return false;
  const canonical = resolved(value);
  // Another spelling of a listed zone ("Europe/BRUSSELS") is refused; another name of one (an alias) is not.
  return canonical !== null && listed.has(canonical) && canonical.toLowerCase() !== value.toLowerCase();
}
