// Hosts the engine off the main thread, so a large paste never freezes the page.
import { expose } from 'comlink';
import { withDebugFaults } from './debug-fault.ts';
import { createEngineApi } from './engine-api.ts';

expose(withDebugFaults(createEngineApi(() => performance.now())));
