import 'reflect-metadata';

import { randomBytes } from 'node:crypto';

import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { generatePassword } from '@keydesk/domain';

import { AppModule } from '../../apps/api/src/app.module';
import { StablePrototypeExpressAdapter } from '../../apps/api/src/common/http/stable-prototype-express-adapter';
import { Clock } from '../../apps/api/src/common/time/clock';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app.config';
import { configureApp } from '../../apps/api/src/configure-app';
import { runMigrations } from '../../apps/api/src/database/run-migrations';
import { BootstrapService } from '../../apps/api/src/modules/bootstrap/bootstrap.service';
import { FakeClock } from './fake-clock';
import { createTestDatabase, DatabaseKind, TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  clock: FakeClock;
  dataSource: DataSource;
  database: TestDatabase;
  /** The administrator created from KEYDESK_ADMIN_USER / KEYDESK_ADMIN_PASSWORD. */
  admin: { username: string; password: string };
  http(): request.Agent;
  close(): Promise<void>;
}

/**
 * The real app, in-process, on a fresh database migrated from scratch (no synchronize), with a
 * clock the test controls. TRUST_PROXY lets tests speak from several IPs via X-Forwarded-For.
 */
export async function startTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase(kind);
  const admin = { username: 'root-admin', password: generatePassword(randomBytes) };
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    TRUST_PROXY: 'true',
    KEYDESK_ADMIN_USER: admin.username,
    KEYDESK_ADMIN_PASSWORD: admin.password,
    KEYDESK_DEMO_DATA: 'false',
    // TEST_LOG_LEVEL=error shows the api's own log of a failing test.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const clock = new FakeClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>(new StablePrototypeExpressAdapter(), { bodyParser: false, logger: false });
  configureApp(app, config);
  const dataSource = app.get(DataSource);
  await runMigrations(dataSource);
  await app.get(BootstrapService).run();
  await app.init();
  return {
    app, config, clock, dataSource, database, admin,
    http: () => request.agent(app.getHttpServer()),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
