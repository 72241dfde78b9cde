"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/auth/dealer-action";
import { tokenAction } from "@/lib/auth/token-action";
import { runWithRetry } from "@/lib/appointments/retry";
import { askAboutReportItem, decideReportItem, recordReportOpened, submitReportAnswer } from "@/lib/report/answer-report";
import { beaconFields, decisionFields, finalAnswerFields, questionFields } from "@/lib/report/answer-fields";

/**
 * The report page's form posts, each through tokenAction (a valid, open REPORT link; dealer and
 * appointment from the token). Plain forms: they work without JavaScript. A closed link lands on the
 * closed page; nothing is written.
 */
function afterward(formToken: string, result: ActionResult<unknown>, done?: string): ActionResult<unknown> {
  if (!result.ok && result.error === "gone") redirect(`/r/${formToken}/closed`);
  // A stale version: the page re-renders with the new quote and says so.
  if (result.ok || result.error === "conflict") revalidatePath(`/r/${formToken}`);
  if (result.ok && done) redirect(done);
  return result;
}

const decision = tokenAction("REPORT", decisionFields, async ({ link, input }) =>
  decideReportItem({
    link,
    version: input.version,
    itemKey: input.itemKey,
    decision: input.decision,
    reason: input.reason ?? null,
    remindMonths: input.remindMonths,
  }),
);

export async function decideItemAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  return afterward(String(formData.get("token")), await decision(previous, formData));
}

const question = tokenAction("REPORT", questionFields, async ({ link, input }) =>
  askAboutReportItem({ link, version: input.version, itemKey: input.itemKey, body: input.body }),
);

export async function askQuestionAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  return afterward(String(formData.get("token")), await question(previous, formData));
}

const answers = tokenAction("REPORT", finalAnswerFields, async ({ link, input }) =>
  submitReportAnswer({ link, version: input.version, finalComment: input.finalComment }),
);

export async function submitAnswersAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  const formToken = String(formData.get("token"));
  return afterward(formToken, await answers(previous, formData), `/r/${formToken}/done`);
}

const opened = tokenAction("REPORT", beaconFields, async ({ link }) =>
  runWithRetry(async (tx) => {
    const report = await tx.report.findFirst({
      where: { appointmentId: link.appointmentId, dealerId: link.dealerId },
      select: { id: true },
    });
    if (report) await recordReportOpened(tx, link, report.id);
  }),
);

/** The page's beacon: a person is looking at the report (see OpenedBeacon). */
export async function markReportOpenedAction(previous: unknown, formData: FormData): Promise<ActionResult<unknown>> {
  return opened(previous, formData);
}
