import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const DOMAIN_SOURCE = /[\\/]libs[\\/]domain[\\/]src[\\/]/;

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    // The domain library's TypeScript source, so the UI never depends on a stale or missing dist.
    alias: { '@keydesk/domain': fromHere('../../libs/domain/src/index.ts') },
  },
  server: {
    // The api serves the built UI itself; during development Vite serves it and forwards the api.
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: fromHere('./dist'),
    emptyOutDir: true,
    sourcemap: true,
    // react-admin with Material UI weighs about 1.1 MB minified (350 kB gzipped); warn past that.
    chunkSizeWarningLimit: 1300,
    rolldownOptions: {
      treeshake: {
        // The domain library is framework-free and runs nothing on import. Saying so lets the
        // password policy and its list of common passwords stay in the chunk of the screens that
        // use them instead of loading with every page through the library's barrel file.
        moduleSideEffects: (id) => (DOMAIN_SOURCE.test(id) ? false : undefined),
      },
    },
  },
});
