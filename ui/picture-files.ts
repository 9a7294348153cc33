// Figma takes pictures of at most 4096 pixels a side
// (https://developers.figma.com/docs/plugins/api/properties/figma-createimage);
// twice the board's units keeps words sharp when a slide fills a screen.
const MAX_PIXELS = 4096;
const SHARPNESS = 2;

/** A file name from a title, in the title's own letters: `Online store: ordering` → `online-store-ordering.svg`. */
export function nameFile(title: string, extension: string): string {
  const base = title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 60) || 'journey';
  return `${base}.${extension}`;
}

/** Saves a file through the browser's download (no network: a blob URL). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * Draws an SVG picture into a PNG file in the panel's browser, at its own
 * size or `size` pixels (no network: the picture is a blob URL, and the
 * canvas stays clean as it draws nothing from elsewhere).
 */
export async function convertSvgToPngAsync(svg: string, size?: { width: number; height: number }): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size?.width ?? image.naturalWidth;
    canvas.height = size?.height ?? image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw a PNG');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The pixel size of the PNG of a picture of `width` × `height` board units: twice as many pixels, at most 4096 a side. */
export function sizeSlidePng(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(SHARPNESS, MAX_PIXELS / Math.max(width, height));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

/** The PNG file of a slide's picture of `width` × `height` board units (see sizeSlidePng). */
export async function rasterizeSvgAsync(svg: string, width: number, height: number): Promise<Uint8Array> {
  const png = await convertSvgToPngAsync(svg, sizeSlidePng(width, height));
  return new Uint8Array(await png.arrayBuffer());
}
