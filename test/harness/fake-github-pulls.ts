// The fake GitHub's pull request endpoints (pull, files, review comments). Filled in for issue 7.
import type { RouteModule } from './fake-github-shared.js';

/** Seeding methods and state the pull request endpoints add to the fake. */
export interface FakePulls {
  placeholderPulls?: never;
}

export function createFakePulls(_baseUrl: () => string): { state: FakePulls; route: RouteModule } {
  return { state: {}, route: () => undefined };
}
