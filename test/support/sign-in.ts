import type request from 'supertest';

/** Signs the agent in and returns the CSRF token its state-changing requests must carry. */
export async function signIn(agent: request.Agent, username: string, password: string, ip?: string): Promise<string> {
  const call = agent.post('/api/auth/login').send({ username, password });
  if (ip) call.set('X-Forwarded-For', ip);
  const response = await call;
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.csrfToken as string;
}
