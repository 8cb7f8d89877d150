import type { NextFunction, Request, Response } from 'express';

import { ErrorCode } from '@keydesk/domain';

import { DomainError } from '../errors/domain-error';

type FieldErrors = NonNullable<DomainError['fieldErrors']>;

/** Far deeper than any Keydesk request (two levels at most), far shallower than a stack overflow. */
export const MAX_JSON_DEPTH = 32;

/** Keys that no request has and that object-mapping libraries treat as special. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A UTF-16 surrogate not paired with its other half: with the `u` flag a pair matches as one code point. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Past this many, the caller has enough to fix; a 100 KB body of bad keys gets no 100 KB answer. */
const MAX_REPORTED = 20;

/**
 * What JSON.parse accepts but no handler should see, found by one iterative walk (a recursive one is
 * what overflowed the stack on 5,000 nested arrays): nesting past MAX_JSON_DEPTH, strings or keys
 * with a lone surrogate (the database would store U+FFFD or invalid UTF-8 in its place, and the
 * audit chain would no longer verify), and reserved keys. Field paths are those of class-validator
 * (`roleIds.0`); `root` names the value itself (a query parameter, or the body).
 */
export function jsonInputErrors(value: unknown, root: string): FieldErrors | undefined {
  // A Map: a plain object would take a "__proto__" path as its prototype rather than a key.
  const errors = new Map<string, FieldErrors[string]>();
  const report = (path: string, error: FieldErrors[string]) => void (errors.has(path) || errors.set(path, error));
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length && errors.size < MAX_REPORTED) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (LONE_SURROGATE.test(item.value)) report(item.path || root, { key: 'validation.wellFormed' });
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_JSON_DEPTH) {
      // Named by the field it is in: the full path of a 5,000-deep value would be the longest part of the answer.
      report(Array.isArray(value) ? root : item.path.split('.')[0], {
        key: 'validation.tooDeep',
        params: { max: MAX_JSON_DEPTH },
      });
      continue;
    }
    for (const [key, child] of Object.entries(item.value)) {
      const path = item.path ? `${item.path}.${printable(key)}` : printable(key);
      if (LONE_SURROGATE.test(key)) report(path, { key: 'validation.wellFormed' });
      else if (RESERVED_KEYS.has(key)) report(path, { key: 'validation.unknownField' });
      else stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return errors.size ? Object.fromEntries(errors) : undefined;
}

/** Throws the field errors of jsonInputErrors as a 400. */
export function assertJsonInput(value: unknown, root: string): void {
  const errors = jsonInputErrors(value, root);
  if (errors) throw new DomainError(ErrorCode.ValidationFailed, {}, errors);
}

/**
 * After the JSON body parser: every JSON body is checked once, before guards (the sign-in guard
 * reads the body before any pipe) and before class-transformer, which recurses.
 */
export function checkJsonBody(request: Request, _response: Response, next: NextFunction): void {
  const errors = request.body === undefined ? undefined : jsonInputErrors(request.body, 'body');
  next(errors ? new DomainError(ErrorCode.ValidationFailed, {}, errors) : undefined);
}

/** A key as the answer may echo it: never a lone surrogate (the answer must be valid text too). */
function printable(key: string): string {
  return key.replace(/\p{Surrogate}/gu, '\uFFFD');
}
