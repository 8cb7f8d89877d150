import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Source aliases, so tests run against the libraries' TypeScript without building them first.
const alias = {
  '@keydesk/domain': fromRoot('./libs/domain/src/index.ts'),
  '@keydesk/mailer': fromRoot('./libs/mailer/src/index.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['libs/*/src/**/*.spec.ts', 'apps/*/src/**/*.spec.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.e2e-spec.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file boots its own app on its own fresh database; two cores run two at a time.
          maxWorkers: 2,
        },
      },
      {
        // The built programs (npm run build) in their own processes: the CLI, first start.
        extends: true,
        test: {
          name: 'dist',
          sequence: { groupOrder: 2 },
          include: ['test/dist/**/*.dist-spec.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          sequence: { groupOrder: 3 },
          include: ['test/browser/**/*.browser-spec.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
