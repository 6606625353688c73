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

function describe(issue: v.BaseIssue<unknown>): string {
  const field = fieldOf(issue);
  return field ? `field "${field}" ${issue.message}` : issue.message;
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
  // Length in UTF-16 units is a lower bound of the UTF-8 size; good enough to stop a huge file early.
  if (text.length > PACK_LIMITS.maxBytes) {
    throw new PackError('This pack was refused: it is larger than 64 MiB.');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PackError(
      `This file is not valid JSON, so it cannot be a Backstory pack (${detail}).`,
    );
  }
  return validatePack(data);
}
