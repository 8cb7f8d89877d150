import { HEADER_SHAPES, WHOLE_BODIES } from './bad-bodies';
import {
  idSpellings,
  LIST_QUERIES,
  PATH_IDS,
  pickPropertyValue,
  QUERY_VALUES,
  Shaped,
  toJsonText,
  withKey,
} from './bad-values';
import { IdPools } from './fuzz-seed-data';
import { Operation, operationName } from './openapi-operations';
import { Prng } from './prng';
import { baseBody, fillPath, validPathValues } from './valid-inputs';

/** One generated request, everything needed to send it again. */
export interface FuzzCase {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Raw body text; undefined sends none. */
  body?: string;
  /** What is wrong with it, in a report's words. */
  shape: string;
  signedIn: boolean;
  /** Signed in only: send no CSRF token, or a wrong one, instead of the session's. */
  csrf?: 'missing' | 'wrong';
}

type Part = 'property' | 'unknown field' | 'reserved key' | 'whole body' | 'header' | 'path' | 'query' | 'valid';

/** Which part of the request to break; one part per request, so a failure names its cause. */
function partsFor(operation: Operation): Part[] {
  const parts: Part[] = ['query', 'header'];
  if (operation.parameters.some((p) => p.in === 'path')) parts.push('path', 'path', 'path');
  if (operation.method === 'GET') return [...parts, 'query', 'query', 'valid'];
  parts.push('whole body', 'whole body', 'valid');
  if (operation.body)
    parts.push('property', 'property', 'property', 'property', 'property', 'unknown field', 'reserved key');
  return parts;
}

export class BadInputGenerator {
  constructor(
    private readonly prng: Prng,
    private readonly pools: IdPools,
  ) {}

  next(operation: Operation, signedIn: boolean): FuzzCase {
    const part = this.prng.pick(partsFor(operation));
    const pathValues: Record<string, string | number> = validPathValues(operation, this.pools, this.prng);
    let shape = part === 'valid' ? 'valid input' : '';
    if (part === 'path') shape = this.breakPath(operation, pathValues);
    const query = part === 'query' ? this.badQuery(operation) : undefined;
    if (query) shape = query.shape;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    let body = operation.method === 'GET' ? undefined : this.body(operation, part);
    if (body) shape = body.shape || shape;
    if (part === 'header') {
      const header = this.prng.pick(HEADER_SHAPES);
      Object.assign(headers, header.headers);
      shape = header.shape;
      body = { shape, value: header.body ?? body?.value ?? '{}' };
    }
    const url = fillPath(operation.path, pathValues) + (query ? `?${query.value}` : '');
    const csrf =
      signedIn && operation.method !== 'GET' && this.prng.chance(0.04)
        ? this.prng.pick(['missing', 'wrong'] as const)
        : undefined;
    return {
      operation: operationName(operation),
      method: operation.method,
      url,
      headers,
      body: body?.value,
      signedIn,
      csrf,
      shape: [shape || 'valid input', csrf && `CSRF token ${csrf}`].filter(Boolean).join('; '),
    };
  }

  private breakPath(operation: Operation, values: Record<string, string | number>): string {
    const names = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    const name = this.prng.pick(names);
    const valid = values[name];
    values[name] =
      valid !== undefined && typeof valid === 'number' && this.prng.chance(0.3)
        ? this.prng.pick(idSpellings(valid))
        : this.prng.pick(PATH_IDS);
    return `path ${name}=${values[name]}`;
  }

  /** List parameters on a GET (documented or not), else a bad value for a documented query parameter. */
  private badQuery(operation: Operation): Shaped<string> | undefined {
    const documented = operation.parameters.filter((p) => p.in === 'query');
    if (operation.method === 'GET' && (documented.length === 0 || this.prng.chance(0.6)))
      return this.prng.pick(LIST_QUERIES);
    if (documented.length === 0) return undefined;
    const name = this.prng.pick(documented).name;
    const value = this.prng.pick(QUERY_VALUES);
    return {
      shape: `query ${name}=${value.slice(0, 40)}`,
      value: `${name}=${value.replace(/[ &#"<>{}\\]/g, encodeURIComponent)}`,
    };
  }

  /** The body: a valid one with one property broken, or a whole-body shape. */
  private body(operation: Operation, part: Part): Shaped<string> | undefined {
    if (part === 'whole body') return this.prng.pick(WHOLE_BODIES);
    if (!operation.body) return undefined;
    const body = baseBody(operation.body, this.pools, this.prng);
    const names = Object.keys(operation.body.properties ?? {});
    if (part === 'property' && names.length > 0) {
      const name = this.prng.pick(names);
      const bad = pickPropertyValue(this.prng, name);
      body[name] = bad.value;
      return { shape: `body.${name}: ${bad.shape}`, value: toJsonText(body) };
    }
    if (part === 'unknown field') {
      body[this.prng.pick(['zzUnknown', 'isAdmin', 'id', 'createdAt', 'passwordHash'])] = this.prng.pick([
        1,
        'x',
        true,
        null,
        {},
      ]);
      return { shape: 'body: unknown field', value: toJsonText(body) };
    }
    if (part === 'reserved key') {
      const key = this.prng.pick(['__proto__', 'constructor', 'prototype']);
      return { shape: `body: ${key} key`, value: toJsonText(withKey(key, { isAdmin: true, toString: 1 }, body)) };
    }
    return { shape: '', value: toJsonText(body) };
  }
}
