/** What the Terraform rules need of HCL: literals with their structure, everything else as its source text. */
export type HclExpr =
  | { type: 'string'; value: string; line: number }
  | { type: 'number'; value: number; line: number }
  | { type: 'bool'; value: boolean; line: number }
  | { type: 'null'; line: number }
  | { type: 'list'; items: HclExpr[]; line: number }
  | { type: 'object'; attrs: HclAttribute[]; line: number }
  | { type: 'call'; name: string; args: HclExpr[]; line: number }
  /** References, operators, conditionals, `for` expressions: kept as written. */
  | { type: 'raw'; text: string; line: number };

export interface HclAttribute {
  name: string;
  value: HclExpr;
  line: number;
}

export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
  line: number;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}
