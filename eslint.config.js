// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util'];

const noOnlyNoSkip = [
  { selector: "CallExpression[callee.property.name='only']", message: 'Kein .only im Baum.' },
  { selector: "MemberExpression[object.name=/^(it|test|describe)$/][property.name='skip']", message: 'Kein stilles .skip.' },
];

/**
 * Issue 10 item 7: dates, times and numbers are German whatever the machine's language or zone.
 * Every Intl formatter and toLocale… call names 'de-DE'; date formatters also name the zone.
 */
const GERMAN = "'de-DE' angeben: die App spricht Deutsch, egal welche Sprache Browser oder Windows haben (issue 10 item 7).";
const BERLIN_ZONE = "timeZone: 'Europe/Berlin' angeben: Uhrzeiten gelten in Rheinland-Pfalz, nicht in der Zeitzone des Rechners (issue 10 item 7).";
const germanLocale = [
  { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]:not([arguments.0.value='de-DE'])", message: GERMAN },
  { selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)String$/]:not(:has(Property[key.name='timeZone']))", message: BERLIN_ZONE },
  { selector: ":matches(NewExpression, CallExpression)[callee.object.name='Intl']:not([arguments.0.value='de-DE'])", message: GERMAN },
  { selector: ":matches(NewExpression, CallExpression)[callee.object.name='Intl'][callee.property.name='DateTimeFormat']:not(:has(Property[key.name='timeZone']))", message: BERLIN_ZONE },
];

/** Layering (STYLE 2): shared/ imports nothing of ours; renderer ↔ electron never import each other. */
const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message: 'Verletzt die Schichtgrenzen (ARCHITECTURE.md).' })) }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'server/data/**', '.tools/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noOnlyNoSkip],
    },
  },
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...noOnlyNoSkip, ...germanLocale] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', 'dexie', ...nodeBuiltins]]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([['**/electron/**', 'electron', ...nodeBuiltins]]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([['**/renderer/**']]),
  },
  {
    // The sync service (issue 6) runs on Node and may import shared/ only: never app code.
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([['**/renderer/**', '**/electron/**', 'electron', 'react', 'react-dom', 'dexie']]),
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
