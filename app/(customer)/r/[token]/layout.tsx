import type { ReactNode } from "react";
import { CustomerRoot } from "@/app/(customer)/customer-root";
import { getReportByToken } from "@/lib/report/get-report-by-token";

/** Root layout of a report link: the dealer's theme and the recipient's language. */
export default async function ReportLayout({ children, params }: { children: ReactNode; params: Promise<{ token: string }> }) {
  const link = await getReportByToken((await params).token);
  return <CustomerRoot link={link.status === "unknown" ? null : link.view}>{children}</CustomerRoot>;
}
