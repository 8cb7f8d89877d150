import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Clients, contacts, users and their associations, the search index, tickets and notes (MySQL). */
export class Customers1764000000000 implements MigrationInterface {
  name = 'Customers1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE clients (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_key varchar(13) NOT NULL,
      company_name varchar(255) NOT NULL,
      first_name varchar(100) NOT NULL,
      last_name varchar(100) NOT NULL,
      email varchar(254) NOT NULL,
      phone varchar(32) NOT NULL DEFAULT '',
      country char(2) NOT NULL,
      language varchar(2) NOT NULL DEFAULT 'es',
      status varchar(16) NOT NULL DEFAULT 'active',
      created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      UNIQUE KEY uq_clients_client_key (client_key),
      KEY idx_clients_company (company_name, id),
      KEY idx_clients_status (status, company_name, id)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE contacts (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id int NOT NULL,
      first_name varchar(100) NOT NULL,
      last_name varchar(100) NOT NULL,
      email varchar(254) NOT NULL,
      receives_security_emails tinyint NOT NULL DEFAULT 0,
      created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      UNIQUE KEY uq_contacts_email (client_id, email),
      CONSTRAINT fk_contacts_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE users (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      email varchar(254) NOT NULL,
      first_name varchar(100) NOT NULL,
      last_name varchar(100) NOT NULL,
      password_hash varchar(255) NULL,
      status varchar(16) NOT NULL DEFAULT 'active',
      last_login_at datetime(6) NULL,
      last_login_ip varchar(45) NULL,
      must_change_password tinyint NOT NULL DEFAULT 0,
      password_changed_at datetime(6) NULL,
      password_expires_at datetime(6) NULL,
      created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      UNIQUE KEY uq_users_email (email)) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE client_users (
      client_id int NOT NULL,
      user_id int NOT NULL,
      username varchar(64) NOT NULL,
      owner tinyint NOT NULL DEFAULT 0,
      permissions varchar(255) NOT NULL DEFAULT '',
      created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      PRIMARY KEY (client_id, user_id),
      UNIQUE KEY uq_client_users_username (client_id, username),
      KEY idx_client_users_user (user_id),
      CONSTRAINT fk_client_users_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE,
      CONSTRAINT fk_client_users_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE user_sign_ins (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      user_id int NOT NULL,
      client_id int NULL,
      occurred_at datetime(3) NOT NULL,
      ip varchar(45) NULL,
      user_agent varchar(512) NULL,
      succeeded tinyint NOT NULL,
      KEY idx_user_sign_ins_user (user_id, id),
      CONSTRAINT fk_user_sign_ins_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    // One row per searchable word of a client (names, emails, key, phone), normalised by the api
    // and compared byte-wise: prefix searches become index range scans instead of table scans.
    await db.query(`CREATE TABLE client_search_terms (
      term varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
      client_id int NOT NULL,
      PRIMARY KEY (term, client_id),
      KEY idx_client_search_terms_client (client_id),
      CONSTRAINT fk_client_search_terms_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE tickets (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id int NOT NULL,
      user_id int NULL,
      subject varchar(255) NOT NULL,
      department varchar(32) NOT NULL,
      priority varchar(16) NOT NULL,
      status varchar(16) NOT NULL,
      assigned_staff_id int NULL,
      last_reply_at datetime(6) NOT NULL,
      created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      KEY idx_tickets_client (client_id, last_reply_at),
      KEY idx_tickets_queue (status, last_reply_at),
      CONSTRAINT fk_tickets_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE,
      CONSTRAINT fk_tickets_user FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE SET NULL,
      CONSTRAINT fk_tickets_staff FOREIGN KEY (assigned_staff_id) REFERENCES staff(id) ON DELETE SET NULL) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE ticket_messages (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      ticket_id int NOT NULL,
      author_type varchar(16) NOT NULL,
      author_staff_id int NULL,
      author_user_id int NULL,
      author_name varchar(255) NOT NULL,
      body text NOT NULL,
      internal tinyint NOT NULL DEFAULT 0,
      created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      KEY idx_ticket_messages_ticket (ticket_id, id),
      CONSTRAINT fk_ticket_messages_ticket FOREIGN KEY (ticket_id) REFERENCES tickets(id) ON DELETE CASCADE,
      CONSTRAINT fk_ticket_messages_staff FOREIGN KEY (author_staff_id) REFERENCES staff(id) ON DELETE SET NULL,
      CONSTRAINT fk_ticket_messages_user FOREIGN KEY (author_user_id) REFERENCES users(id) ON DELETE SET NULL) ${TABLE_OPTIONS}`);
    await db.query(`CREATE TABLE notes (
      id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
      client_id int NOT NULL,
      staff_id int NULL,
      author_name varchar(255) NOT NULL,
      body text NOT NULL,
      sticky tinyint NOT NULL DEFAULT 0,
      created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      updated_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
      KEY idx_notes_client (client_id, sticky, id),
      CONSTRAINT fk_notes_client FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE CASCADE,
      CONSTRAINT fk_notes_staff FOREIGN KEY (staff_id) REFERENCES staff(id) ON DELETE SET NULL) ${TABLE_OPTIONS}`);
    // Which client an audit entry concerns, so the client's Log tab reads it by index.
    await db.query(`ALTER TABLE audit_log ADD COLUMN client_id int NULL, ADD KEY idx_audit_client (client_id, seq)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_log DROP KEY idx_audit_client, DROP COLUMN client_id`);
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
