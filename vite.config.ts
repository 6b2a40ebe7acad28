import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cspPlugin } from './scripts/csp.ts';
import { serviceWorkerPlugin } from './scripts/sw-plugin.ts';

// A static build: everything (Monaco and its workers included) is bundled; nothing is fetched
// from the network at run time.
export default defineConfig({
  base: './',
  plugins: [react(), ...cspPlugin(), serviceWorkerPlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
