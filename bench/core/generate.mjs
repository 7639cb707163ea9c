// Deterministic synthetic SARIF: many rules, files and severities, some duplicates (the same result twice,
// as two shards would report it) so dedupe has work to do.
export function makeSarif(count) {
  const rules = [];
  for (let r = 0; r < 200; r++) {
    rules.push({
      id: `bench.rule-${r}`,
      shortDescription: { text: `Rule ${r}` },
      fullDescription: { text: `Benchmark rule number ${r}` },
      help: { text: 'Fix it', markdown: '**Fix it**' },
      properties: { tags: ['security', `external/cwe/cwe-${79 + (r % 20)}`], 'security-severity': String((r % 10) + 0.5) },
    });
  }
  const results = [];
  for (let i = 0; i < count; i++) {
    // Every 20th result repeats the one before it.
    const n = i % 20 === 19 ? i - 1 : i;
    const r = n % 200;
    const file = n % 50 === 0 ? `src/generated/file-${n % 997}.js` : `src/module-${n % 997}/file-${n % 31}.js`;
    results.push({
      ruleId: `bench.rule-${r}`,
      ruleIndex: r,
      level: ['error', 'warning', 'note'][r % 3],
      message: { text: `Untrusted data reaches a sink in call number ${n}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' },
            region: { startLine: (n % 500) + 1, startColumn: 5, snippet: { text: `sink(input${n});` } },
          },
        },
      ],
    });
  }
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'benchtool', version: '1.0.0', rules } }, results }],
  });
}
