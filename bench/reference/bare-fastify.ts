// The HTTP reference: plain Fastify, no plugins, no hooks, no database — one GET route per path
// given, answering {"status":"ok"}. Usage: PORT=… node bench/reference/bare-fastify.ts /readyz
import Fastify from 'fastify';

const paths = process.argv.slice(2);
const port = Number(process.env.PORT);
if (paths.length === 0 || !Number.isInteger(port)) throw new Error('usage: PORT=<port> node bench/reference/bare-fastify.ts <path>…');

const app = Fastify();
for (const path of paths) app.get(path, async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port });

process.once('SIGTERM', () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
