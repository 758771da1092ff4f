import vue from '@vitejs/plugin-vue';
import { defineConfig, defaultClientConditions } from 'vite';
import vuetify from 'vite-plugin-vuetify';

/** Where `pnpm dev` finds the API server (apps/server with tsx watch). */
const apiTarget = process.env.SARNAKH_API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

// Sign-in checks the Origin header; through the proxy the browser's origin is Vite's, so present the server's own.
const proxied = {
  target: apiTarget,
  configure: (proxy: { on: (event: 'proxyReq', cb: (req: { setHeader: (k: string, v: string) => void }) => void) => void }) => {
    proxy.on('proxyReq', (req) => req.setHeader('origin', new URL(apiTarget).origin));
  },
};

export default defineConfig({
  plugins: [vue(), vuetify({ autoImport: true })],
  resolve: {
    // Plugins' admin halves are bundled from their TypeScript sources, like the workspace's tests do.
    conditions: ['@sarnakh/source', ...defaultClientConditions],
    // One copy of each for the app and every plugin's admin half.
    dedupe: ['vue', 'vue-router', 'pinia', 'vue-i18n', 'vuetify'],
  },
  build: {
    // tooling/bench reads it to measure the list page's initial JavaScript.
    manifest: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: Number(process.env.SARNAKH_ADMIN_DEV_PORT ?? 5173),
    proxy: { '/trpc': proxied, '/api': proxied, '/healthz': proxied, '/setup': proxied },
  },
});
