import type { ReactNode } from "react";
import { CustomerRoot } from "@/app/(customer)/customer-root";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";

/** Root layout of a check-in link: the dealer's theme and the recipient's language. */
export default async function CheckinLayout({ children, params }: { children: ReactNode; params: Promise<{ token: string }> }) {
  const link = await getCheckinByToken((await params).token);
  return <CustomerRoot link={link.status === "unknown" ? null : link.view}>{children}</CustomerRoot>;
}
