// Hosts the engine off the main thread, so a large paste never freezes the page.
import { expose } from 'comlink';
import { createEngineApi } from './engine-api.ts';

expose(createEngineApi(() => performance.now()));
