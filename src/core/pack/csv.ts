import { slugify } from '../slug';
import { PACK_LIMITS } from './limits';
import type { Pack } from './schema';
import { PackError, validatePack } from './validate';

// CSV import (pack-format.md): a spreadsheet the user already has, with a header row naming the
// columns name, aliases (separated by ";"), type, summary, link. Each row becomes a pack entity and
// the result goes through validatePack, so every pack rule applies; messages name the row.

const COLUMNS = ['name', 'aliases', 'type', 'summary', 'link'] as const;
type Column = (typeof COLUMNS)[number];

/** One CSV record and its row number as a spreadsheet shows it (the header is row 1). */
interface CsvRow {
  row: number;
  cells: string[];
}

const refused = (what: string) => new PackError(`This CSV file was refused: ${what}.`);

/**
 * RFC 4180 records: fields separated by commas, records by CRLF or LF (a lone CR too, as old
 * spreadsheets write it); a quoted field may hold commas, line breaks and doubled quotes. Lenient
 * where the RFC is strict: a quote inside an unquoted field is kept as a character.
 */
function readCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  let quoteRow = 1;
  const endRow = () => {
    cells.push(cell);
    // A blank line (often the last one) is no record, but it still counts as a spreadsheet row.
    if (cells.length > 1 || cells[0]!.trim() !== '') rows.push({ row, cells });
    cells = [];
    cell = '';
    row += 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] !== '"') quoted = false;
      else {
        cell += '"';
        i++;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteRow = row;
      cell = '';
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += c;
  }
  if (quoted) throw refused(`row ${quoteRow}: a quoted field has no closing quote (")`);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** Which cell holds which known column; unknown columns are ignored, like unknown pack fields. */
function readHeader(header: CsvRow): Partial<Record<Column, number>> {
  const where: Partial<Record<Column, number>> = {};
  header.cells.forEach((raw, index) => {
    const name = raw.trim().toLowerCase() as Column;
    if (!COLUMNS.includes(name)) return;
    if (where[name] !== undefined) throw refused(`the column "${name}" appears twice`);
    where[name] = index;
  });
  if (where.name === undefined) {
    throw refused(
      'the first row must name the columns and include "name" (for example: name,aliases,type,summary,link)',
    );
  }
  return where;
}

// Latin letters that NFKD does not split into a base letter and a mark.
/** Unique ids: a name without ASCII letters (Chinese, say) is named after its row instead. */
function makeId(name: string, row: number, used: Set<string>): string {
  const slug = slugify(name);
  const base = /[a-z]/.test(slug) ? slug : `entity-${row}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base.slice(0, 127 - String(n).length)}-${n}`;
  used.add(id);
  return id;
}

function toEntity(cells: string[], where: Partial<Record<Column, number>>, id: string) {
  const cell = (column: Column) => {
    const index = where[column];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const aliases = cell('aliases')
    .split(';')
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
  const summary = cell('summary');
  const link = cell('link');
  return {
    id,
    name: cell('name'),
    // Spreadsheets capitalise ("Person"); the pack's types are lowercase.
    type: cell('type').toLowerCase() || 'other',
    aliases,
    ...(summary ? { summary: { en: summary } } : {}),
    ...(link ? { links: [{ label: 'Link', url: link }] } : {}),
  };
}

/** "entity 3 (id …): field "links.0.url" …" → "row 4 (name "…"): column "link" …". */
function inRowTerms(message: string, rows: CsvRow[], names: string[]): string {
  const match = /^This pack was refused: entity (\d+)(?: \(id "[^"]*"\))?: (.*)$/s.exec(message);
  if (!match) return message;
  const index = Number(match[1]) - 1;
  const name = names[index] ?? '';
  const who = `row ${rows[index]?.row ?? index + 2}${name ? ` (name "${name.slice(0, 64)}")` : ''}`;
  const what = match[2]!.replace(/^field "(\w+)[^"]*"/, (_all, field: string) => {
    const column = { links: 'link', summary: 'summary', aliases: 'aliases' }[field] ?? field;
    return `column "${column}"`;
  });
  return `This CSV file was refused: ${who}: ${what}`;
}

/** Parses a CSV spreadsheet into a validated pack. Throws PackError naming the row. */
export function parseCsvPack(text: string, meta: { id: string; title: string }): Pack {
  // Length in UTF-16 units, a lower bound of the size: enough to stop a huge file early.
  if (text.length > PACK_LIMITS.maxBytes) throw refused('it is larger than 64 MiB');
  const records = readCsv(text.replace(/^\uFEFF/, ''));
  const [header, ...rows] = records;
  if (!header) throw refused('the file is empty; the first row must name the columns');
  const where = readHeader(header);
  if (rows.length === 0) throw refused('it has a header row but no rows of entities');
  if (rows.length > PACK_LIMITS.maxEntities) {
    throw refused(`it has ${rows.length} rows; at most 200,000 entities are allowed`);
  }
  const used = new Set<string>();
  const entities = rows.map(({ row, cells }) => {
    const name = (cells[where.name!] ?? '').trim();
    return toEntity(cells, where, makeId(name, row, used));
  });
  try {
    const { id, title } = meta;
    return validatePack({ format: 'backstory-pack', version: 1, id, title, entities });
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    const names = entities.map((entity) => entity.name);
    throw new PackError(inRowTerms(error.message, rows, names));
  }
}
