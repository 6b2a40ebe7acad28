// Vite's `?raw` imports (the scenarios' YAML), for the tests' TypeScript project; the app's
// project has them from vite/client. Vitest loads them natively.
declare module '*?raw' {
  const text: string;
  export default text;
}
