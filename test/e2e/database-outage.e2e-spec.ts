import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createClient } from '../factories/client.factory';
import { signIn } from '../support/sign-in';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { startTestApp, TestApp } from '../support/test-app';
import { TEST_DATABASES } from '../support/test-database';

/** Polls `check` until it holds, for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('still not so after the wait');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * MariaDB going away under a running api: the app reaches it through a proxy in this process,
 * which the test cuts and restores, so the server other test files use stays up.
 */
describe.skipIf(!TEST_DATABASES.includes('mariadb'))('a database outage on mariadb', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let admin: request.Agent;
  let clientId: number;

  beforeAll(async () => {
    const server = new URL(process.env.TEST_DATABASE_URL!.replace(/^mariadb:/, 'mysql:'));
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 3306) });
    t = await startTestApp('mariadb', { LOG_LEVEL: 'info', MAIL_WORKER_INTERVAL_MS: '500' }, (url) =>
      proxy.through(url),
    );
    admin = t.http();
    const csrf = await signIn(admin, t.admin.username, t.admin.password);
    clientId = (await createClient(admin, csrf)).id;
  });
  afterAll(async () => {
    proxy?.restore();
    await t?.close();
    await proxy?.close();
  });

  it('answers 503 with Retry-After while it lasts, logs it once, and serves again when it is back', async () => {
    await admin.get(`/api/clients/${clientId}`).expect(200);
    const customer = t.http();
    const formToken = /name="formToken" value="([^"]+)"/.exec(
      (await customer.get('/account/login?lang=en').expect(200)).text,
    )![1];
    const linesBefore = t.logLines.length;
    proxy.cut();

    for (let i = 0; i < 5; i += 1) {
      const response = await admin.get(`/api/clients/${clientId}`).set('Accept-Language', 'es');
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toEqual({
        statusCode: 503,
        code: 'DATABASE_UNAVAILABLE',
        message: 'El servicio no puede llegar a su base de datos en este momento. Inténtalo de nuevo en unos segundos.',
      });
    }
    const anonymous = await t
      .http()
      .post('/api/public/rescue-codes')
      .send({ clientKey: 'PEL900101AB3', username: 'admin' });
    expect(anonymous.status).toBe(503);
    const page = await customer
      .post('/account/login?lang=en')
      .type('form')
      .send({ method: 'email', email: 'ana@example.test', password: 'a long enough password', formToken });
    expect(page.status).toBe(503);
    expect(page.headers['retry-after']).toBe('5');
    expect(page.text).toContain('Please try again shortly');
    expect((await t.http().get('/api/health')).status).toBe(503);
    // Long enough for the mail worker and a probe to fail too.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const during = t.logLines.slice(linesBefore).filter((line) => line.msg !== 'request completed');
    expect(during.map((line) => line.msg)).toEqual([
      expect.stringMatching(/^Database unreachable \(\w+\); answering 503/),
    ]);
    expect(JSON.stringify(t.logLines.slice(linesBefore))).not.toMatch(/"stack"|Unhandled error/);

    proxy.restore();
    await eventually(async () => (await admin.get(`/api/clients/${clientId}`)).status === 200);
    await eventually(async () =>
      t.logLines.some((line) => /^Database reachable again after about \d+ s$/.test(line.msg)),
    );
    expect((await admin.get('/api/activity/verify')).body).toMatchObject({ ok: true });
  });
});
