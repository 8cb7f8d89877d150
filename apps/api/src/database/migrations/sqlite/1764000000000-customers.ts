import { MigrationInterface, QueryRunner } from 'typeorm';

/** Clients, contacts, users and their associations, the search index, tickets and notes (SQLite). */
export class Customers1764000000000 implements MigrationInterface {
  name = 'Customers1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE clients (
      id integer PRIMARY KEY AUTOINCREMENT,
      client_key varchar(13) NOT NULL UNIQUE COLLATE NOCASE,
      company_name varchar(255) NOT NULL,
      first_name varchar(100) NOT NULL,
      last_name varchar(100) NOT NULL,
      email varchar(254) NOT NULL,
      phone varchar(32) NOT NULL DEFAULT '',
      country char(2) NOT NULL,
      language varchar(2) NOT NULL DEFAULT 'es',
      status varchar(16) NOT NULL DEFAULT 'active',
      created_at datetime NOT NULL DEFAULT (datetime('now')),
      updated_at datetime NOT NULL DEFAULT (datetime('now')))`);
    await db.query(`CREATE INDEX idx_clients_company ON clients (company_name, id)`);
    await db.query(`CREATE INDEX idx_clients_status ON clients (status, company_name, id)`);
    await db.query(`CREATE TABLE contacts (
      id integer PRIMARY KEY AUTOINCREMENT,
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      first_name varchar(100) NOT NULL,
      last_name varchar(100) NOT NULL,
      email varchar(254) NOT NULL,
      receives_security_emails boolean NOT NULL DEFAULT 0,
      created_at datetime NOT NULL DEFAULT (datetime('now')),
      updated_at datetime NOT NULL DEFAULT (datetime('now')))`);
    await db.query(`CREATE UNIQUE INDEX uq_contacts_email ON contacts (client_id, email)`);
    await db.query(`CREATE TABLE users (
      id integer PRIMARY KEY AUTOINCREMENT,
      email varchar(254) NOT NULL UNIQUE COLLATE NOCASE,
      first_name varchar(100) NOT NULL,
      last_name varchar(100) NOT NULL,
      password_hash varchar(255) NULL,
      status varchar(16) NOT NULL DEFAULT 'active',
      last_login_at datetime NULL,
      last_login_ip varchar(45) NULL,
      must_change_password boolean NOT NULL DEFAULT 0,
      password_changed_at datetime NULL,
      password_expires_at datetime NULL,
      created_at datetime NOT NULL DEFAULT (datetime('now')),
      updated_at datetime NOT NULL DEFAULT (datetime('now')))`);
    await db.query(`CREATE TABLE client_users (
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      username varchar(64) NOT NULL COLLATE NOCASE,
      owner boolean NOT NULL DEFAULT 0,
      permissions varchar(255) NOT NULL DEFAULT '',
      created_at datetime NOT NULL DEFAULT (datetime('now')),
      PRIMARY KEY (client_id, user_id))`);
    await db.query(`CREATE UNIQUE INDEX uq_client_users_username ON client_users (client_id, username)`);
    await db.query(`CREATE INDEX idx_client_users_user ON client_users (user_id)`);
    await db.query(`CREATE TABLE user_sign_ins (
      id integer PRIMARY KEY AUTOINCREMENT,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      client_id integer NULL,
      occurred_at datetime NOT NULL,
      ip varchar(45) NULL,
      user_agent varchar(512) NULL,
      succeeded boolean NOT NULL)`);
    await db.query(`CREATE INDEX idx_user_sign_ins_user ON user_sign_ins (user_id, id)`);
    // One row per searchable word of a client (names, emails, key, phone), normalised by the
    // api: prefix searches become index range scans instead of scanning clients.
    await db.query(`CREATE TABLE client_search_terms (
      term varchar(100) NOT NULL,
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      PRIMARY KEY (term, client_id))`);
    await db.query(`CREATE INDEX idx_client_search_terms_client ON client_search_terms (client_id)`);
    await db.query(`CREATE TABLE tickets (
      id integer PRIMARY KEY AUTOINCREMENT,
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      user_id integer NULL REFERENCES users(id) ON DELETE SET NULL,
      subject varchar(255) NOT NULL,
      department varchar(32) NOT NULL,
      priority varchar(16) NOT NULL,
      status varchar(16) NOT NULL,
      assigned_staff_id integer NULL REFERENCES staff(id) ON DELETE SET NULL,
      last_reply_at datetime NOT NULL,
      created_at datetime NOT NULL DEFAULT (datetime('now')),
      updated_at datetime NOT NULL DEFAULT (datetime('now')))`);
    await db.query(`CREATE INDEX idx_tickets_client ON tickets (client_id, last_reply_at)`);
    await db.query(`CREATE INDEX idx_tickets_queue ON tickets (status, last_reply_at)`);
    await db.query(`CREATE TABLE ticket_messages (
      id integer PRIMARY KEY AUTOINCREMENT,
      ticket_id integer NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
      author_type varchar(16) NOT NULL,
      author_staff_id integer NULL REFERENCES staff(id) ON DELETE SET NULL,
      author_user_id integer NULL REFERENCES users(id) ON DELETE SET NULL,
      author_name varchar(255) NOT NULL,
      body text NOT NULL,
      internal boolean NOT NULL DEFAULT 0,
      created_at datetime NOT NULL DEFAULT (datetime('now')))`);
    await db.query(`CREATE INDEX idx_ticket_messages_ticket ON ticket_messages (ticket_id, id)`);
    await db.query(`CREATE TABLE notes (
      id integer PRIMARY KEY AUTOINCREMENT,
      client_id integer NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      staff_id integer NULL REFERENCES staff(id) ON DELETE SET NULL,
      author_name varchar(255) NOT NULL,
      body text NOT NULL,
      sticky boolean NOT NULL DEFAULT 0,
      created_at datetime NOT NULL DEFAULT (datetime('now')),
      updated_at datetime NOT NULL DEFAULT (datetime('now')))`);
    await db.query(`CREATE INDEX idx_notes_client ON notes (client_id, sticky, id)`);
    // Which client an audit entry concerns, so the client's Log tab reads it by index.
    await db.query(`ALTER TABLE audit_log ADD COLUMN client_id integer NULL`);
    await db.query(`CREATE INDEX idx_audit_client ON audit_log (client_id, seq)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idx_audit_client`);
    await db.query(`ALTER TABLE audit_log DROP COLUMN client_id`);
    for (const table of [
      'notes',
      'ticket_messages',
      'tickets',
      'client_search_terms',
      'user_sign_ins',
      'client_users',
      'users',
      'contacts',
      'clients',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
