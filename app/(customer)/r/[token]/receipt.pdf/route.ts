import { customerLocale } from "@/lib/i18n/request-locale";
import { receiptPdfResponse, renderReceiptPdf } from "@/lib/receipts/receipt-pdf";
import { getReportByToken } from "@/lib/report/get-report-by-token";
import { buildReportReceipt } from "@/lib/report/report-receipt";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });

/** The sent answers as a PDF to keep (only for the link's holder, while the report is open). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const link = await getReportByToken((await params).token);
  if (link.status !== "open") return notFound();
  const locale = await customerLocale(link.view.recipientLocale, link.view.brand.defaultLocale);
  const receipt = await buildReportReceipt(link.view, locale);
  if (!receipt) return notFound();
  const pdf = await renderReceiptPdf(receipt);
  return receiptPdfResponse(pdf, receipt.reference);
}
