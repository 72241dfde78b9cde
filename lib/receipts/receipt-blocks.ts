import "server-only";
import type { Receipt, ReceiptLine } from "./receipt-pdf";
import {
  COLORS,
  CONTENT_WIDTH,
  MARGIN,
  STYLE,
  ensureSpace,
  figuresWidth,
  measure,
  rule,
  write,
  writeRight,
  type TextStyle,
} from "./pdf-page";

type Doc = PDFKit.PDFDocument;
type Money = (minor: number) => string;

const ROW_PADDING = 6;
const COLUMN_GAP = 12;
const PRICE_WIDTH = 96;
const QUANTITY_WIDTH = 64;
const DETAIL_GAP = 2;

/**
 * Moves below a row whose cells started on `page` and rules it off: below the lowest cell, unless a
 * cell flowed onto a new page, in which case only where that cell ended counts.
 */
function endRow(doc: Doc, page: PDFKit.PDFPage, bottoms: number[]): void {
  const bottom = doc.page === page ? Math.max(...bottoms) : doc.y;
  doc.x = MARGIN.left;
  doc.y = bottom + ROW_PADDING;
  rule(doc, doc.y);
}

export function drawFacts(doc: Doc, facts: Receipt["facts"]): void {
  if (facts.length === 0) return;
  const labelWidth = Math.round(CONTENT_WIDTH * 0.36);
  const valueX = MARGIN.left + labelWidth + COLUMN_GAP;
  const valueWidth = CONTENT_WIDTH - labelWidth - COLUMN_GAP;
  rule(doc, doc.y);
  for (const fact of facts) {
    const height = Math.max(measure(doc, STYLE.label, fact.label, labelWidth), measure(doc, STYLE.body, fact.value, valueWidth));
    ensureSpace(doc, height + 2 * ROW_PADDING);
    const top = doc.y + ROW_PADDING;
    const page = doc.page;
    const labelBottom = write(doc, STYLE.label, fact.label, MARGIN.left, top + 0.5, labelWidth);
    const valueBottom = write(doc, STYLE.body, fact.value, valueX, top, valueWidth);
    endRow(doc, page, [labelBottom, valueBottom]);
  }
  doc.y += 18;
}

type Columns = { titleWidth: number; quantityRight: number | null; priceRight: number };

function lineColumns(lines: ReceiptLine[]): Columns {
  const priceRight = MARGIN.left + CONTENT_WIDTH;
  const hasQuantity = lines.some((line) => line.quantity);
  const quantityRight = hasQuantity ? priceRight - PRICE_WIDTH - COLUMN_GAP : null;
  const reserved = PRICE_WIDTH + COLUMN_GAP + (hasQuantity ? QUANTITY_WIDTH + COLUMN_GAP : 0);
  return { titleWidth: CONTENT_WIDTH - reserved, quantityRight, priceRight };
}

function lineHeight(doc: Doc, line: ReceiptLine, width: number): number {
  const title = measure(doc, STYLE.body, line.title, width);
  return line.detail ? title + DETAIL_GAP + measure(doc, STYLE.detail, line.detail, width) : title;
}

/** Space a line asks for before it starts: all of it, or, for a remark longer than a page, its title and a few lines. */
function lineSpace(doc: Doc, line: ReceiptLine, columns: Columns): { whole: number; start: number } {
  const whole = lineHeight(doc, line, columns.titleWidth) + 2 * ROW_PADDING;
  const start = measure(doc, STYLE.body, line.title, columns.titleWidth) + 3 * STYLE.detail.size * 1.4 + 2 * ROW_PADDING;
  return { whole, start: Math.min(whole, start) };
}

function drawLine(doc: Doc, line: ReceiptLine, columns: Columns, money: Money): void {
  const top = doc.y + ROW_PADDING;
  const page = doc.page;
  if (line.grossMinor !== null) writeRight(doc, STYLE.body, money(line.grossMinor), columns.priceRight, top);
  if (line.quantity && columns.quantityRight !== null) {
    writeRight(doc, STYLE.label, line.quantity, columns.quantityRight, top + 0.5);
  }
  let bottom = write(doc, STYLE.body, line.title, MARGIN.left, top, columns.titleWidth);
  if (line.detail) bottom = write(doc, STYLE.detail, line.detail, MARGIN.left, bottom + DETAIL_GAP, columns.titleWidth);
  endRow(doc, page, [bottom]);
}

export function drawSections(doc: Doc, sections: Receipt["sections"], accent: string, money: Money): void {
  for (const section of sections) {
    const [first, ...rest] = section.lines;
    if (!first) continue;
    const columns = lineColumns(section.lines);
    // The heading is kept with its first line, so no heading is left alone at the foot of a page.
    const headingHeight = measure(doc, STYLE.heading, section.heading, CONTENT_WIDTH) + 6;
    const firstSpace = lineSpace(doc, first, columns);
    ensureSpace(doc, headingHeight + firstSpace.whole, headingHeight + firstSpace.start);
    const headingBottom = write(doc, STYLE.heading, section.heading, MARGIN.left, doc.y, CONTENT_WIDTH);
    doc.y = headingBottom + 4;
    doc
      .moveTo(MARGIN.left, doc.y)
      .lineTo(MARGIN.left + CONTENT_WIDTH, doc.y)
      .lineWidth(1.5)
      .strokeColor(accent)
      .stroke();
    drawLine(doc, first, columns, money);
    for (const line of rest) {
      const space = lineSpace(doc, line, columns);
      ensureSpace(doc, space.whole, space.start);
      drawLine(doc, line, columns, money);
    }
    doc.y += 18;
  }
}

const TOTALS_WIDTH = 260;

export function drawTotals(doc: Doc, totals: Receipt["totals"], money: Money): void {
  if (!totals || totals.length === 0) return;
  const left = MARGIN.left + CONTENT_WIDTH - TOTALS_WIDTH;
  const right = MARGIN.left + CONTENT_WIDTH;
  const rows = totals.map((total, index) => {
    const style: TextStyle = index === totals.length - 1 ? STYLE.grandTotal : STYLE.total;
    const value = money(total.valueMinor);
    const labelWidth = TOTALS_WIDTH - figuresWidth(doc, style, value) - COLUMN_GAP;
    return { label: total.label, value, style, labelWidth, height: measure(doc, style, total.label, labelWidth) + 6 };
  });
  const grandRuleSpace = 6;
  ensureSpace(
    doc,
    rows.reduce((sum, row) => sum + row.height, grandRuleSpace),
  );
  rows.forEach((row, index) => {
    if (index === rows.length - 1) {
      rule(doc, doc.y + 1, COLORS.text, left, TOTALS_WIDTH);
      doc.y += grandRuleSpace;
    }
    const top = doc.y;
    writeRight(doc, row.style, row.value, right, top);
    write(doc, row.style, row.label, left, top, row.labelWidth);
    doc.y = top + row.height;
  });
  doc.x = MARGIN.left;
  doc.y += 16;
}

export function drawNotes(doc: Doc, notes: string[]): void {
  for (const note of notes) {
    ensureSpace(doc, measure(doc, STYLE.note, note, CONTENT_WIDTH));
    doc.y = write(doc, STYLE.note, note, MARGIN.left, doc.y, CONTENT_WIDTH) + 4;
  }
  doc.x = MARGIN.left;
}
