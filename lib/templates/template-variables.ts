import type { NotificationKind } from "@/lib/db/generated/client";

/**
 * The variables a dealer may write into a message template, per message and per field. Pure data,
 * shared by the server (validation, rendering) and the editor's live counter in the browser. Names are
 * only ever compared against these arrays, never looked up as object properties, so "constructor" or
 * "__proto__" cannot mean anything.
 */
export const TEMPLATE_VARIABLES = ["firstName", "dealerName", "siteName", "sitePhone", "appointmentDate", "link", "note"] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** The customer messages a dealer can word (the test message keeps its fixed text). */
export const TEMPLATE_KINDS = [
  "CHECKIN_INVITATION",
  "CHECKIN_REMINDER",
  "REPORT",
  "APPOINTMENT_CONFIRMATION",
  "APPOINTMENT_REMINDER",
] as const satisfies readonly NotificationKind[];
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_FIELDS = ["subject", "emailText", "smsText"] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

export function isTemplateKind(kind: string): kind is TemplateKind {
  return (TEMPLATE_KINDS as readonly string[]).includes(kind);
}

const ABOUT_THE_VISIT = ["firstName", "dealerName", "siteName", "sitePhone"] as const satisfies readonly TemplateVariable[];

/**
 * What each message can say. Every kind carries the customer's link (the appointment messages link to
 * the check-in page); the advisor's note exists only where an advisor sends by hand (the report, and a
 * check-in invitation sent now); the report goes out during the visit, so it has no appointment date.
 */
const BY_KIND: Record<TemplateKind, readonly TemplateVariable[]> = {
  CHECKIN_INVITATION: [...ABOUT_THE_VISIT, "appointmentDate", "link", "note"],
  CHECKIN_REMINDER: [...ABOUT_THE_VISIT, "appointmentDate", "link"],
  REPORT: [...ABOUT_THE_VISIT, "link", "note"],
  APPOINTMENT_CONFIRMATION: [...ABOUT_THE_VISIT, "appointmentDate", "link"],
  APPOINTMENT_REMINDER: [...ABOUT_THE_VISIT, "appointmentDate", "link"],
};

/** A subject is one short line in an inbox: no link (it is on the button) and no multi-line note. */
const NOT_IN_SUBJECT: readonly TemplateVariable[] = ["link", "note"];

/**
 * An SMS is one short text with nothing around it but the dealer's name: for the check-in and report
 * messages the link is the whole point, so an SMS without `{{link}}` is refused. An e-mail has the
 * button, and the appointment messages are useful without the link (when and where).
 */
const LINK_REQUIRED_IN_SMS: readonly TemplateKind[] = ["CHECKIN_INVITATION", "CHECKIN_REMINDER", "REPORT"];

export function allowedVariables(kind: TemplateKind, field: TemplateField): readonly TemplateVariable[] {
  const all = BY_KIND[kind];
  return field === "subject" ? all.filter((name) => !NOT_IN_SUBJECT.includes(name)) : all;
}

export function requiredVariables(kind: TemplateKind, field: TemplateField): readonly TemplateVariable[] {
  return field === "smsText" && LINK_REQUIRED_IN_SMS.includes(kind) ? ["link"] : [];
}

/** The rules `compileTemplate` holds one field of one message to. */
export function templateRules(
  kind: TemplateKind,
  field: TemplateField,
): { allowed: readonly TemplateVariable[]; required: readonly TemplateVariable[] } {
  return { allowed: allowedVariables(kind, field), required: requiredVariables(kind, field) };
}
