// Every back-office server action, held against the role matrix of issue 7: admin (everything),
// advisor (appointments, reports, check-ins), mechanic (nothing to change), marketing (theme, services,
// texts, previews). A new action must be added here, so nobody ships one without deciding who may use it.
// That dealerAction enforces the roles it carries is proven in lib/auth/action-wrappers.test.ts; the pages'
// answers per role are proven in a browser by e2e/settings-roles.spec.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { StaffRole } from "@/lib/db/generated/client";

const root = path.resolve(import.meta.dirname, "..");
const dealerApp = path.join(root, "app/(dealer)");

const HANDLERS: StaffRole[] = ["ADMIN", "ADVISOR"];
const ADMINS: StaffRole[] = ["ADMIN"];
const BRAND: StaffRole[] = ["ADMIN", "MARKETING"];

/** file (relative to app/(dealer)) → export → roles, or "public" for the sign-in/out and invitation entry points. */
const MATRIX: Record<string, Record<string, StaffRole[] | "public">> = {
  "dealer/actions.ts": { signOutAction: "public" },
  "dealer/sign-in/actions.ts": { signInAction: "public" },
  "dealer/appointments/form-actions.ts": { saveAppointmentAction: HANDLERS },
  "dealer/appointments/[id]/actions.ts": {
    sendCheckinAction: HANDLERS,
    endAppointmentAction: HANDLERS,
    setCheckinHandledAction: HANDLERS,
    setMechanicVisibilityAction: HANDLERS,
    convertCheckinItemAction: HANDLERS,
  },
  "dealer/appointments/[id]/report/actions.ts": {
    saveReportItemAction: HANDLERS,
    setReportItemVisibleAction: HANDLERS,
    moveReportItemAction: HANDLERS,
    removeReportItemAction: HANDLERS,
    removeReportAttachmentAction: HANDLERS,
    sendReportAction: HANDLERS,
    authorizeReportItemAction: HANDLERS,
    pinReportItemAction: HANDLERS,
    snoozeReportItemAction: HANDLERS,
    markReportMessageReadAction: HANDLERS,
    replyReportItemAction: HANDLERS,
    reportMechanicVisibilityAction: HANDLERS,
    closeReportAction: HANDLERS,
  },
  "dealer/settings/theme/actions.ts": { saveThemeAction: BRAND, removeThemeImageAction: BRAND },
  "dealer/preview/actions.ts": { nothingSavedInPreviewAction: BRAND, sendPreviewTestAction: BRAND },
  "dealer/settings/api/actions.ts": {
    createApiKeyAction: ADMINS,
    revokeApiKeyAction: ADMINS,
    createWebhookAction: ADMINS,
    deactivateWebhookAction: ADMINS,
  },
  "dealer/settings/services/actions.ts": {
    createServiceAction: BRAND,
    updateServiceAction: BRAND,
    moveServiceAction: BRAND,
    setServiceActiveAction: BRAND,
    removeServiceImageAction: BRAND,
  },
  "dealer/settings/terms/actions.ts": { publishTermsAction: BRAND },
  "dealer/settings/sites/actions.ts": { createSiteAction: ADMINS, updateSiteAction: ADMINS },
  "dealer/settings/staff/actions.ts": {
    inviteStaffAction: ADMINS,
    resendInvitationAction: ADMINS,
    changeStaffRoleAction: ADMINS,
    deactivateStaffAction: ADMINS,
    reactivateStaffAction: ADMINS,
  },
  // The invitee has no session yet: the token in the form is the key (lib/staff/accept-invitation.ts).
  "dealer/invitation/[token]/actions.ts": { acceptInvitationAction: "public" },
  "dealer/settings/templates/actions.ts": {
    saveTemplateAction: BRAND,
    resetTemplateAction: BRAND,
  },
};

function actionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return actionFiles(full);
    return /actions\.ts$/.test(name) ? [full] : [];
  });
}

describe("back-office server actions and the role matrix", () => {
  const files = actionFiles(dealerApp).map((file) => path.relative(dealerApp, file).split(path.sep).join("/"));

  it("lists every actions file of the back-office", () => {
    expect(files.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const file of Object.keys(MATRIX)) {
    it(`${file}: each export admits exactly the roles of the matrix`, async () => {
      const source = readFileSync(path.join(dealerApp, file), "utf8");
      expect(source.startsWith('"use server";')).toBe(true);
      const exported = (await import(path.join(dealerApp, file))) as Record<string, unknown>;
      const expected = MATRIX[file]!;
      expect(Object.keys(exported).sort()).toEqual(Object.keys(expected).sort());
      for (const [name, roles] of Object.entries(expected)) {
        const action = exported[name] as { allowedRoles?: readonly StaffRole[] };
        expect(typeof action, name).toBe("function");
        if (roles === "public") {
          expect(action.allowedRoles, name).toBeUndefined();
        } else if (action.allowedRoles) {
          expect([...action.allowedRoles].sort(), name).toEqual([...roles].sort());
        } else {
          // Actions that need more than dealerAction's result (a redirect, the typed values back) call
          // runDealerAction themselves; their role list is read from the source.
          const list = roles === HANDLERS ? "CUSTOMER_HANDLERS" : roles === ADMINS ? "DEALER_ADMINS" : "BRAND_EDITORS";
          expect(source, name).toMatch(new RegExp(`runDealerAction\\(\\{[^}]*roles: ${list}`));
        }
      }
    });
  }
});
