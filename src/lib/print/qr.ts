/**
 * QR codes for leaflets: an SVG made at build time (package `qrcode`), error correction M
 * (15% of the code can be dirty or folded and it still scans), the URL it encodes, and the
 * short form printed beside it for people who type it in.
 */
import QRCode from 'qrcode';
import { escapeHtml } from '../text.ts';

export const QR_ERROR_CORRECTION = 'M' as const;

/** The absolute URL a leaflet's QR code carries: the lesson page, never the leaflet itself. */
export function qrPayload(path: string, site: string): string {
  return new URL(path, site).href;
}

/** "https://ban-so.example.org/bai-hoc/x/" → "ban-so.example.org/bai-hoc/x": what we print in text. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** An accessible SVG of the QR code (black modules on white, 4-module quiet zone). */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  const escaped = escapeHtml(label);
  return svg.replace('<svg ', `<svg class="qr" role="img" aria-label="${escaped}" `).replace(/\n/g, '');
}
