// Adds native charts to a workbook exceljs has written (exceljs writes none): the chart and drawing parts, their
// relationships, the content types, and a <drawing> element in the sheet that shows it. The package is opened with
// jszip, which copies the untouched parts' compressed bytes as they are: only the few small parts named here are
// rewritten. The whole compressed file is held in memory for the rewrite (tens of MB for a province of 50,000 units).
import { createWriteStream } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import {
  CT_CHART,
  CT_DRAWING,
  REL_CHART,
  REL_DRAWING,
  barChartXml,
  drawingXml,
  relationshipsXml,
  type BarChartSpec,
  type ChartAnchor,
} from './chart-xml.js';

export interface SheetChart {
  /** The worksheet's name, as the workbook lists it. */
  sheet: string;
  chart: BarChartSpec;
  anchor: ChartAnchor;
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, unescapeXml(m[2]!)]));

interface Rel {
  id: string;
  type: string;
  target: string;
}
const readRels = (xml: string): Rel[] =>
  [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' };
  });

async function text(zip: JSZip, path: string): Promise<string> {
  const entry = zip.file(path);
  if (!entry) throw new Error(`xlsx: thiếu ${path} / missing part ${path}`);
  return entry.async('string');
}

/** The package path of a sheet's XML (`xl/worksheets/sheet2.xml`), found by its name through workbook.xml. */
export async function sheetPath(zip: JSZip, name: string): Promise<string> {
  const workbook = await text(zip, 'xl/workbook.xml');
  const sheet = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => attrs(m[0])).find((a) => a.name === name);
  if (!sheet) throw new Error(`xlsx: không có trang tính "${name}" / no sheet named "${name}"`);
  const rel = readRels(await text(zip, 'xl/_rels/workbook.xml.rels')).find((r) => r.id === sheet['r:id']);
  if (!rel) throw new Error(`xlsx: trang tính "${name}" không có quan hệ / sheet "${name}" has no relationship`);
  return rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target}`;
}

// CT_Worksheet: <drawing> comes after the page setup and before these
const AFTER_DRAWING = [
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<drawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];

export function insertDrawing(sheetXml: string, relId: string): string {
  if (/<drawing\b/.test(sheetXml)) throw new Error('xlsx: trang tính đã có hình vẽ / the sheet already has a drawing');
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
  if (!Number.isFinite(at)) throw new Error('xlsx: trang tính không hợp lệ / malformed sheet');
  const root = /<worksheet\b[^>]*>/.exec(sheetXml)?.[0] ?? '';
  const withNs = root.includes('xmlns:r=')
    ? sheetXml
    : sheetXml.replace(root, root.replace(/>$/, ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'));
  const shift = withNs.length - sheetXml.length;
  return `${withNs.slice(0, at + shift)}<drawing r:id="${relId}"/>${withNs.slice(at + shift)}`;
}

function addOverrides(contentTypes: string, parts: { path: string; type: string }[]): string {
  const overrides = parts.map((p) => `<Override PartName="/${p.path}" ContentType="${p.type}"/>`).join('');
  return contentTypes.replace('</Types>', `${overrides}</Types>`);
}

/**
 * The first number N from which `xl/drawings/drawingN.xml` and `xl/charts/chartN.xml` are both free: a workbook with a
 * picture (a logo) already has drawing1.xml, which a chart must not overwrite.
 */
export function firstFreePartNumber(paths: readonly string[]): number {
  const taken = paths.map((p) => /^xl\/(?:drawings\/drawing|charts\/chart)(\d+)\.xml$/.exec(p)?.[1]).filter((n) => n !== undefined);
  return Math.max(0, ...taken.map(Number)) + 1;
}

export async function addCharts(file: string, charts: readonly SheetChart[]): Promise<void> {
  if (!charts.length) return;
  const zip = await JSZip.loadAsync(await readFile(file));
  let contentTypes = await text(zip, '[Content_Types].xml');
  const first = firstFreePartNumber(Object.keys(zip.files));
  for (const [i, c] of charts.entries()) {
    const n = first + i;
    const sheet = await sheetPath(zip, c.sheet);
    const dir = sheet.slice(0, sheet.lastIndexOf('/'));
    const base = sheet.slice(sheet.lastIndexOf('/') + 1);
    const relsPath = `${dir}/_rels/${base}.rels`;
    const rels = zip.file(relsPath) ? readRels(await text(zip, relsPath)) : [];
    const relId = `rIdChart${n}`;
    if (rels.some((r) => r.id === relId)) throw new Error(`xlsx: ${relsPath} đã có ${relId} / already has ${relId}`);
    zip.file(relsPath, relationshipsXml([...rels, { id: relId, type: REL_DRAWING, target: `../drawings/drawing${n}.xml` }]));
    zip.file(sheet, insertDrawing(await text(zip, sheet), relId));
    zip.file(`xl/drawings/drawing${n}.xml`, drawingXml(c.anchor, c.chart.title));
    zip.file(
      `xl/drawings/_rels/drawing${n}.xml.rels`,
      relationshipsXml([{ id: 'rId1', type: REL_CHART, target: `../charts/chart${n}.xml` }]),
    );
    zip.file(`xl/charts/chart${n}.xml`, barChartXml(c.chart));
    contentTypes = addOverrides(contentTypes, [
      { path: `xl/drawings/drawing${n}.xml`, type: CT_DRAWING },
      { path: `xl/charts/chart${n}.xml`, type: CT_CHART },
    ]);
  }
  zip.file('[Content_Types].xml', contentTypes);
  const tmp = `${file}.chart-tmp`;
  await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' }), createWriteStream(tmp));
  await rename(tmp, file);
}
