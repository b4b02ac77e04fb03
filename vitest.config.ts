import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests run in Node. The deadline and calendar tests run twice more with another process
// time zone: the working-day clock must give the same instant whatever the machine's zone is.
const tzSensitive = [
  'test/unit/shared/domain/callback-deadline.test.ts',
  'test/unit/shared/domain/calendar.test.ts',
  'test/unit/shared/domain/opening-hours.test.ts',
  'test/unit/shared/domain/handoff-queue.test.ts',
  'test/unit/shared/domain/retention.test.ts',
  'test/unit/shared/domain/deadline-display.test.ts',
];

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          env: { TZ: 'Europe/Berlin' },
        },
      },
      {
        resolve: { alias },
        test: { name: 'tz-utc', include: tzSensitive, environment: 'node', env: { TZ: 'UTC' } },
      },
      {
        resolve: { alias },
        test: {
          name: 'tz-new-york',
          include: tzSensitive,
          environment: 'node',
          env: { TZ: 'America/New_York' },
        },
      },
    ],
  },
});
