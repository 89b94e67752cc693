// Runs the demo server alone: `PORT=5173 node demo-app/server/index.mjs` (after `npm run build`).
import { createDemoServer, listen } from './app.mjs';

const port = Number(process.env.PORT ?? 5173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a whole number from 0 to 65535, got ${process.env.PORT}.`);
  process.exit(1);
}
const server = createDemoServer();
const url = await listen(server, port).catch((error) => {
  console.error(`Could not listen on port ${port}: ${error.message}. Set PORT to a free port.`);
  process.exit(1);
});
console.log(`Memscope demo: ${url}`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
