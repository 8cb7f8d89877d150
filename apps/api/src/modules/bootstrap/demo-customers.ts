import type { Faker } from '@faker-js/faker';
import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

import {
  ActivityAction,
  ALL_CLIENT_USER_PERMISSIONS,
  ClientStatus,
  ClientUserPermission,
  Locale,
  MessageAuthorType,
  TicketPriority,
  TicketStatus,
  UserStatus,
} from '@keydesk/domain';

import { Clock } from '../../common/time/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { ClientSearchIndex } from '../clients/client-search-index';
import { ClientEntity } from '../clients/client.entity';
import { ContactEntity } from '../contacts/contact.entity';
import { NoteEntity } from '../notes/note.entity';
import { StaffEntity } from '../staff/staff.entity';
import { TicketMessageEntity } from '../tickets/ticket-message.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { ClientUserEntity } from '../users/client-user.entity';
import { UserEntity } from '../users/user.entity';
import {
  ACCOUNTANTS,
  companyRfc,
  DemoCountry,
  LEGAL_FORMS,
  NOTE_BODIES,
  personRfc,
  slug,
  TICKET_SCRIPTS,
  TRADE_NAMES,
} from './demo-customers.data';

export interface DemoStaff {
  id: number;
  username: string;
  displayName: string;
}

export interface DemoCustomersInput {
  now: Date;
  /** Who writes notes and replies; tickets go mostly to the one named `agent`. */
  staff: readonly DemoStaff[];
  /** First free id per table: rows carry their ids so children can name their parents in bulk inserts. */
  firstIds: { client: number; user: number; ticket: number };
}

type NewRow<T> = Omit<T, 'id'>;

export interface DemoCustomers {
  clients: ClientEntity[];
  users: UserEntity[];
  memberships: ClientUserEntity[];
  contacts: NewRow<ContactEntity>[];
  tickets: TicketEntity[];
  messages: NewRow<TicketMessageEntity>[];
  notes: NewRow<NoteEntity>[];
}

export type DemoCustomerCounts = Record<keyof DemoCustomers, number>;

const CLIENTS = 50;
const DAY = 86_400_000;
const HOMOCLAVE = '123456789ABCDEFGHIJKLMNPQRSTUVWXYZ';
/** Rows per INSERT: few round trips, and well under SQLite's limit on bound parameters. */
const INSERT_CHUNK = 100;

/**
 * The demo customers as rows ready to insert: pure and deterministic (seeded faker, times relative
 * to `now`), so every first start shows the same people and a test can compare two runs.
 */
export async function generateDemoCustomers(input: DemoCustomersInput): Promise<DemoCustomers> {
  // Imported here: faker's locales cost start-up time that only a first start with demo data needs.
  const { Faker, es_MX, es, base } = await import('@faker-js/faker');
  const mx = new Faker({ locale: [es_MX, es, base] });
  mx.seed(2026);
  // faker 10 has no es_CO; a second seed keeps Colombian names from mirroring the Mexican ones.
  const co = new Faker({ locale: [es, base] });
  co.seed([2026, 57]);
  return new DemoCustomerGenerator(mx, co, input).run();
}

type Person = Pick<UserEntity, 'firstName' | 'lastName' | 'email'>;

class DemoCustomerGenerator {
  private readonly out: DemoCustomers = {
    clients: [],
    users: [],
    memberships: [],
    contacts: [],
    tickets: [],
    messages: [],
    notes: [],
  };
  private readonly taken = new Set<string>();
  private readonly now: number;
  private readonly agent?: DemoStaff;

  constructor(
    private readonly f: Faker,
    private readonly co: Faker,
    private readonly input: DemoCustomersInput,
  ) {
    this.now = input.now.getTime();
    this.agent = input.staff.find((s) => s.username === 'agent') ?? input.staff[0];
  }

  run(): DemoCustomers {
    const names = { MX: this.f.helpers.shuffle([...TRADE_NAMES.MX]), CO: this.f.helpers.shuffle([...TRADE_NAMES.CO]) };
    for (let i = 0; i < CLIENTS; i += 1) {
      const country: DemoCountry = i % 10 < 3 ? 'CO' : 'MX';
      const count = this.out.clients.filter((c) => c.country === country).length;
      this.client(this.input.firstIds.client + i, country, names[country][count % names[country].length]);
    }
    this.shareAccountants();
    return this.out;
  }

  private ago(minDays: number, maxDays: number): Date {
    return new Date(this.now - this.f.number.int({ min: minDays * DAY, max: maxDays * DAY }));
  }

  /** Keys, domains and emails are unique: on a clash a name gets a number, a key is drawn again. */
  private unique(make: (n: number) => string): string {
    let value = make(1);
    for (let n = 2; this.taken.has(value); n += 1) value = make(n);
    this.taken.add(value);
    return value;
  }

  /** One surname each from two draws: es_MX also makes married names ("Rojo de Llamas") that no RFC starts with. */
  private surname(names: Faker): string {
    return (
      names.person
        .lastName()
        .split(' ')
        .find((word) => !/^(de|del|la|las|los|y)$/i.test(word)) ?? 'Pérez'
    );
  }

  private person(names: Faker, domain: string, local?: string): Person {
    const firstName = names.person.firstName();
    const lastName = `${this.surname(names)} ${this.surname(names)}`;
    const mailbox = local ?? `${slug(firstName.split(' ')[0])}.${slug(lastName.split(' ')[0])}`;
    return { firstName, lastName, email: this.unique((n) => `${mailbox}${n > 1 ? n : ''}@${domain}`) };
  }

  private client(id: number, country: DemoCountry, pattern: string): void {
    const names = country === 'CO' ? this.co : this.f;
    const trade = pattern.replace('{apellido}', this.surname(names));
    const isPerson = country === 'MX' && this.f.datatype.boolean({ probability: 0.25 });
    const domain = this.unique((n) => `${slug(trade, '-')}${n > 1 ? n : ''}.example`);
    const owner = this.person(names, domain);
    const clientKey = this.unique(() =>
      country === 'CO'
        ? `${this.f.helpers.arrayElement(['800', '830', '900', '901'])}${this.f.string.numeric(6)}`
        : isPerson
          ? personRfc(
              owner.firstName,
              owner.lastName,
              this.ago(9_000, 25_000),
              this.f.string.fromCharacters(HOMOCLAVE, 2),
            )
          : companyRfc(trade, this.ago(900, 14_000), this.f.string.fromCharacters(HOMOCLAVE, 2)),
    );
    const createdAt = this.ago(60, 1_100);
    const language: Locale = this.f.datatype.boolean({ probability: 0.15 }) ? 'en' : 'es';
    this.out.clients.push({
      id,
      clientKey,
      companyName: isPerson ? trade : `${trade} ${this.f.helpers.arrayElement(LEGAL_FORMS[country])}`,
      ...owner,
      phone: this.phone(country),
      requireTwoFactor: false,
      country,
      language,
      status: this.f.helpers.weightedArrayElement([
        { value: ClientStatus.Active, weight: 85 },
        { value: ClientStatus.Inactive, weight: 8 },
        { value: ClientStatus.Closed, weight: 7 },
      ]),
      createdAt,
      updatedAt: new Date(Math.min(this.now, createdAt.getTime() + this.f.number.int({ min: 0, max: 200 }) * DAY)),
    });
    const members = this.users(id, names, owner, domain, createdAt);
    for (let i = this.f.number.int({ min: 0, max: 3 }); i > 0; i -= 1) {
      this.out.contacts.push({
        clientId: id,
        ...this.person(names, domain),
        receivesSecurityEmails: this.f.datatype.boolean({ probability: 0.4 }),
        createdAt,
        updatedAt: createdAt,
      });
    }
    for (let i = this.f.number.int({ min: 1, max: 4 }); i > 0; i -= 1) this.ticket(id, members, language);
    for (const body of this.f.helpers.arrayElements(NOTE_BODIES, { min: 1, max: 3 })) {
      const author = this.staff();
      const at = new Date(this.f.number.int({ min: createdAt.getTime(), max: this.now }));
      this.out.notes.push({
        clientId: id,
        staffId: author.id,
        authorName: author.name,
        body,
        sticky: this.f.datatype.boolean({ probability: 0.25 }),
        createdAt: at,
        updatedAt: at,
      });
    }
  }

  /** National formats: Mexico's 10 digits after the area code, Colombia's mobiles (3xx) and Bogotá's 601. */
  private phone(country: DemoCountry): string {
    const digits = (length: number, allowLeadingZeros = true) => this.f.string.numeric({ length, allowLeadingZeros });
    if (country === 'CO') {
      const mobile = this.f.helpers.arrayElement([
        '300',
        '301',
        '304',
        '310',
        '311',
        '312',
        '313',
        '315',
        '316',
        '317',
        '320',
        '321',
        '350',
      ]);
      return this.f.datatype.boolean({ probability: 0.8 })
        ? `+57 ${mobile} ${digits(3)} ${digits(4)}`
        : `+57 601 ${digits(3, false)} ${digits(4)}`;
    }
    const area = this.f.helpers.arrayElement(['55', '55', '33', '81', '222', '442', '999']);
    return area.length === 2
      ? `+52 ${area} ${digits(4, false)} ${digits(4)}`
      : `+52 ${area} ${digits(3, false)} ${digits(4)}`;
  }

  private addUser(person: Person, createdAt: Date, owner: boolean): UserEntity {
    const lastLoginAt = this.f.datatype.boolean({ probability: 0.2 }) ? null : this.ago(0, 45);
    // Documentation address ranges (RFC 5737): plausible, and nobody's real address.
    const ip = `${this.f.helpers.arrayElement(['192.0.2', '198.51.100', '203.0.113'])}.${this.f.number.int({ min: 1, max: 254 })}`;
    const user: UserEntity = {
      id: this.input.firstIds.user + this.out.users.length,
      ...person,
      passwordHash: null,
      status: owner || this.f.datatype.boolean({ probability: 0.93 }) ? UserStatus.Active : UserStatus.Disabled,
      lastLoginAt,
      lastLoginIp: lastLoginAt ? ip : null,
      mustChangePassword: false,
      passwordChangedAt: null,
      passwordExpiresAt: null,
      emailChangedAt: null,
      emailChangedBy: null,
      emailHoldLiftedAt: null,
      lockedAt: null,
      lockReason: null,
      createdAt,
      updatedAt: createdAt,
    };
    this.out.users.push(user);
    return user;
  }

  private join(
    clientId: number,
    user: UserEntity,
    username: string,
    permissions: readonly ClientUserPermission[],
  ): void {
    this.out.memberships.push({
      clientId,
      userId: user.id,
      username,
      owner: username === 'admin',
      createdAt: user.createdAt,
      // In the catalogue's order, so every row of the Users tab reads alike.
      permissions: ALL_CLIENT_USER_PERMISSIONS.filter((p) => permissions.includes(p)),
    });
  }

  /** The owner is `admin` with every permission; one to four colleagues by role or by first name. */
  private users(clientId: number, names: Faker, owner: Person, domain: string, createdAt: Date): UserEntity[] {
    const members = [this.addUser(owner, createdAt, true)];
    this.join(clientId, members[0], 'admin', ALL_CLIENT_USER_PERMISSIONS);
    const usernames = new Set(['admin']);
    for (let i = this.f.number.int({ min: 1, max: 4 }); i > 0; i -= 1) {
      const role = this.f.helpers.arrayElement(['facturacion', 'contabilidad', 'compras', null, null]);
      const person = this.person(names, domain, role ?? undefined);
      const username = role ?? slug(person.firstName.split(' ')[0]);
      if (usernames.has(username)) continue;
      usernames.add(username);
      const user = this.addUser(
        person,
        new Date(createdAt.getTime() + this.f.number.int({ min: 0, max: 30 }) * DAY),
        false,
      );
      this.join(
        clientId,
        user,
        username,
        this.f.helpers.arrayElements(ALL_CLIENT_USER_PERMISSIONS, { min: 2, max: 5 }),
      );
      members.push(user);
    }
    return members;
  }

  private shareAccountants(): void {
    for (const accountant of ACCOUNTANTS) {
      const user = this.addUser(
        { ...accountant, email: this.unique(() => `${accountant.local}@example.com`) },
        this.ago(200, 400),
        false,
      );
      // Only into accounts with room: a client has two to five users.
      const roomy = this.out.clients.filter(
        (c) => c.country === accountant.country && this.out.memberships.filter((m) => m.clientId === c.id).length < 5,
      );
      const clients = this.f.helpers.arrayElements(roomy, { min: 2, max: 3 });
      for (const client of clients) {
        const used = new Set(this.out.memberships.filter((m) => m.clientId === client.id).map((m) => m.username));
        const username =
          ['contador', 'contabilidad', 'despacho'].find((name) => !used.has(name)) ?? `contador${user.id}`;
        this.join(client.id, user, username, [
          ClientUserPermission.Profile,
          ClientUserPermission.Invoices,
          ClientUserPermission.Emails,
        ]);
      }
    }
  }

  private staff(preferred?: DemoStaff): { id: number | null; name: string } {
    const staff = preferred ?? (this.input.staff.length ? this.f.helpers.arrayElement(this.input.staff) : undefined);
    return staff ? { id: staff.id, name: staff.displayName } : { id: null, name: 'Soporte' };
  }

  /** A customer opens; staff and customer alternate; an internal note may follow the opening. */
  private ticket(clientId: number, members: UserEntity[], language: Locale): void {
    const script = this.f.helpers.arrayElement(TICKET_SCRIPTS[language]);
    const customer = this.f.datatype.boolean({ probability: 0.5 }) ? members[0] : this.f.helpers.arrayElement(members);
    const roll = this.f.number.float();
    const assignee =
      roll < 0.4 ? this.agent : roll < 0.55 ? this.f.helpers.arrayElement([...this.input.staff]) : undefined;
    const staff = this.staff(assignee);
    const ticketId = this.input.firstIds.ticket + this.out.tickets.length;
    const createdAt = this.ago(0, 30);
    let at = createdAt.getTime();
    let lastReplyAt = at;
    let staffSpokeLast = false;
    const said = { customer: 0, staff: 0 };
    for (let n = 0, count = this.f.number.int({ min: 1, max: 4 }); n < count; n += 1) {
      const internal = n === 1 && this.f.datatype.boolean({ probability: 0.25 });
      const author: MessageAuthorType =
        n === 0 || (!internal && staffSpokeLast) ? MessageAuthorType.Customer : MessageAuthorType.Staff;
      const lines = author === MessageAuthorType.Customer ? script.customer : script.staff;
      const text = internal
        ? script.internal
        : lines[Math.min(author === MessageAuthorType.Customer ? said.customer++ : said.staff++, lines.length - 1)];
      this.out.messages.push({
        ticketId,
        authorType: author,
        internal,
        body: text.replace('{nombre}', customer.firstName).replace('{agente}', staff.name),
        authorStaffId: author === MessageAuthorType.Staff ? staff.id : null,
        authorUserId: author === MessageAuthorType.Customer ? customer.id : null,
        authorName: author === MessageAuthorType.Staff ? staff.name : `${customer.firstName} ${customer.lastName}`,
        createdAt: new Date(at),
      });
      if (!internal) {
        staffSpokeLast = author === MessageAuthorType.Staff;
        lastReplyAt = at;
      }
      at = Math.min(this.now, at + this.f.number.int({ min: 20, max: 1_800 }) * 60_000);
    }
    const status = staffSpokeLast
      ? this.f.helpers.arrayElement([TicketStatus.Answered, TicketStatus.OnHold, TicketStatus.Closed])
      : said.staff === 0
        ? TicketStatus.Open
        : TicketStatus.CustomerReply;
    this.out.tickets.push({
      id: ticketId,
      clientId,
      userId: customer.id,
      subject: script.subject,
      department: script.department,
      status,
      priority: this.f.helpers.weightedArrayElement([
        { value: TicketPriority.Low, weight: 2 },
        { value: TicketPriority.Medium, weight: 5 },
        { value: TicketPriority.High, weight: 2 },
        { value: TicketPriority.Urgent, weight: 1 },
      ]),
      assignedStaffId: assignee?.id ?? null,
      lastReplyAt: new Date(lastReplyAt),
      createdAt,
      updatedAt: new Date(lastReplyAt),
    });
  }
}

/**
 * Demo customers on a first start with demo data, so a newcomer can try the WHMCS procedure at
 * once (find the client, open Users). One transaction, bulk inserts, one audit entry.
 */
@Injectable()
export class DemoCustomersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly searchIndex: ClientSearchIndex,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  load(): Promise<DemoCustomerCounts> {
    return this.transactions.run(async (manager) => {
      const staff = await manager.getRepository(StaffEntity).find({ order: { id: 'ASC' } });
      const data = await generateDemoCustomers({
        now: this.clock.now(),
        staff: staff.map(({ id, username, displayName }) => ({ id, username, displayName })),
        firstIds: {
          client: await nextId(manager, ClientEntity),
          user: await nextId(manager, UserEntity),
          ticket: await nextId(manager, TicketEntity),
        },
      });
      // Parents before children: foreign keys are checked as rows arrive.
      await insertAll(manager, ClientEntity, data.clients);
      await insertAll(manager, UserEntity, data.users);
      await insertAll(manager, ClientUserEntity, data.memberships);
      await insertAll(manager, ContactEntity, data.contacts);
      await insertAll(manager, TicketEntity, data.tickets);
      await insertAll(manager, TicketMessageEntity, data.messages);
      await insertAll(manager, NoteEntity, data.notes);
      await this.searchIndex.reindex(
        manager,
        data.clients.map((client) => client.id),
      );
      const counts = Object.fromEntries(
        Object.entries(data).map(([table, rows]) => [table, rows.length]),
      ) as DemoCustomerCounts;
      await this.audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action: ActivityAction.SystemBootstrapped,
        details: { demoCustomers: counts },
      });
      return counts;
    });
  }
}

/**
 * Ids are chosen up front because multi-row inserts do not report every generated id on SQLite.
 * Nobody else writes inside this transaction on SQLite; on MySQL a concurrent insert would fail
 * the primary key and roll the whole load back.
 */
async function nextId(manager: EntityManager, entity: EntityTarget<ObjectLiteral>): Promise<number> {
  const row = await manager
    .createQueryBuilder(entity, 't')
    .select('MAX(t.id)', 'max')
    .getRawOne<{ max: number | null }>();
  return Number(row?.max ?? 0) + 1;
}

async function insertAll<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + INSERT_CHUNK))
      .updateEntity(false)
      .execute();
  }
}
