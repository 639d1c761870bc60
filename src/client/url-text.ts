/** Small helpers the HTTP clients share for error messages: which server, which path, a body snippet. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** One line of at most 300 characters of a response body. */
export function snippet(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 300 ? `${one.slice(0, 300)}…` : one;
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connect timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
};

/** A socket error code in words (`ECONNREFUSED` → "connection refused"); unknown codes lower-cased. */
export function reasonOf(code: string | undefined): string | undefined {
  return code ? (REASONS[code] ?? code.toLowerCase()) : undefined;
}
