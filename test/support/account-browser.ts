import { randomBytes } from 'node:crypto';

import type request from 'supertest';

import { generatePassword } from '@keydesk/domain';

import { PasswordHasher } from '../../apps/api/src/modules/auth/password-hasher';
import { UserEntity } from '../../apps/api/src/modules/users/user.entity';
import { createClient } from '../factories/client.factory';
import { addClientUser } from '../factories/user.factory';
import { AccountBrowser } from './account-form-generator';
import { signIn } from './sign-in';
import { TestApp } from './test-app';

const tokenIn = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? '';

/** `name=value` of the cookie the response set whose name starts with `prefix`. */
function cookieOf(response: request.Response, name: string): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith(`${name}=`))?.split(';')[0] ?? '';
}

/**
 * A browser's worth of state for the customer forms: the sign-in form's nonce cookie and token,
 * and a customer signed in. A client of its own (the API fuzzing may have disabled the seeded
 * users); passwords set as the app stores them, as client-area.e2e-spec does.
 */
export async function openAccountBrowser(t: TestApp): Promise<AccountBrowser> {
  const admin = t.http();
  const csrf = await signIn(admin, t.admin.username, t.admin.password, '192.0.2.9');
  const client = await createClient(admin, csrf);
  const accounts = [];
  for (let i = 0; i < 2; i += 1) {
    const user = await addClientUser(admin, csrf, client.id);
    const password = generatePassword(randomBytes);
    await t.dataSource
      .getRepository(UserEntity)
      .update({ id: user.id }, { passwordHash: await t.app.get(PasswordHasher).hash(password) });
    accounts.push({ clientKey: client.clientKey, username: user.username, email: user.email, password });
  }
  const page = await t.http().get('/account/login').set('X-Forwarded-For', '192.0.2.10');
  const formCookie = cookieOf(page, 'keydesk.account-login');
  const customer = t.http();
  const login = await customer.get('/account/login').set('X-Forwarded-For', '192.0.2.11');
  const signedIn = await customer
    .post('/account/login')
    .set('X-Forwarded-For', '192.0.2.11')
    .type('form')
    .send({
      method: 'email',
      email: accounts[0].email,
      password: accounts[0].password,
      formToken: tokenIn(login.text, 'formToken'),
    });
  if (signedIn.status !== 303) throw new Error(`customer sign-in failed: ${signedIn.status}`);
  const home = await customer.get('/account/').set('X-Forwarded-For', '192.0.2.11');
  return {
    formCookie,
    formToken: tokenIn(page.text, 'formToken'),
    customerCookie: cookieOf(signedIn, 'keydesk.account'),
    customerCsrf: tokenIn(home.text, 'csrfToken'),
    accounts,
  };
}
