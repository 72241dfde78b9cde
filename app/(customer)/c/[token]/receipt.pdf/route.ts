import { buildCheckinReceipt } from "@/lib/checkin/checkin-receipt";
import { getCheckinByToken } from "@/lib/checkin/get-checkin-by-token";
import { customerLocale } from "@/lib/i18n/request-locale";
import { receiptPdfResponse, renderReceiptPdf } from "@/lib/receipts/receipt-pdf";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });

/** The confirmed check-in as a PDF to keep (only for the link's holder, while the link is open). */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const link = await getCheckinByToken((await params).token);
  if (link.status !== "open") return notFound();
  const locale = await customerLocale(link.view.recipientLocale, link.view.brand.defaultLocale);
  const receipt = await buildCheckinReceipt(link.view, locale);
  if (!receipt) return notFound();
  const pdf = await renderReceiptPdf(receipt);
  return receiptPdfResponse(pdf, receipt.reference);
}
