import { Router } from './router.js';

// Listeners are registered at the top level so that a connection wakes a stopped worker
// and finds them in place (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
const router = new Router(chrome.runtime.getURL(''));
chrome.runtime.onConnect.addListener((port) => router.connect(port));
