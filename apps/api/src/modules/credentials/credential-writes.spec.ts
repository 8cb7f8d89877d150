import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..');

/** The api's own code, but this module, tests and migrations (which create the columns). */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return path.endsWith(`${sep}migrations`) || path.endsWith(`${sep}credentials`) ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The text of every call of `method`, up to its closing parenthesis. */
function callsOf(code: string, method: string): string[] {
  const calls: string[] = [];
  for (let at = code.indexOf(`${method}(`); at !== -1; at = code.indexOf(`${method}(`, at + 1)) {
    let depth = 0;
    let end = at + method.length;
    do {
      if (code[end] === '(') depth += 1;
      if (code[end] === ')') depth -= 1;
      end += 1;
    } while (depth > 0 && end < code.length);
    calls.push(code.slice(at, end));
  }
  return calls;
}

/**
 * Ways a file could change a password hash or a user's email without the credentials module: an
 * UPDATE (query builder, repository or SQL) that sets them, an assignment to a loaded entity, or
 * a loaded user merged with new values and saved. Creating a row with a null hash is not a change.
 */
export function credentialWrites(code: string): string[] {
  const found: string[] = [];
  const touchesUsers = /\bUserEntity\b/.test(code);
  // A query builder's .set({...}), not a Map's .set(key, value).
  const builderSets = callsOf(code, '.set').filter((call) => call.startsWith('.set({'));
  for (const call of [...callsOf(code, '.update'), ...builderSets]) {
    if (/passwordHash|password_hash/.test(call)) found.push(call);
    else if (touchesUsers && /\bemail\b/.test(call)) found.push(call);
  }
  found.push(...(code.match(/\bUPDATE\s+`?(users|staff)`?\b[^;`]*\b(password_hash|email)\b/gi) ?? []));
  found.push(...(code.match(/\.passwordHash\s*=(?!=)/g) ?? []));
  if (touchesUsers) found.push(...(code.match(/Object\.assign\((?!new\b)[^)]*\b(email|passwordHash)\b/g) ?? []));
  return found;
}

describe('credential writes', () => {
  it('happen in the credentials module only', () => {
    const offenders = sourceFiles()
      .map((file) => ({ file: relative(SRC, file), writes: credentialWrites(readFileSync(file, 'utf8')) }))
      .filter(({ writes }) => writes.length > 0);
    expect(offenders).toEqual([]);
  });

  it('are found in every shape this test knows', () => {
    const shapes = [
      'await manager.getRepository(UserEntity).update({ id }, { passwordHash, passwordChangedAt: now });',
      'await this.repo(manager).update({ id }, { email: next.email }); // UserEntity',
      "qb.update(UserEntity).set({ email: 'x' }).execute();",
      "await db.query('UPDATE users SET password_hash = ? WHERE id = ?', [hash, id]);",
      'staff.passwordHash = await this.hasher.hash(password);',
      'await this.users.save(manager, Object.assign(user, { email: next.email })); // UserEntity',
    ];
    expect(shapes.map((code) => credentialWrites(code).length)).toEqual(shapes.map(() => 1));
    expect(credentialWrites('await repo.update({ id }, { lastLoginAt: at, lastLoginIp: ip }); // UserEntity')).toEqual(
      [],
    );
  });
});
