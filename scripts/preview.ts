/** npm run preview: serve dist/ on 127.0.0.1 (port 4321, or PORT), under BASE_PATH if set. */
import { existsSync } from 'node:fs';
import { serveStatic } from '../src/build/serve.ts';

const dir = process.env.PARLEY_OUT_DIR ?? 'dist';
if (!existsSync(dir)) {
  console.error(`preview: no ${dir}/ yet; run npm run build first`);
  process.exit(1);
}
const server = await serveStatic(dir, { base: process.env.BASE_PATH ?? '/', port: Number(process.env.PORT ?? 4321) });
console.log(`Parley preview: ${server.url} (Ctrl+C to stop)`);
