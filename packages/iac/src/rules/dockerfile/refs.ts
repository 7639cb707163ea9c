/** Docker's own guidance, which every rule of this pack points to. */
export const DOCKER_BEST_PRACTICES = 'https://docs.docker.com/build/building/best-practices/';
export const CIS_DOCKER = 'https://www.cisecurity.org/benchmark/docker (CIS Docker Benchmark, section 4)';
