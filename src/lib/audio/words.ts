/** A recording's length and size as a reader wants to see them before pressing play on 2G. */

/** "1 phút 20 giây", "45 giây", "3 phút". */
export function lengthWords(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (!minutes) return `${rest} giây`;
  return rest ? `${minutes} phút ${rest} giây` : `${minutes} phút`;
}

/** "240 KB", "1,2 MB" (Vietnamese decimal comma; 1 KB = 1,024 bytes, as phones show file sizes). */
export function sizeWords(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1000) return `${Math.max(1, Math.round(kb))} KB`;
  return `${(kb / 1024).toFixed(1).replace('.', ',')} MB`;
}
