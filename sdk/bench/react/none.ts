// No hook at all: React's own cost.
import { expose } from './app.js';

expose();
