import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

/**
 * Entry of `npm run bench`. Node's type stripping can run this file but not the app's modules
 * (the `@shared` alias, extensionless imports), so the benchmark proper (main.ts) is bundled with
 * vite for Node first – packages stay external – and then imported.
 */
const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(root, 'out/bench/runner');

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  build: {
    ssr: resolve(root, 'scripts/bench/main.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'main.mjs' } },
  },
});

const bench = (await import(pathToFileURL(resolve(outDir, 'main.mjs')).href)) as {
  main: (root: string, argv: readonly string[]) => Promise<number>;
};
process.exitCode = await bench.main(root, process.argv.slice(2));
