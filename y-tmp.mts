import { parseManifests } from './src/engine/index.ts';
console.log(JSON.stringify(parseManifests(`apiVersion: v1
kind: Service
metadata:
  name: Two
spec:
  ports:
  - port: 80
`).diagnostics));
