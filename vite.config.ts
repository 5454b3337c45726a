import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The first chunk is the way in (setup, sign-in) with React, antd's core and the contract's
    // schemas: 1.18 MB, 382 KB gzipped. The signed-in screens load after sign-in (782 KB). A bigger
    // chunk than that is news: the limit is set just above what is there.
    chunkSizeWarningLimit: 1250,
  },
});
