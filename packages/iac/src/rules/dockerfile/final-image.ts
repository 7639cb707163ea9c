import { stagesOf, type DockerInstruction, type DockerStage } from '../../parse/dockerfile.js';

/** The shipped image: the final stage and the earlier stages it is built `FROM`, nearest first. */
export interface FinalImage {
  final: DockerStage;
  /** The final stage, then its parent stage, and so on up to one that starts from a registry image. */
  chain: DockerStage[];
  /** The registry image at the root of the chain. */
  base: string;
}

export function finalImage(instructions: readonly DockerInstruction[]): FinalImage | undefined {
  const stages = stagesOf(instructions);
  const final = stages.at(-1);
  if (final === undefined) return undefined;
  const chain: DockerStage[] = [final];
  let cur = final;
  for (;;) {
    const index = stages.indexOf(cur);
    const image = cur.image.toLowerCase();
    const parent = stages.slice(0, index).reverse().find((s) => s.name === image);
    if (parent === undefined) break;
    chain.push(parent);
    cur = parent;
  }
  return { final, chain, base: cur.image };
}

/** The last instruction with this keyword that the shipped image inherits, nearest stage first. */
export function lastInherited(image: FinalImage, keyword: string): DockerInstruction | undefined {
  for (const stage of image.chain) {
    const hit = stage.instructions.filter((i) => i.keyword === keyword).at(-1);
    if (hit !== undefined) return hit;
  }
  return undefined;
}
