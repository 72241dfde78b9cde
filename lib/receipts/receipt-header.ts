import "server-only";
import { isHexColor, readableTextOn } from "@/lib/dealers/theme";
import type { Receipt } from "./receipt-pdf";
import { CONTENT_WIDTH, MARGIN, STYLE, measure, applyStyle, write } from "./pdf-page";

type Doc = PDFKit.PDFDocument;

const LOGO_BOX = { width: 132, height: 44 };
const CONTACT_WIDTH = 190;
const BAND_PADDING = { x: 14, y: 10 };
// The same fallback as the pages' theme (lib/dealers/theme): a receipt must still render if a colour
// saved before validation existed is not #rrggbb.
const FALLBACK_PRIMARY = "#1f4e79";

export function brandColor(receipt: Receipt): string {
  return isHexColor(receipt.dealer.primaryColor) ? receipt.dealer.primaryColor : FALLBACK_PRIMARY;
}

/** Width and height from the PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((byte, i) => png[i] !== byte)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (view.getUint32(12) !== 0x49484452) return null; // "IHDR" must be the first chunk
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Draws the logo scaled into its box; returns the drawn width, or 0 when there is nothing to draw. */
function drawLogo(doc: Doc, png: Uint8Array | null): number {
  const size = png ? pngSize(png) : null;
  if (!png || !size) return 0;
  const scale = Math.min(LOGO_BOX.width / size.width, LOGO_BOX.height / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  try {
    doc.image(Buffer.from(png.buffer, png.byteOffset, png.byteLength), MARGIN.left, MARGIN.top + (LOGO_BOX.height - height) / 2, {
      width,
      height,
    });
  } catch {
    // A logo pdfkit cannot decode (an unusual PNG variant) must not cost the customer their receipt:
    // the dealer's name is printed beside it anyway.
    return 0;
  }
  return width;
}

/** Logo, dealer name and contact, the brand band with the title, then customer and reference. */
export function drawHeader(doc: Doc, receipt: Receipt): void {
  const { dealer } = receipt;
  const logoWidth = drawLogo(doc, dealer.logoPng);
  const nameX = MARGIN.left + (logoWidth > 0 ? logoWidth + 14 : 0);
  const nameWidth = MARGIN.left + CONTENT_WIDTH - CONTACT_WIDTH - 12 - nameX;

  let nameBottom = write(doc, STYLE.dealer, dealer.name, nameX, MARGIN.top, nameWidth);
  if (dealer.siteName && dealer.siteName !== dealer.name) {
    nameBottom = write(doc, STYLE.small, dealer.siteName, nameX, nameBottom + 2, nameWidth);
  }
  const contact = [dealer.address, dealer.phone].filter(Boolean).join("\n");
  applyStyle(doc, STYLE.small).text(contact, MARGIN.left + CONTENT_WIDTH - CONTACT_WIDTH, MARGIN.top, {
    width: CONTACT_WIDTH,
    align: "right",
    lineGap: STYLE.small.lineGap,
  });
  const headerBottom = Math.max(MARGIN.top + (logoWidth > 0 ? LOGO_BOX.height : 0), nameBottom, doc.y);

  const color = brandColor(receipt);
  const bandTop = headerBottom + 16;
  const titleWidth = CONTENT_WIDTH - 2 * BAND_PADDING.x;
  const bandHeight = measure(doc, STYLE.title, receipt.title, titleWidth) + 2 * BAND_PADDING.y;
  doc.rect(MARGIN.left, bandTop, CONTENT_WIDTH, bandHeight).fill(color);
  const onBand = { ...STYLE.title, color: readableTextOn(color) };
  write(doc, onBand, receipt.title, MARGIN.left + BAND_PADDING.x, bandTop + BAND_PADDING.y + 1, titleWidth);

  const rowTop = bandTop + bandHeight + 14;
  const referenceWidth = CONTENT_WIDTH * 0.4;
  const customerBottom = write(doc, STYLE.customer, receipt.customerName, MARGIN.left, rowTop, CONTENT_WIDTH - referenceWidth - 12);
  applyStyle(doc, STYLE.label).text(receipt.reference, MARGIN.left + CONTENT_WIDTH - referenceWidth, rowTop + 2, {
    width: referenceWidth,
    align: "right",
    lineGap: STYLE.label.lineGap,
  });
  doc.x = MARGIN.left;
  doc.y = Math.max(customerBottom, doc.y) + 14;
}
