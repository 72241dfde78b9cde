/**
 * Limits of an optional service's fields, without zod or server-only so the settings form (a client
 * island among server components) can set the same `maxLength` the schema enforces.
 */
export const SERVICE_TITLE_MAX = 120;
export const SERVICE_DESCRIPTION_MAX = 1000;
/** The highest customer price a service may have: 1,000,000.00 in the appointment's currency. */
export const SERVICE_PRICE_MAX_MINOR = 100_000_000;
/** Makes or models one service may target, and the length of each. */
export const SERVICE_TARGETS_MAX = 50;
export const SERVICE_TARGET_CHARS = 60;
