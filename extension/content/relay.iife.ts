// Named *.iife.ts so that crxjs emits a classic script that runs at document_start, before any page
// script: its default loader is asynchronous and missed the SDK's first message in 5 of 5 loads.
import { PAGE_PORT } from '../shared/ports.js';
import { createReconnectingPort } from '../shared/reconnecting-port.js';
import { startRelay } from './relay.js';

startRelay({
  window,
  openPort: ({ onMessage, onConnect }) =>
    createReconnectingPort({ connect: () => chrome.runtime.connect({ name: PAGE_PORT }), onMessage, onConnect }),
});
