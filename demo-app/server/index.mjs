// Runs the demo server alone: `PORT=5173 node demo-app/server/index.mjs` (after `npm run build`).
import { createDemoServer, listen, portFrom } from './app.mjs';

let port;
try {
  port = portFrom();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const server = createDemoServer();
const url = await listen(server, port).catch((error) => {
  console.error(`Could not listen on port ${port}: ${error.message}. Set PORT to a free port.`);
  process.exit(1);
});
console.log(`Memscope demo: ${url}`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
