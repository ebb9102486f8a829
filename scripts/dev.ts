/** `npm run dev`: the server restarting on change, and Vite's dev server proxying the API to it. */
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '3000';
const children = [
  spawn(process.execPath, ['--watch-path=src', '--watch-path=migrations', 'src/main.ts', 'start'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: port, KABINET_WEB_DIR: '/nonexistent' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'web/vite.config.ts'], {
    stdio: 'inherit',
    env: { ...process.env, KABINET_API_PORT: port },
  }),
];

const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
for (const child of children) child.once('exit', stop);
