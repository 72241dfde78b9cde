import "server-only";

/** Page geometry, text styles and the page-break rules shared by every block of the receipt. */

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 56, bottom: 72, left: 48, right: 48 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export const COLORS = { text: "#111827", muted: "#6b7280", rule: "#d1d5db" };

export const FONT = { regular: "Inter", semibold: "Inter-SemiBold" } as const;

export type TextStyle = { font: (typeof FONT)[keyof typeof FONT]; size: number; color: string; lineGap: number };

export const STYLE = {
  dealer: { font: FONT.semibold, size: 14, color: COLORS.text, lineGap: 0 },
  small: { font: FONT.regular, size: 8.5, color: COLORS.muted, lineGap: 1.5 },
  title: { font: FONT.semibold, size: 15, color: COLORS.text, lineGap: 0 },
  customer: { font: FONT.semibold, size: 12, color: COLORS.text, lineGap: 0 },
  heading: { font: FONT.semibold, size: 11.5, color: COLORS.text, lineGap: 0 },
  label: { font: FONT.regular, size: 9.5, color: COLORS.muted, lineGap: 1.5 },
  body: { font: FONT.regular, size: 10, color: COLORS.text, lineGap: 1.5 },
  detail: { font: FONT.regular, size: 8.5, color: COLORS.muted, lineGap: 1.5 },
  total: { font: FONT.regular, size: 10, color: COLORS.text, lineGap: 0 },
  grandTotal: { font: FONT.semibold, size: 11.5, color: COLORS.text, lineGap: 0 },
  note: { font: FONT.regular, size: 9, color: COLORS.text, lineGap: 2 },
} satisfies Record<string, TextStyle>;

type Doc = PDFKit.PDFDocument;

export function applyStyle(doc: Doc, style: TextStyle): Doc {
  return doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

/** Height the text takes when wrapped to `width`, measured by the same line wrapper that draws it. */
export function measure(doc: Doc, style: TextStyle, text: string, width: number): number {
  return applyStyle(doc, style).heightOfString(text, { width, lineGap: style.lineGap });
}

/**
 * Draws wrapped text at (x, y) and returns the y below it. Text that does not fit flows onto the next
 * page at the same x; callers that need a block kept together call `ensureSpace` first.
 */
export function write(doc: Doc, style: TextStyle, text: string, x: number, y: number, width: number): number {
  applyStyle(doc, style).text(text, x, y, { width, lineGap: style.lineGap });
  return doc.y;
}

// Tabular figures, so that amounts in a column line up digit under digit.
const FIGURES: PDFKit.Mixins.TextOptions = { features: ["tnum"] };

export function figuresWidth(doc: Doc, style: TextStyle, text: string): number {
  return applyStyle(doc, style).widthOfString(text, FIGURES);
}

/** One right-aligned line of figures ending at `right`, never wrapped or moved: amounts are shown whole. */
export function writeRight(doc: Doc, style: TextStyle, text: string, right: number, y: number): void {
  const width = figuresWidth(doc, style, text);
  doc.text(text, right - width, y, { ...FIGURES, lineBreak: false });
}

/** One line cut with an ellipsis at `width`, for furniture where a second line has no room. */
export function writeClipped(doc: Doc, style: TextStyle, text: string, x: number, y: number, width: number): void {
  applyStyle(doc, style).text(text, x, y, { width, height: style.size * 1.5, ellipsis: true });
}

export function bodyBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

export const BODY_HEIGHT = A4.height - MARGIN.top - MARGIN.bottom;

/**
 * Starts a new page unless `height` more points fit below the cursor. A block taller than a whole page
 * cannot be kept together, so it only asks for `minimum` and lets its text flow.
 */
export function ensureSpace(doc: Doc, height: number, minimum = Math.min(height, 48)): void {
  const needed = height <= BODY_HEIGHT ? height : minimum;
  if (doc.y + needed > bodyBottom(doc) && doc.y > doc.page.margins.top) doc.addPage();
}

export function rule(doc: Doc, y: number, color: string = COLORS.rule, x = MARGIN.left, width = CONTENT_WIDTH): void {
  if (y > bodyBottom(doc)) return;
  doc
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(0.5)
    .strokeColor(color)
    .stroke();
}

/**
 * Running header (from page 2) and footer with page numbers on every page, drawn once all pages exist.
 * They sit in the margins, which pdfkit treats as "off the page" and would answer with a new page, so the
 * margins are lifted while drawing.
 */
export function drawPageFurniture(doc: Doc, runningHeader: string, footer: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    const pageNumber = `${index - start + 1} / ${count}`;
    const numberWidth = 48;
    if (index > start) {
      writeClipped(doc, STYLE.small, runningHeader, MARGIN.left, 28, CONTENT_WIDTH);
    }
    const footerTop = A4.height - MARGIN.bottom + 18;
    doc
      .moveTo(MARGIN.left, footerTop - 8)
      .lineTo(MARGIN.left + CONTENT_WIDTH, footerTop - 8)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    applyStyle(doc, STYLE.small).text(footer, MARGIN.left, footerTop, {
      width: CONTENT_WIDTH - numberWidth - 12,
      lineGap: STYLE.small.lineGap,
      height: 3 * (STYLE.small.size * 1.25),
      ellipsis: true,
    });
    writeRight(doc, STYLE.small, pageNumber, MARGIN.left + CONTENT_WIDTH, footerTop);
    doc.page.margins = margins;
  }
}
