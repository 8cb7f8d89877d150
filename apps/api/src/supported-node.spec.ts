import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { intersects, subset, validRange } from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');

interface LockedPackage {
  version?: string;
  engines?: { node?: string };
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;
}

const declared = readJson<{ engines: { node: string } }>('package.json').engines.node;

// npm warns (EBADENGINE) on every install on a Node a package refuses, and such a package may use
// what that Node lacks; so each Node our range promises must be one every locked package accepts.
describe('the Node releases package.json declares', () => {
  it('is a valid range', () => {
    expect(validRange(declared)).not.toBeNull();
  });

  it('are accepted by every locked package', () => {
    const { packages } = readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');
    const refusing = Object.entries(packages)
      .filter(([, { engines }]) => engines?.node !== undefined)
      .filter(([, { engines }]) => validRange(engines!.node!) === null || !subset(declared, engines!.node!))
      .map(([path, { version, engines }]) => `${path}@${version}: ${engines!.node}`);
    expect(refusing).toEqual([]);
  });

  it('include the one the Docker image runs', () => {
    const majors = [...readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8').matchAll(/^FROM node:(\d+)/gm)];
    expect(majors).not.toEqual([]);
    for (const [, major] of majors) expect(intersects(`${major}.x`, declared), `node:${major}`).toBe(true);
  });
});
