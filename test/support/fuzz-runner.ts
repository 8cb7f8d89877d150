import request from 'supertest';

import { FuzzCase } from './bad-input-generator';
import { changedTables, Fingerprint } from './domain-fingerprint';
import { FuzzFindings } from './fuzz-findings';
import { Prng } from './prng';
import { signIn } from './sign-in';
import { TestApp } from './test-app';

/** Where the api's log lines can be read from (TestApp.logLines, read from where the last call stopped). */
export interface LogSource {
  /** The lines written since the last call. */
  take(): object[];
}

export interface FuzzRunnerOptions {
  fingerprint: () => Promise<Fingerprint>;
  /** Tables a 4xx of this case may rightly change (e.g. a wrong rescue code counts against the code). */
  allowedWrites?: (fuzzCase: FuzzCase) => string[];
  /** Called after a request that deleted a seeded row, as the administrator, to make another. */
  refill?: (fuzzCase: FuzzCase, admin: request.Agent, csrf: string) => Promise<void>;
  logs?: LogSource;
}

interface Result {
  fuzzCase: FuzzCase;
  status: number;
}

/**
 * Sends generated requests, signed in as the test app's administrator or anonymously, from a new
 * X-Forwarded-For address each time (the app trusts the proxy) so that rate limits do not answer
 * in place of validation. Around each batch it fingerprints the domain tables.
 */
export class FuzzRunner {
  sent = 0;
  /** Requests per operation, so the spec can show that every one was reached. */
  readonly sentBy = new Map<string, number>();
  /** Answers per operation and status, printed with FUZZ_VERBOSE=1 to see which paths were reached. */
  readonly statuses = new Map<string, number>();
  private session?: { agent: request.Agent; csrf: string };
  /** The fingerprint after the last batch: the next batch's "before", saving a query per request. */
  private last?: Fingerprint;

  constructor(
    private readonly t: TestApp,
    private readonly findings: FuzzFindings,
    private readonly prng: Prng,
    private readonly options: FuzzRunnerOptions,
  ) {}

  /** Sends the cases `concurrency` at a time; 1 for state-changing requests, so a change has one author. */
  async run(cases: FuzzCase[], concurrency: number): Promise<void> {
    if (cases.some((c) => c.signedIn)) await this.ensureSignedIn();
    const before = this.last ?? (await this.options.fingerprint());
    this.options.logs?.take();
    const results: Result[] = [];
    for (let i = 0; i < cases.length; i += concurrency) {
      results.push(...(await Promise.all(cases.slice(i, i + concurrency).map((c) => this.send(c)))));
    }
    const logged = this.options.logs?.take() ?? [];
    const after = await this.options.fingerprint();
    this.last = after;
    const changed = changedTables(before, after);
    if (changed.length > 0) await this.attribute(results, changed);
    if (this.loggedStackFor4xx(logged, results)) await this.attributeStack(results);
    await this.afterEffects(results);
  }

  private async send(fuzzCase: FuzzCase): Promise<Result> {
    this.sent += 1;
    this.sentBy.set(fuzzCase.operation, (this.sentBy.get(fuzzCase.operation) ?? 0) + 1);
    const agent = fuzzCase.signedIn ? this.session!.agent : request(this.t.app.getHttpServer());
    const call = agent[fuzzCase.method.toLowerCase() as 'get'](fuzzCase.url)
      .timeout(20_000)
      .set('X-Forwarded-For', this.ip())
      .set(fuzzCase.headers);
    if (fuzzCase.signedIn && fuzzCase.method !== 'GET' && fuzzCase.csrf !== 'missing') {
      call.set('X-CSRF-Token', fuzzCase.csrf === 'wrong' ? 'A'.repeat(43) : this.session!.csrf);
    }
    if (fuzzCase.body !== undefined) call.send(fuzzCase.body);
    try {
      const response = await call;
      const key = `${fuzzCase.operation} ${fuzzCase.signedIn ? 'signed-in' : 'anonymous'} ${response.status}`;
      this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
      if (response.status >= 500)
        this.findings.add('5xx', fuzzCase, response.status, JSON.stringify(response.body).slice(0, 120));
      return { fuzzCase, status: response.status };
    } catch (error) {
      const status = (error as { response?: { status: number } }).response?.status;
      if (status) return { fuzzCase, status };
      this.findings.add('no answer', fuzzCase, (error as { code?: string }).code ?? String(error).slice(0, 80));
      return { fuzzCase, status: 0 };
    }
  }

  /** A documentation address per request (RFC 5737 and 10/8), never the same twice in a row. */
  private ip(): string {
    return `10.${this.prng.int(256)}.${this.prng.int(256)}.${1 + this.prng.int(254)}`;
  }

  /**
   * The domain tables changed during the batch. A GET or a 4xx alone in its batch is the author; in
   * a larger batch each suspect is sent again on its own, with fingerprints around it.
   */
  private async attribute(results: Result[], changed: string[]): Promise<void> {
    const suspects = results.filter((r) => this.isSuspect(r, changed));
    if (results.length === 1) {
      for (const { fuzzCase, status } of suspects) {
        this.findings.add(
          fuzzCase.method === 'GET' ? 'rows changed by a GET' : 'rows changed by a 4xx',
          fuzzCase,
          status,
          `tables: ${changed.join(', ')}`,
        );
      }
      return;
    }
    for (const suspect of suspects) await this.run([suspect.fuzzCase], 1);
  }

  private isSuspect({ fuzzCase, status }: Result, changed: string[]): boolean {
    if (fuzzCase.method === 'GET') return true;
    const allowed = this.options.allowedWrites?.(fuzzCase) ?? [];
    return status >= 400 && status < 500 && changed.some((table) => !allowed.includes(table));
  }

  /**
   * Stack traces belong to 5xx answers at most: a refused request is the caller's mistake, not the
   * api's. A batch with a 5xx may have logged its stack; one without, and with a 4xx, may not.
   */
  private loggedStackFor4xx(lines: object[], results: Result[]): boolean {
    if (!lines.some((line) => JSON.stringify(line).includes('"stack"'))) return false;
    return (
      results.some((r) => r.status >= 400 && r.status < 500) && !results.some((r) => r.status >= 500 || r.status === 0)
    );
  }

  /** The 4xx alone in its batch logged the stack; in a larger batch each 4xx is sent again on its own. */
  private async attributeStack(results: Result[]): Promise<void> {
    const refused = results.filter((r) => r.status >= 400 && r.status < 500);
    if (results.length === 1) {
      for (const { fuzzCase, status } of refused) this.findings.add('stack trace for a 4xx', fuzzCase, status);
      return;
    }
    for (const { fuzzCase } of refused) await this.run([fuzzCase], 1);
  }

  /** A request that ended the session (logout, 401) or deleted a seeded row: put things back. */
  private async afterEffects(results: Result[]): Promise<void> {
    for (const { fuzzCase, status } of results) {
      if (!fuzzCase.signedIn) continue;
      if (status === 401 || (fuzzCase.operation === 'POST /api/auth/logout' && status < 300)) this.session = undefined;
      if (fuzzCase.method === 'DELETE' && status < 300 && this.options.refill) {
        await this.ensureSignedIn();
        await this.options.refill(fuzzCase, this.session!.agent, this.session!.csrf);
        this.last = undefined;
      }
    }
  }

  /** Signs the administrator in again; that writes staff.last_login_at, so the fingerprint is retaken. */
  async ensureSignedIn(): Promise<{ agent: request.Agent; csrf: string }> {
    if (this.session) return this.session;
    const agent = this.t.http();
    const csrf = await signIn(agent, this.t.admin.username, this.t.admin.password, this.ip());
    this.session = { agent, csrf };
    this.last = undefined;
    return this.session;
  }
}
