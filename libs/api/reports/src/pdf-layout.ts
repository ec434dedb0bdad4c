import { BOLD, REGULAR } from './pdf-fonts';

export type Doc = PDFKit.PDFDocument;
export const MARGIN = 40;
export const FOOTER = 30;

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A table that continues on the next page with its header repeated; each row is as tall as its
 * tallest cell.
 */
export function table(
  doc: Doc,
  columns: Column[],
  rows: string[][],
  bold: Set<number> = new Set(),
) {
  const left = MARGIN;
  const pad = 3;
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(8);
    return (
      Math.max(
        ...cells.map((c, i) => doc.heightOfString(c, { width: columns[i].width - 2 * pad })),
      ) +
      2 * pad
    );
  };
  const draw = (cells: string[], font: string, shade: boolean) => {
    const h = heightOf(cells, font);
    const y = doc.y;
    let x = left;
    if (shade)
      doc
        .rect(
          left,
          y,
          columns.reduce((w, c) => w + c.width, 0),
          h,
        )
        .fill('#e8eef5');
    doc.fillColor('black').font(font).fontSize(8);
    cells.forEach((cell, i) => {
      doc.rect(x, y, columns[i].width, h).lineWidth(0.5).stroke('#7a8797');
      doc.text(cell, x + pad, y + pad, {
        width: columns[i].width - 2 * pad,
        align: columns[i].align ?? 'left',
      });
      x += columns[i].width;
    });
    doc.x = left;
    doc.y = y + h;
  };
  const header = columns.map((c) => c.title);
  const headerHeight = heightOf(header, BOLD);
  if (doc.y + headerHeight + 20 > bottom()) doc.addPage();
  draw(header, BOLD, true);
  rows.forEach((row, i) => {
    const font = bold.has(i) ? BOLD : REGULAR;
    if (doc.y + heightOf(row, font) > bottom()) {
      doc.addPage();
      draw(header, BOLD, true);
    }
    draw(row, font, false);
  });
  doc.moveDown(0.8);
}

export function heading(doc: Doc, text: string) {
  if (doc.y + 60 > doc.page.height - MARGIN - FOOTER) doc.addPage();
  doc.x = MARGIN;
  doc.font(BOLD).fontSize(11).fillColor('black').text(text);
  doc.moveDown(0.4);
}
