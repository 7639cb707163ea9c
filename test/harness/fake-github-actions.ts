// The fake GitHub's Actions endpoints (workflow runs, run artifacts, artifact download). Filled in for issue 7.
import type { RouteModule } from './fake-github-shared.js';

/** Seeding methods and state the Actions endpoints add to the fake. */
export interface FakeActions {
  placeholderActions?: never;
}

export function createFakeActions(_baseUrl: () => string): { state: FakeActions; route: RouteModule } {
  return { state: {}, route: () => undefined };
}
