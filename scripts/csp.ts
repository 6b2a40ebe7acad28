// The Content-Security-Policy of the built page: a <meta> tag in dist/index.html and the same
// policy as a header from `vite preview`. Dev (HMR injects inline scripts) is left alone.
import type { Plugin } from 'vite';

/** Directive → sources. Everything the app runs is bundled, so 'self' is enough. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // The engine and Monaco's workers are files of the build (new URL(..., import.meta.url) and
  // Vite's `?worker`), never blob: or data: URLs.
  'worker-src': ["'self'"],
  // Monaco and React Flow insert <style> elements and style attributes at run time; allowing
  // inline styles is the price of both (styles cannot run code, scripts stay self-only).
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  // Monaco's codicon font is bundled; nothing is fetched from elsewhere.
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

export function cspPolicy(): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Adds the policy to the built page (first thing in <head>) and to `vite preview`'s responses. */
export function cspPlugin(): Plugin[] {
  const policy = cspPolicy();
  const meta: Plugin = {
    name: 'podwire-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
  // `vite preview` runs as 'serve': its own plugin (the hook is never called by the dev server).
  const header: Plugin = {
    name: 'podwire-csp-preview',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
        next();
      });
    },
  };
  return [meta, header];
}
