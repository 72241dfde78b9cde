import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { InvitationAcceptForm } from "@/components/dealer/invitation-accept-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { findInvitation as findInvitationUncached } from "@/lib/staff/accept-invitation";
import { acceptInvitationAction } from "./actions";

type Props = { params: Promise<{ token: string }> };

/** Metadata and page read the same invitation: once per request. */
const findInvitation = cache((token: string) => findInvitationUncached(token));

export async function generateMetadata({ params }: Props) {
  const [invitation, t] = await Promise.all([findInvitation((await params).token), getTranslations("staffInvitation.page")]);
  return { title: invitation.status === "open" ? t("title", { dealer: invitation.dealerName }) : t("closedTitle") };
}

/**
 * Public: the page behind an invitation e-mail's link. An open invitation asks for a password; any other
 * link (unknown, expired, withdrawn, already used) says so in words, with the way forward.
 */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const [invitation, t, roles] = await Promise.all([
    findInvitation(token),
    getTranslations("staffInvitation.page"),
    getTranslations("dealer.roles"),
  ]);
  return (
    <main className="mx-auto mt-16 max-w-md px-4 pb-16">
      {invitation.status === "open" ? (
        <>
          <h1 className="text-2xl font-bold">{t("title", { dealer: invitation.dealerName })}</h1>
          <p className="mt-3">{t("intro", { name: invitation.name, dealer: invitation.dealerName, role: roles(invitation.role) })}</p>
          <InvitationAcceptForm action={acceptInvitationAction} token={token} email={invitation.email} minLength={MIN_PASSWORD_LENGTH} />
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">{t("closedTitle")}</h1>
          <p className="mt-3">{t(`closed.${invitation.status}`)}</p>
          <p className="mt-6">
            <a href="/dealer/sign-in" className="inline-flex min-h-11 items-center underline">
              {t("signIn")}
            </a>
          </p>
        </>
      )}
    </main>
  );
}
