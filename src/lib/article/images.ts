/**
 * Responsive image settings (issue 5), shared by cover images and pictures in article bodies:
 * 360 and 412 px phones at 1x (360, 412) and 2x (720, 824), and a wider one for desktops (1080).
 * AVIF, then WebP, then the source format as the fallback <img>.
 */
export const IMAGE_WIDTHS = [360, 412, 720, 824, 1080];
export const IMAGE_FORMATS = ['avif', 'webp'] as const;
/** The content column is 40rem wide at most. */
export const IMAGE_SIZES = '(min-width: 42rem) 40rem, 100vw';
/** The largest file a 360 px phone may download for one picture. */
export const IMAGE_360_BUDGET = 40 * 1024;

/** Width of the fallback <img src> (and of its width attribute): large photos are never sent whole. */
export function fallbackWidth(originalWidth: number): number {
  return Math.min(IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!, originalWidth);
}
