export type ByteRange = { start: number; end: number };

/**
 * The one byte range of a `Range` header (RFC 9110 §14), for a file of `size` bytes. Safari fetches
 * videos with `bytes=0-1` first and will not play a file served without 206 answers. Several ranges in
 * one header, or a malformed header, are ignored (the whole file is sent, as the RFC allows);
 * "unsatisfiable" becomes a 416.
 */
export function parseRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/i);
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== "" && Number(last) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: last === "" ? size - 1 : Math.min(Number(last), size - 1) };
}
