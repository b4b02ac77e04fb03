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
  'test/unit/shared/domain/new-customer.test.ts',
  'test/unit/shared/reports/*.test.ts',
];

/** The LDAP sign-in needs no database but a real slapd (scripts/slapd.sh): its own project. */
const ldapTests = ['server/test/ldap.test.ts', 'server/test/ldap-config.test.ts', 'server/test/ldap-mapping-slapd.test.ts'];

/**
 * The sync service's suite, twice: on PGlite (embedded) and on Debian's PostgreSQL 15 (PG15_URL,
 * started by scripts/pg15.sh from scripts/test.sh and scripts/test-server.sh): one code path, two
 * databases (issue 6). Files run one at a time: PGlite is CPU-heavy and the machine is small.
 */
const serverProject = (db: 'pglite' | 'pg15') => ({
  test: {
    name: `server-${db}`,
    include: ['server/test/**/*.test.ts'],
    exclude: ldapTests,
    environment: 'node' as const,
    env: { SYNC_TEST_DB: db },
    testTimeout: 20_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});

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
      // The sync service's suite on PGlite and on PostgreSQL 15 (PG15_URL from scripts/test.sh).
      serverProject('pglite'),
      serverProject('pg15'),
      // LDAP sign-in (issue 7 item 1) against a throwaway slapd (LDAP_TEST_URL from scripts/test.sh).
      {
        test: { name: 'server-ldap', include: ldapTests, environment: 'node', testTimeout: 20_000, hookTimeout: 30_000, fileParallelism: false },
      },
    ],
  },
});
