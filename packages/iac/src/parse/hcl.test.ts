import { UserError } from '@rampart/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHcl } from './hcl.js';
import { COMPUTED, attr, literalStrings, resources, toData } from './hcl-query.js';

const TF = `
# comment
resource "aws_s3_bucket" "logs" {
  bucket = "logs-\${var.env}"   // trailing comment
  acl    = "private"
  tags = {
    Name = "logs"
    "team:owner" = var.team
  }
  versioning {
    enabled = true
  }
}

/* block
   comment */
resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["*"], Resource = "*" }]
  })
  count = var.enabled ? 1 : 0
  doc = <<-EOT
    {"a": 1}
    EOT
}
`;

describe('parseHcl', () => {
  it('reads blocks, labels, attributes and nested blocks with their lines', () => {
    const body = parseHcl(TF, 'main.tf');
    const [bucket] = resources(body, 'aws_s3_bucket');
    expect(bucket?.labels).toEqual(['aws_s3_bucket', 'logs']);
    expect(bucket?.line).toBe(3);
    expect(attr(bucket!.body, 'acl')).toMatchObject({ line: 5, value: { type: 'string', value: 'private' } });
    expect(attr(bucket!.body, 'bucket')?.value).toMatchObject({ type: 'string', value: 'logs-${var.env}' });
    expect(bucket?.body.blocks[0]?.type).toBe('versioning');
    const tags = toData(attr(bucket!.body, 'tags')!.value) as Record<string, unknown>;
    expect(tags.Name).toBe('logs');
    expect(tags['team:owner']).toBe(COMPUTED);
  });

  it('keeps jsonencode arguments as data, operators as raw text, and heredocs as strings', () => {
    const [policy] = resources(parseHcl(TF, 'main.tf'), 'aws_iam_policy');
    expect(toData(attr(policy!.body, 'policy')!.value)).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['*'], Resource: '*' }] });
    expect(attr(policy!.body, 'count')?.value).toMatchObject({ type: 'raw', text: 'var.enabled ? 1 : 0' });
    expect(attr(policy!.body, 'doc')?.value).toMatchObject({ type: 'string', value: '{"a": 1}' });
  });

  it('reads lists and for expressions', () => {
    const body = parseHcl('a = ["x", "y",\n  var.z]\nb = [for s in var.l : upper(s)]\n', 'x.tf');
    expect(literalStrings(attr(body, 'a')?.value)).toEqual(['x', 'y']);
    expect(attr(body, 'b')?.value.type).toBe('raw');
  });

  it('names the file and line of a block that is not closed', () => {
    expect(() => parseHcl('resource "a" "b" {\n  x = 1\n', 'bad.tf')).toThrow(UserError);
    expect(() => parseHcl('x = "open\n', 'bad.tf')).toThrow(/bad\.tf:1/);
  });

  it('throws only UserError, whatever the text', () => {
    const unit = fc.constantFrom('a', '=', '"', '{', '}', '[', ']', '(', ')', ',', '\n', ' ', '$', '#', '<<', 'EOF', '/*', '*/', '1', '.', ':', '?');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (parts) => {
        try {
          parseHcl(parts.join(''), 'f.tf');
        } catch (e) {
          if (!(e instanceof UserError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
