import type { Response } from 'express';

import { ErrorCode } from '@keydesk/domain';

import { DomainError } from '../errors/domain-error';
import { assertJsonInput } from './json-input';

/** react-admin's simple-REST list parameters: filter={...}&range=[0,24]&sort=["field","ASC"]. */
export interface ListQuery<TSort extends string> {
  filter: Record<string, unknown>;
  offset: number;
  limit: number;
  sortField: TSort;
  sortOrder: 'ASC' | 'DESC';
}

export interface RawListQuery {
  filter?: string;
  range?: string;
  sort?: string;
}

const MAX_PAGE = 500;

/** Sort fields are whitelisted: TypeORM's orderBy() takes whatever it is given. */
export function parseListQuery<TSort extends string>(
  raw: RawListQuery,
  sortable: readonly TSort[],
  defaultSort: TSort,
): ListQuery<TSort> {
  const filter = parseJson(raw.filter, 'filter', {});
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) invalid('filter');
  const range = parseJson(raw.range, 'range', [0, 24]);
  // Safe integers only: 1e308 is an integer to JavaScript, and not one the database can skip to.
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((n) => Number.isSafeInteger(n) && n >= 0) ||
    range[1] < range[0]
  ) {
    invalid('range');
  }
  const [start, end] = range as [number, number];
  const sort = parseJson(raw.sort, 'sort', [defaultSort, 'ASC']);
  if (!Array.isArray(sort) || !sortable.includes(sort[0]) || !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())) {
    invalid('sort', sortable.join(', '));
  }
  return {
    filter: filter as Record<string, unknown>,
    offset: start,
    limit: Math.min(end - start + 1, MAX_PAGE),
    sortField: sort[0] as TSort,
    sortOrder: String(sort[1]).toUpperCase() as 'ASC' | 'DESC',
  };
}

export function setContentRange(
  response: Response,
  resource: string,
  offset: number,
  count: number,
  total: number,
): void {
  const end = count === 0 ? offset : offset + count - 1;
  response.setHeader('Content-Range', `${resource} ${offset}-${end}/${total}`);
  response.setHeader('Access-Control-Expose-Headers', 'Content-Range');
}

/** A filter value as a trimmed string, or undefined when absent or empty. */
export function filterText(filter: Record<string, unknown>, name: string): string | undefined {
  const value = filter[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') invalid(`filter.${name}`);
  return String(value).trim() || undefined;
}

/** react-admin's getMany asks for `filter={"id":[1,2,3]}`; positive integers only. */
export function filterIds(filter: Record<string, unknown>): number[] | undefined {
  const value = filter.id;
  if (value === undefined) return undefined;
  const ids = Array.isArray(value) ? value : [value];
  if (ids.length > MAX_PAGE || !ids.every((id) => Number.isInteger(Number(id)) && Number(id) > 0)) invalid('filter.id');
  return ids.map(Number);
}

/** A positive whole-number filter (an id), or undefined when absent. */
export function filterPositiveInt(filter: Record<string, unknown>, name: string): number | undefined {
  const text = filterText(filter, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new DomainError(ErrorCode.ValidationFailed, {}, { [`filter.${name}`]: { key: 'validation.isInt' } });
  }
  return value;
}

/** One value from `allowed`, or undefined when absent. */
export function filterOneOf<T extends string>(
  filter: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = filterText(filter, name);
  if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      {},
      {
        [`filter.${name}`]: { key: 'validation.isIn', params: { values: allowed.join(', ') } },
      },
    );
  }
  return value as T | undefined;
}

/** One value or several (react-admin's multi-select sends an array), each from `allowed`. */
export function filterOneOrMany<T extends string>(
  filter: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
): T[] | undefined {
  const value = filter[name];
  if (value === undefined || value === null || value === '') return undefined;
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === 'string' && (allowed as readonly string[]).includes(v))) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      {},
      {
        [`filter.${name}`]: { key: 'validation.isIn', params: { values: allowed.join(', ') } },
      },
    );
  }
  return values as T[];
}

function parseJson(value: string | undefined, field: string, fallback: unknown): unknown {
  if (value === undefined || value === '') return fallback;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    invalid(field);
  }
  assertJsonInput(parsed, field);
  return parsed;
}

function invalid(field: string, values?: string): never {
  throw new DomainError(
    ErrorCode.ValidationFailed,
    {},
    {
      [field]: values ? { key: 'validation.isIn', params: { values } } : { key: 'validation.invalid' },
    },
  );
}
