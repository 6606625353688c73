import * as v from 'valibot';
import { PACK_LIMITS } from './limits';
import { packEntitySchema, packHeaderSchema, type Pack, type PackEntity } from './schema';

/** A refused pack. `message` is meant for the reader: which entity, which field, what is wrong. */
export class PackError extends Error {
  override name = 'PackError';
}

function fieldOf(issue: v.BaseIssue<unknown>): string {
  return v.getDotPath(issue) ?? '';
}

/** valibot words a missing required key as "Invalid key: Expected …"; a reader needs "is missing". */
function isMissingKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'object' && issue.path?.at(-1)?.origin === 'key';
}

function describe(issue: v.BaseIssue<unknown>): string {
  const field = fieldOf(issue);
  if (field && isMissingKey(issue)) return `field "${field}" is missing`;
  return field ? `field "${field}" ${issue.message}` : issue.message;
}

/** UTF-8 size of `text`, stopping once it passes `limit` (a 64 MiB string is not walked twice). */
function utf8BytesOver(text: string, limit: number): boolean {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair (4 bytes) counts 2 + 2 here, which is exact.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
    if (bytes > limit) return true;
  }
  return false;
}

function entityLabel(index: number, raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const shownId = typeof id === 'string' ? ` (id "${id.slice(0, 64)}")` : '';
  return `entity ${index + 1}${shownId}`;
}

/** Validates a parsed JSON value as a pack. Throws PackError on the first problem. */
export function validatePack(data: unknown): Pack {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new PackError('This file is not a Backstory pack: it must be a JSON object.');
  }
  const header = v.safeParse(packHeaderSchema, data);
  if (!header.success) {
    throw new PackError(`This pack was refused: ${describe(header.issues[0]!)}.`);
  }
  const entities: PackEntity[] = [];
  const seen = new Set<string>();
  header.output.entities.forEach((raw, index) => {
    const parsed = v.safeParse(packEntitySchema, raw);
    if (!parsed.success) {
      throw new PackError(
        `This pack was refused: ${entityLabel(index, raw)}: ${describe(parsed.issues[0]!)}.`,
      );
    }
    if (seen.has(parsed.output.id)) {
      throw new PackError(
        `This pack was refused: ${entityLabel(index, raw)}: field "id" is used by an earlier entity; ids must be unique.`,
      );
    }
    seen.add(parsed.output.id);
    entities.push(parsed.output);
  });
  const { entities: _raw, ...rest } = header.output;
  return { ...rest, entities };
}

/** Parses and validates pack text (a `.json` file). */
export function parsePack(text: string): Pack {
  // Length in UTF-16 units is a lower bound of the UTF-8 size (cheap); at most 3 bytes a unit, so
  // only a text longer than a third of the limit needs its bytes counted.
  const max = PACK_LIMITS.maxBytes;
  if (text.length > max || (text.length * 3 > max && utf8BytesOver(text, max))) {
    throw new PackError('This pack was refused: it is larger than 64 MiB.');
  }
  let data: unknown;
  try {
    // Editors on Windows often save UTF-8 with a byte-order mark, which JSON.parse rejects.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PackError(
      `This file is not valid JSON, so it cannot be a Backstory pack (${detail}).`,
    );
  }
  return validatePack(data);
}
