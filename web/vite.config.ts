import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/** The dashboard: plain TypeScript and ECharts, built into web/dist for `rerate serve`; `vite` proxies /api in development. */
export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1500, modulePreload: { polyfill: false } },
  // The API answers only its own Host and origin (see README, Local server): the proxy presents itself as such.
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": {
        target: "http://127.0.0.1:8780",
        changeOrigin: true,
        configure: (proxy) => proxy.on("proxyReq", (req) => {
          if (req.getHeader("origin") !== undefined) req.setHeader("origin", "http://127.0.0.1:8780");
        }),
      },
    },
  },
  logLevel: "warn",
});
