/** A Host (or Origin authority) split into its lower-cased name, brackets dropped, and its port (443 when unsaid). */
function authority(value: string): { name: string; port: number } | null {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]/@\s]+))(?::(\d{1,5}))?$/i.exec(value);
  if (!match) return null;
  return { name: (match[1] ?? match[2]!).toLowerCase(), port: match[3] === undefined ? 443 : Number(match[3]) };
}

const WILDCARDS = new Set(['0.0.0.0', '::']);

/**
 * The Host header must name this host as its users know it (one of its names, or the address it
 * listens on) and the port it listens on: a page elsewhere cannot rebind a name of its own to reach us.
 */
export function hostCheck(names: readonly string[], address: string): (host: string | undefined, port: number) => boolean {
  const known = new Set(names.map((name) => name.replace(/^\[|\]$/g, '').toLowerCase()));
  if (!WILDCARDS.has(address)) known.add(address.toLowerCase());
  return (host, port) => {
    const parsed = host === undefined ? null : authority(host);
    return parsed !== null && parsed.port === port && known.has(parsed.name);
  };
}

/** An Origin, when a browser sends one, must be this very host over https: a call from any other page is refused. */
export function originMatches(origin: string, host: string): boolean {
  const given = /^https:\/\/(.+)$/i.exec(origin);
  const a = given ? authority(given[1]!) : null;
  const b = authority(host);
  return a !== null && b !== null && a.name === b.name && a.port === b.port;
}
