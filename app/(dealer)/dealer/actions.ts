"use server";

import { redirect } from "next/navigation";
import { writeAudit } from "@/lib/audit";
import { clearSessionCookie, currentStaff, revokeSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { requestContext } from "@/lib/request-context";

export async function signOutAction(): Promise<void> {
  const staff = await currentStaff();
  if (staff) {
    await revokeSession(staff.sessionId);
    await writeAudit(db(), {
      dealerId: staff.dealerId,
      actor: { type: "STAFF", id: staff.staffUserId },
      event: { type: "staff.signed_out" },
      context: await requestContext(),
    });
  }
  await clearSessionCookie();
  redirect("/dealer/sign-in");
}
