import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@rampart/source'] },
  // Tests run in Vite's SSR environment, which takes its resolve conditions from here, not from `resolve`.
  ssr: { resolve: { conditions: ['@rampart/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'actions/*/src/**/*.test.ts', 'test/**/*.test.ts', 'templates/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
