/**
 * Whether an image reference floats: the `latest` tag, or no tag and no digest (which means latest).
 * A reference built from a variable cannot be judged and is left alone.
 */
export function floatingTag(image: string): 'latest' | 'untagged' | undefined {
  if (image.includes('@sha256:') || image.includes('$') || image.includes('{{') || image.toLowerCase() === 'scratch') return undefined;
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return 'untagged';
  return lastSegment.slice(colon + 1).toLowerCase() === 'latest' ? 'latest' : undefined;
}
