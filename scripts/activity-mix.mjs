// What seed:large's audit entries look like: who acts, on what, from where and with which details,
// shaped like the api's own audit.record calls, in roughly the proportions a support desk makes
// them (sign-ins, mails and ticket replies by the million; password actions by the thousand).
import { randomUUID } from 'node:crypto';

const AGENTS = 50;
/** Generated agents are not in the staff table; their ids start far above any real one. */
export const FIRST_AGENT_ID = 10_001;
const AGENT_FIRST =
  'Mariana Diego Paola Jorge Lucía Andrés Fernanda Ricardo Daniela Santiago Gabriela Héctor Valeria Camilo Ximena Raúl Natalia Julián Karla Esteban'.split(
    ' ',
  );
const AGENT_LAST =
  'Ortega Salinas Restrepo Cervantes Montoya Quintero Aguilar Bedoya Navarro Cardona Villalobos Zapata Ibarra Londoño Escobar'.split(
    ' ',
  );
const AGENTS_BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
];
const CUSTOMER_BROWSERS = [
  ...AGENTS_BROWSERS,
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Linux; Android 13; moto g(30)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
];
const OFFICES = ['200.57.14.10', '200.57.14.11', '200.57.14.12', '190.85.33.20', '190.85.33.21'];
const ISP_FIRST_OCTETS = [187, 189, 201, 200, 177, 148, 181, 186, 190, 191, 179, 152];
const REASONS = [
  'El cliente llamó: no recuerda su contraseña',
  'Solicitud por ticket del titular',
  'Bloqueo tras intentos fallidos',
  'Cambio de responsable en la empresa',
  'Customer asked by phone, identity checked',
  null,
];
const NOTES = [
  'Prefiere contacto por correo',
  'Cliente VIP: escalar a supervisión',
  'Pendiente confirmar datos fiscales',
  'Llamar después de las 16 h',
];
const REVIEW_COMMENTS = [
  'Revisados los restablecimientos contra sus tickets; todos solicitados por el titular.',
  'Sin anomalías.',
  'Reviewed password actions: all requested by the account holder.',
  'Revisado; dos casos confirmados por teléfono.',
];
const TEMPLATES = [
  'ticket-reply',
  'ticket-reply',
  'ticket-reply',
  'ticket-reply',
  'ticket-reply',
  'password-reset-link',
  'new-password',
  'password-changed',
  'rescue-code',
  'rescue-password',
];
const STATUSES = ['open', 'customer_reply', 'on_hold'];

/** The staff password actions: what a supervisor filters on, and what the weekly reviews mark. */
export const PASSWORD_ACTIONS = ['user.password_reset_email_sent', 'user.password_set'];

/**
 * Entries drawn from `people` (clients, users, tickets, contacts and staff read from the database).
 * `entry(time)` answers every field but seq, id, the time and the hashes.
 */
export function createMix(random, people) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  // A few customers are far busier than most: squaring skews the draw, the prime multiplier scatters it over ids.
  const skewed = (n) => (Math.floor(n * random() ** 2) * 7919) % n;
  const { clients, users, tickets, contacts } = people;
  const ips = Array.from(
    { length: 4_000 },
    () => `${pick(ISP_FIRST_OCTETS)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
  );
  const staff = [...people.staff];
  for (let i = 0; staff.length < AGENTS; i += 1) {
    staff.push({
      id: FIRST_AGENT_ID + i,
      name: `${AGENT_FIRST[i % AGENT_FIRST.length]} ${AGENT_LAST[(i * 7) % AGENT_LAST.length]}`,
    });
  }
  const agents = staff.map((member, i) => ({
    ...member,
    id: String(member.id),
    office: OFFICES[i % OFFICES.length],
    home: pick(ips),
    browser: pick(AGENTS_BROWSERS),
    weight: 1 / (1 + i * 0.06),
  }));
  const agentWeights = agents.reduce((sums, agent) => [...sums, (sums.at(-1) ?? 0) + agent.weight], []);
  const pickAgent = () => {
    const r = random() * agentWeights.at(-1);
    return agents[agentWeights.findIndex((sum) => sum >= r)];
  };
  let counter = 0;
  const next = () => (counter += 1);

  const user = (u = skewed(users.id.length)) => ({
    u,
    id: String(users.id[u]),
    name: users.name[u],
    email: users.email[u],
    client: users.client[u],
  });
  const userOfTicket = (t) => {
    const u = users.position[tickets.user[t]] ?? -1;
    return u >= 0 ? user(u) : user();
  };
  const ticket = () => {
    const t = Math.floor(random() * tickets.id.length);
    return { t, id: String(tickets.id[t]), name: tickets.subjects[tickets.subject[t]], client: tickets.client[t] };
  };
  // Customers sign in from home most of the time, from their phones now and then.
  const customerIp = (u) => (random() < 0.75 ? ips[((u * 2654435761) >>> 0) % ips.length] : pick(ips));
  const customerBrowser = (u) =>
    random() < 0.8 ? CUSTOMER_BROWSERS[u % CUSTOMER_BROWSERS.length] : pick(CUSTOMER_BROWSERS);

  const asUser = (who, action, details) => ({
    actorType: 'user',
    actorId: who.id,
    actorName: who.name,
    action,
    subjectType: 'user',
    subjectId: who.id,
    subjectName: who.name,
    clientId: who.client,
    ip: customerIp(who.u),
    userAgent: customerBrowser(who.u),
    details,
  });
  const byAgent = (action, subject, clientId, details, agent = pickAgent()) => ({
    actorType: 'staff',
    actorId: agent.id,
    actorName: agent.name,
    action,
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    subjectName: subject?.name ?? null,
    clientId,
    ip: random() < 0.85 ? agent.office : agent.home,
    userAgent: agent.browser,
    details,
  });
  const bySystem = (action, subject, clientId, details) => ({
    actorType: 'system',
    actorId: null,
    actorName: 'Keydesk',
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    subjectName: subject.name ?? null,
    clientId,
    ip: null,
    userAgent: null,
    details,
  });
  const asSubject = (who) => ({ type: 'user', id: who.id, name: who.name });
  const later = (time, minutes) => new Date(time + minutes * 60_000).toISOString();

  /** [weight per thousand entries, entry]. */
  const kinds = [
    [260, () => asUser(user(), 'user.signed_in', { method: random() < 0.7 ? 'email' : 'key' })],
    [60, () => asUser(user(), 'user.signed_out', {})],
    [
      45,
      () => {
        const who = user();
        const failed = asUser(who, 'user.sign_in_failed', {
          reason: random() < 0.8 ? 'wrong_password' : 'temporary_expired',
          method: 'email',
        });
        if (random() < 0.2)
          Object.assign(failed, {
            actorId: null,
            actorName: 'unknown',
            subjectType: null,
            subjectId: null,
            subjectName: null,
            clientId: null,
            details: { reason: 'unknown_name', method: 'key' },
          });
        return failed;
      },
    ],
    [3, () => asUser(user(), 'user.locked_out', { minutes: 15 })],
    [12, () => asUser(user(), 'user.password_changed', { forced: random() < 0.6, emailId: randomUUID() })],
    [8, () => asUser(user(), 'user.password_reset_completed', { resetId: randomUUID(), emailId: randomUUID() })],
    [
      6,
      () =>
        asUser(user(), 'user.password_revealed', {
          revealId: randomUUID(),
          ticketId: Number(ticket().id),
          emailId: randomUUID(),
        }),
    ],
    [3, () => asUser(user(), 'user.rescue_code_requested', { matched: true, rescueCodeId: next() })],
    [
      3,
      (time) =>
        asUser(user(), 'user.rescue_code_sent', {
          rescueCodeId: next(),
          recipients: 2,
          emailIds: [randomUUID(), randomUUID()],
          expiresAt: later(time, 60),
        }),
    ],
    [
      2,
      () =>
        asUser(user(), 'user.rescue_code_redeemed', {
          rescueCodeId: next(),
          outcome: 'mailed',
          recipients: 1,
          emailIds: [randomUUID()],
          sessionsEnded: true,
          lockoutLifted: true,
        }),
    ],
    [
      200,
      () => {
        const template = pick(TEMPLATES);
        const on = template === 'ticket-reply' ? ticket() : null;
        const who = on ? userOfTicket(on.t) : user();
        return bySystem('email.sent', { type: 'user', id: who.id }, who.client, {
          emailId: randomUUID(),
          template,
          to: who.email,
          ticketId: on ? Number(on.id) : null,
          attempts: random() < 0.97 ? 1 : 2,
        });
      },
    ],
    [
      150,
      () => {
        const on = ticket();
        return byAgent('ticket.replied', { type: 'ticket', ...on }, on.client, {
          messageId: next(),
          internal: false,
          length: int(40, 1800),
          status: { from: pick(STATUSES), to: 'answered' },
          emailId: randomUUID(),
        });
      },
    ],
    [
      35,
      () => {
        const on = ticket();
        return byAgent('ticket.note_added', { type: 'ticket', ...on }, on.client, {
          messageId: next(),
          internal: true,
          length: int(20, 600),
        });
      },
    ],
    [
      40,
      () => {
        const on = ticket();
        return byAgent('ticket.opened', { type: 'ticket', ...on }, on.client, {
          department: pick(['support', 'billing', 'sales']),
          priority: pick(['low', 'medium', 'high']),
          userId: Number(userOfTicket(on.t).id),
        });
      },
    ],
    [
      25,
      () => {
        const on = ticket();
        return byAgent('ticket.updated', { type: 'ticket', ...on }, on.client, {
          changes: { status: { from: pick(STATUSES), to: 'closed' } },
        });
      },
    ],
    [
      30,
      () => {
        const k = skewed(clients.id.length);
        const c = clients.id[k];
        return byAgent('client.updated', { type: 'client', id: String(c), name: clients.name[k] }, c, {
          changes: {
            phone: {
              from: `+52 55 ${int(1000, 9999)} ${int(1000, 9999)}`,
              to: `+52 55 ${int(1000, 9999)} ${int(1000, 9999)}`,
            },
          },
        });
      },
    ],
    [
      12,
      () => {
        const who = user();
        return byAgent('user.updated', asSubject(who), who.client, {
          changes: { email: { from: `anterior.${who.email}`, to: who.email } },
        });
      },
    ],
    [
      contacts.id.length ? 8 : 0,
      () => {
        const k = Math.floor(random() * contacts.id.length);
        return byAgent(
          'contact.updated',
          { type: 'contact', id: String(contacts.id[k]), name: contacts.name[k] },
          contacts.client[k],
          { changes: { receivesSecurityEmails: { from: false, to: true } } },
        );
      },
    ],
    [
      20,
      () => {
        const c = clients.id[skewed(clients.id.length)];
        const excerpt = pick(NOTES);
        return byAgent('note.added', { type: 'note', id: String(next()) }, c, {
          sticky: random() < 0.2,
          length: excerpt.length,
          excerpt,
        });
      },
    ],
    [
      25,
      () => {
        const agent = pickAgent();
        return byAgent('staff.signed_in', { type: 'staff', id: agent.id, name: agent.name }, null, {}, agent);
      },
    ],
    [
      10,
      () => {
        const agent = pickAgent();
        return byAgent('staff.signed_out', { type: 'staff', id: agent.id, name: agent.name }, null, {}, agent);
      },
    ],
    [
      5,
      () => {
        const who = user();
        const emailId = randomUUID();
        return byAgent('email.resent', { type: 'email', id: emailId, name: 'Respuesta a su ticket' }, who.client, {
          emailId,
          resentFromId: randomUUID(),
          template: 'ticket-reply',
          to: who.email,
        });
      },
    ],
    [
      15,
      (time) => {
        const on = ticket();
        const who = userOfTicket(on.t);
        return byAgent(PASSWORD_ACTIONS[0], asSubject(who), who.client, {
          resetId: randomUUID(),
          clientId: who.client,
          ticketId: Number(on.id),
          ticketMessageId: next(),
          reason: pick(REASONS),
          emailId: randomUUID(),
          to: who.email,
          expiresAt: later(time, 60),
        });
      },
    ],
    [
      12,
      (time) => {
        const on = ticket();
        const who = userOfTicket(on.t);
        const link = random() < 0.8;
        return byAgent(PASSWORD_ACTIONS[1], asSubject(who), who.client, {
          clientId: who.client,
          ticketId: Number(on.id),
          ticketCreated: random() < 0.3,
          ticketMessageId: next(),
          emailId: randomUUID(),
          to: who.email,
          delivery: link ? 'link' : 'inline',
          generated: random() < 0.9,
          revealId: link ? randomUUID() : null,
          reason: pick(REASONS),
          expiresAt: later(time, 72 * 60),
          sessionsEnded: true,
        });
      },
    ],
  ];
  const sums = kinds.reduce((list, [weight]) => [...list, (list.at(-1) ?? 0) + weight], []);

  return {
    agents,
    entry(time) {
      const r = random() * sums.at(-1);
      let k = 0;
      while (sums[k] < r) k += 1;
      return kinds[k][1](time);
    },
    /** A supervisor's review (a period, or entries one by one), as ActivityReviewService records it. */
    review(details) {
      return byAgent(
        'activity.reviewed',
        null,
        null,
        { comment: pick(REVIEW_COMMENTS), ...details },
        agents[int(0, 2)],
      );
    },
  };
}
