import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { PinoLogger } from 'nestjs-pino';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { generatePassword } from '@keydesk/domain';

import { AppModule } from '../../apps/api/src/app.module';
import { StablePrototypeExpressAdapter } from '../../apps/api/src/common/http/stable-prototype-express-adapter';
import { Clock } from '../../apps/api/src/common/time/clock';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app.config';
import { createOpenApiDocument } from '../../apps/api/src/common/openapi/openapi-document';
import { configureApp } from '../../apps/api/src/configure-app';
import { runMigrations } from '../../apps/api/src/database/run-migrations';
import { BootstrapService } from '../../apps/api/src/modules/bootstrap/bootstrap.service';
import { FakeClock } from './fake-clock';
import { describeResponsesWith } from './response-validation';
import { createTestDatabase, DatabaseKind, TestDatabase } from './test-database';

export interface LogLine {
  level: number;
  msg: string;
  context?: string;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  clock: FakeClock;
  dataSource: DataSource;
  database: TestDatabase;
  /** What the api logged, one parsed pino line each; empty unless LOG_LEVEL is given in env. */
  logLines: LogLine[];
  /** The administrator created from KEYDESK_ADMIN_USER / KEYDESK_ADMIN_PASSWORD. */
  admin: { username: string; password: string };
  http(): request.Agent;
  close(): Promise<void>;
}

/**
 * nestjs-pino builds one logger per process, with the first app's options: every app of a test
 * file writes through it, so the sink hands each line to the app started last, and each app sets
 * the shared logger's level to its own.
 */
let currentLogLines: LogLine[] = [];
const logSink = new Writable({
  write(chunk, _encoding, done) {
    currentLogLines.push(JSON.parse(String(chunk)) as LogLine);
    if (process.env.TEST_LOG_LEVEL) process.stdout.write(chunk);
    done();
  },
});

/**
 * The real app, in-process, on a fresh database migrated from scratch (no synchronize), with a
 * clock the test controls. TRUST_PROXY lets tests speak from several IPs via X-Forwarded-For.
 */
export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  /** How the app reaches its database (through a proxy a test can cut). */
  reach: (url: string) => string = (url) => url,
): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const admin = { username: 'root-admin', password: generatePassword(randomBytes) };
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: database.dataDir,
    DATABASE_URL: reach(database.url),
    TRUST_PROXY: 'true',
    KEYDESK_ADMIN_USER: admin.username,
    KEYDESK_ADMIN_PASSWORD: admin.password,
    KEYDESK_DEMO_DATA: 'false',
    // TEST_LOG_LEVEL=error shows the api's own log of a failing test.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const clock = new FakeClock();
  const logLines: LogLine[] = (currentLogLines = []);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, logSink)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(new StablePrototypeExpressAdapter(), {
    bodyParser: false,
    logger: false,
  });
  configureApp(app, config);
  PinoLogger.root.level = config.server.logLevel;
  const dataSource = app.get(DataSource);
  await runMigrations(dataSource);
  await app.get(BootstrapService).run();
  await app.init();
  describeResponsesWith(() => createOpenApiDocument(app));
  return {
    app,
    config,
    clock,
    dataSource,
    database,
    admin,
    logLines,
    http: () => request.agent(app.getHttpServer()),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * A second api process on the test app's database (its own Nest app, services and caches, the
 * same clock): what one process changes, the other must see.
 */
export async function peerApp(
  t: TestApp,
): Promise<{ app: NestExpressApplication; http(): request.Agent; close(): Promise<void> }> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(t.config, logSink)] })
    .overrideProvider(Clock)
    .useValue(t.clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(new StablePrototypeExpressAdapter(), {
    bodyParser: false,
    logger: false,
  });
  configureApp(app, t.config);
  await app.init();
  return { app, http: () => request.agent(app.getHttpServer()), close: () => app.close() };
}
