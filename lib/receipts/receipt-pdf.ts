import "server-only";
import PDFDocument from "pdfkit";
import { formatMoney } from "@/lib/money";
import { receiptFontFiles } from "./pdf-fonts";
import { A4, FONT, MARGIN, drawPageFurniture } from "./pdf-page";
import { drawFacts, drawNotes, drawSections, drawTotals } from "./receipt-blocks";
import { brandColor, drawHeader } from "./receipt-header";

/** `grossMinor` is null when the site hides prices; the line is then listed without an amount. */
export type ReceiptLine = { title: string; detail?: string | null; quantity?: string | null; grossMinor: number | null };

/** Everything the customer's receipt shows, already translated by the caller into `locale`. */
export type Receipt = {
  locale: string;
  currency: string;
  dealer: {
    name: string;
    primaryColor: string;
    /** The dealer's typeface (lib/dealers/fonts.ts); Inter when unset. */
    fontKey?: string;
    logoPng: Uint8Array | null;
    siteName: string;
    address: string;
    phone: string;
  };
  title: string;
  reference: string;
  customerName: string;
  facts: { label: string; value: string }[];
  sections: { heading: string; lines: ReceiptLine[] }[];
  /** Net, VAT per rate, total incl. VAT (last, printed bold); null when prices are hidden. */
  totals: { label: string; valueMinor: number }[] | null;
  notes: string[];
  footer: string;
};

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
}

/** Renders the receipt as an A4 PDF with the dealer's typeface embedded, so names and € print as typed. */
export async function renderReceiptPdf(receipt: Receipt): Promise<Uint8Array> {
  const fonts = receiptFontFiles(receipt.dealer.fontKey);
  const doc = new PDFDocument({
    size: [A4.width, A4.height],
    margins: MARGIN,
    // Passing the font here keeps pdfkit from loading its Helvetica metrics, which cannot print "Ł".
    font: fonts.regular,
    bufferPages: true,
    pdfVersion: "1.7",
    lang: receipt.locale,
    displayTitle: true,
    info: {
      Title: `${receipt.title} – ${receipt.reference}`,
      Author: receipt.dealer.name,
      Creator: "Greenlight",
      Producer: "Greenlight",
    },
  });
  const done = collect(doc);
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.semibold, fonts.semibold);
  const money = (minor: number) => formatMoney(minor, receipt.currency, receipt.locale);

  drawHeader(doc, receipt);
  drawFacts(doc, receipt.facts);
  drawSections(doc, receipt.sections, brandColor(receipt), money);
  drawTotals(doc, receipt.totals, money);
  drawNotes(doc, receipt.notes);
  drawPageFurniture(doc, `${receipt.dealer.name} · ${receipt.title} · ${receipt.reference}`, receipt.footer);
  doc.end();
  return done;
}

/** A receipt PDF as a download for the link's holder: never cached, never indexed. */
export function receiptPdfResponse(pdf: Uint8Array, reference: string): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${reference.replace(/[^A-Za-z0-9._-]+/g, "-")}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}
