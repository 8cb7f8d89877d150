import { FuzzCase } from './bad-input-generator';

export type FindingKind =
  '5xx' | 'no answer' | 'rows changed by a 4xx' | 'rows changed by a GET' | 'stack trace for a 4xx' | 'audit chain';

interface Finding {
  kind: FindingKind;
  operation: string;
  status: number | string;
  count: number;
  shapes: Set<string>;
  /** The first case that showed it, truncated. */
  example: string;
  detail: string;
}

const MAX_INPUT = 300;
const MAX_SHAPES = 8;

/** A generated request as a report shows it: method, URL, odd headers, the body's start. */
export function describeCase(fuzzCase: FuzzCase): string {
  const headers = Object.entries(fuzzCase.headers).filter(
    ([name, value]) => !(name === 'Content-Type' && value === 'application/json'),
  );
  const body = fuzzCase.body === undefined ? '' : ` body(${fuzzCase.body.length}) ${fuzzCase.body.slice(0, MAX_INPUT)}`;
  const url = fuzzCase.url.length > 200 ? `${fuzzCase.url.slice(0, 200)}…` : fuzzCase.url;
  return (
    `${fuzzCase.method} ${url} [${fuzzCase.signedIn ? 'signed in' : 'anonymous'}]` +
    `${headers.length ? ` ${headers.map(([n, v]) => `${n}: ${v.slice(0, 60)}`).join('; ')}` : ''}${body}`
  );
}

/**
 * Failures, one entry per kind, operation and status: ten thousand requests can fail the same
 * way hundreds of times, and the report should name each distinct failure once.
 */
export class FuzzFindings {
  private readonly findings = new Map<string, Finding>();

  constructor(readonly seed: number) {}

  add(kind: FindingKind, fuzzCase: FuzzCase, status: number | string, detail = ''): void {
    const key = `${kind}|${fuzzCase.operation}|${status}`;
    const found = this.findings.get(key) ?? {
      kind,
      operation: fuzzCase.operation,
      status,
      count: 0,
      shapes: new Set<string>(),
      example: describeCase(fuzzCase),
      detail: detail.slice(0, MAX_INPUT),
    };
    found.count += 1;
    if (found.shapes.size < MAX_SHAPES) found.shapes.add(fuzzCase.shape);
    this.findings.set(key, found);
  }

  count(kind?: FindingKind): number {
    return [...this.findings.values()].filter((f) => !kind || f.kind === kind).length;
  }

  /** One paragraph per distinct failure, with the seed that replays it. */
  report(kinds?: FindingKind[]): string {
    const shown = [...this.findings.values()].filter((f) => !kinds || kinds.includes(f.kind));
    if (shown.length === 0) return '';
    const lines = shown.map(
      (f) =>
        `- ${f.kind}: ${f.operation} -> ${f.status} (${f.count}x)${f.detail ? ` ${f.detail}` : ''}\n` +
        `    shapes: ${[...f.shapes].join(' | ')}\n    e.g. ${f.example}`,
    );
    return `${shown.length} distinct failure(s); replay with FUZZ_SEED=${this.seed}\n${lines.join('\n')}`;
  }
}
